/* test_split_seed.c -- sentence boundaries in the real, raw seed cluster
   (../shared/data/seed-cluster): glued sentences, a headline glued to a
   quote, datelines, abbreviations, straight and curly quotes.  The data is
   not part of the repository; without it the test is skipped (exit 77).

   The leading metadata line (" date 2016-12-30") is removed first, as the
   input layer does before splitting. */
#include "internal.h"
#include "t.h"

#include <stdlib.h>

#define SEED PRECIS_SHARED_DATA "/seed-cluster/"

typedef struct doc {
    char *text;
    size_t len;
    precis_span *sp;
    size_t n;
} doc;

static int load(doc *d, const char *name)
{
    FILE *f = fopen(name, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16;
    d->text = malloc(cap);
    d->len = d->text ? fread(d->text, 1, cap - 1, f) : 0;
    fclose(f);
    if (!d->text)
        return -1;
    d->text[d->len] = '\0';
    /* the metadata line: " date YYYY[-MM[-DD]] " */
    char *t = d->text;
    if (!strncmp(t, " date ", 6)) {
        size_t k = 6;
        while (k < d->len && (t[k] == '-' || (t[k] >= '0' && t[k] <= '9')))
            k++;
        memmove(t, t + k, d->len - k + 1);
        d->len -= k;
    }
    T_EQ_INT(precis_split(d->text, d->len, &d->sp, &d->n), PRECIS_OK);
    return 0;
}

static void unload(doc *d)
{
    precis_free(d->sp);
    free(d->text);
}

/* The span that starts with `prefix`, or -1. */
static long starts(const doc *d, const char *prefix)
{
    size_t k = strlen(prefix);
    for (size_t i = 0; i < d->n; i++)
        if (d->sp[i].end - d->sp[i].start >= k && !memcmp(d->text + d->sp[i].start, prefix, k))
            return (long)i;
    return -1;
}

/* Does span i end with `suffix`? */
static int ends(const doc *d, long i, const char *suffix)
{
    size_t k = strlen(suffix);
    if (i < 0 || (size_t)i >= d->n || d->sp[i].end - d->sp[i].start < k)
        return 0;
    return !memcmp(d->text + d->sp[i].end - k, suffix, k);
}

/* A boundary between `before` (end of one sentence) and `after` (start of
   the next). */
static int boundary(const doc *d, const char *before, const char *after)
{
    long i = starts(d, after);
    return i > 0 && ends(d, i - 1, before);
}

/* Every occurrence of `needle` lies inside one span. */
static int inside(const doc *d, const char *needle)
{
    size_t k = strlen(needle);
    int found = 0;
    for (const char *p = strstr(d->text, needle); p; p = strstr(p + 1, needle)) {
        size_t at = (size_t)(p - d->text);
        int ok = 0;
        for (size_t i = 0; i < d->n; i++)
            if (d->sp[i].start <= at && at + k <= d->sp[i].end)
                ok = 1;
        if (!ok)
            return 0;
        found = 1;
    }
    return found;
}

/* No span ends with `suffix`. */
static int never_ends(const doc *d, const char *suffix)
{
    for (size_t i = 0; i < d->n; i++)
        if (ends(d, (long)i, suffix))
            return 0;
    return 1;
}

static doc D[5];

static void test_glued(void)
{
    const doc *d = &D[2];
    T_CHECK(boundary(d, "election-related sanctions against Russia.", "The move goes against"));
    T_CHECK(boundary(d, "wounded U.S.-Russia relations.", "In a potential tit-for-tat"));
    T_CHECK(boundary(d, "a vacation house and a warehouse.", "He said that claims"));
    T_CHECK(boundary(d, "when 51 were ejected\xc2\xa0" "for spying.", "The dispute is another"));
    /* a headline fragment glued to the quotation that follows */
    T_CHECK(boundary(d, "'bromance' broadens post-sanctions", "\"We will not create problems"));
    T_CHECK(starts(d, "Putin-Trump 'bromance'") >= 0);
    /* a closing curly quote glued to the next sentence */
    T_CHECK(boundary(d, "the way it should have been handled\xe2\x80\x99", "Lavrov called for"));
    /* quotations ending a sentence, glued to what follows */
    T_CHECK(boundary(d, "were \"groundless.\"", "\"The outgoing U.S. administration"));
    T_CHECK(boundary(d, "cannot leave insults of this kind unanswered.\"", "But the lack"));
    T_CHECK(boundary(d, "American people.\"", "In a further mark"));
    T_CHECK(boundary(d, "Putin said in a statement.", "\"We will not expel anybody.\""));
}

static void test_datelines(void)
{
    /* "MOSCOW -- " opens the article (003) and a paragraph (001) */
    T_CHECK(starts(&D[3], "Vladimir Putin\xe2\x80\x99s foreign minister") == 0);
    T_CHECK(boundary(&D[1], "Play Facebook", "Vladimir Putin on Friday condemned"));
    for (int k = 0; k < 5; k++)
        T_CHECK(starts(&D[k], "MOSCOW") < 0);
}

static void test_abbreviations(void)
{
    for (int k = 0; k < 5; k++) {
        T_CHECK(never_ends(&D[k], "U.S."));
        T_CHECK(never_ends(&D[k], "St."));
        T_CHECK(never_ends(&D[k], "Nov."));
        T_CHECK(never_ends(&D[k], "Adm."));
    }
    T_CHECK(inside(&D[0], "Nov. 30, 2015"));
    T_CHECK(inside(&D[3], "St. Petersburg"));
    T_CHECK(inside(&D[2], "U.S.\xc2\xa0" "diplomats"));
    T_CHECK(inside(&D[0], "in the U.S., throwing"));
    T_CHECK(inside(&D[1], "hapless Adm. pic.twitter.com/mleqA16H8D"));
    T_CHECK(inside(&D[2], "U.S.-Russia relations"));
}

static void test_quotes_and_lines(void)
{
    /* a quotation on its own line without a stop is a sentence */
    T_CHECK(boundary(&D[1], "used by American officials in Moscow.",
                     "\"We surely cannot leave such tricks without an answer\""));
    T_CHECK(ends(&D[1], starts(&D[1], "\"We surely cannot leave such tricks without an answer\""),
                 "answer\""));
    T_CHECK(ends(&D[3], starts(&D[3], "\xe2\x80\x9cWe surely cannot leave such tricks"),
                 "answer\xe2\x80\x9d"));
    /* "...," he said stays one sentence */
    T_CHECK(starts(&D[1], "\"We surely cannot leave such tricks without an answer,\" he said.") >=
            0);
    T_CHECK(inside(&D[3], "reciprocity\xe2\x80\x9d would involve"));
    /* sentences inside a long quotation are separate */
    T_CHECK(boundary(&D[4], "weakening the Russia-US relationship.", "This runs contrary"));
    T_CHECK(boundary(&D[4], "in this manner.", "Nevertheless, I offer"));
    /* the caption keeps its date and credit */
    T_CHECK(ends(&D[0], 0, "(MIKHAIL KLIMENTYEV/AFP/Getty Images)"));
    T_CHECK(boundary(&D[0], "Getty Images)", "President Vladimir Putin said Friday"));
}

static void test_invariants(void)
{
    for (int k = 0; k < 5; k++) {
        const doc *d = &D[k];
        T_CHECK(d->n > 0);
        for (size_t i = 0; i < d->n; i++) {
            T_CHECK(d->sp[i].start < d->sp[i].end && d->sp[i].end <= d->len);
            if (i)
                T_CHECK(d->sp[i].start >= d->sp[i - 1].end);
        }
    }
}

int main(void)
{
    static const char *const names[5] = {
        SEED "000_6b11628e9831967b.txt", SEED "001_2f90f46d72ddc849.txt",
        SEED "002_46a426325f84290d.txt", SEED "003_3059c95cfe259342.txt",
        SEED "004_c831f1bb4b716d27.txt",
    };
    for (int k = 0; k < 5; k++) {
        if (load(&D[k], names[k])) {
            fprintf(stderr, "skipped: seed cluster not found (%s)\n", names[k]);
            return 77;
        }
    }
    T_RUN(test_glued);
    T_RUN(test_datelines);
    T_RUN(test_abbreviations);
    T_RUN(test_quotes_and_lines);
    T_RUN(test_invariants);
    for (int k = 0; k < 5; k++)
        unload(&D[k]);
    return t_finish();
}
