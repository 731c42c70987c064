/*
 * baselines.c -- reference points for the quality benchmark, outside the
 * library: Lead-3 and a greedy oracle over Multi-News lines.
 *
 *   precis-baselines lead3 WORDS < val.src > out
 *       the first three sentences of each document, in document order,
 *       cut at WORDS words (Fabbri et al. 2019's First-3).
 *   precis-baselines oracle WORDS val.src val.tgt > out
 *       greedy extraction that sees the reference: repeatedly add the
 *       sentence that most raises ROUGE-1 F + ROUGE-2 F against it, while
 *       the summary fits in WORDS words (the usual "oracle" ceiling of
 *       extractive summarization, e.g. Nallapati et al. 2017).
 *
 * Uses only the public API: the Multi-News parser, precis_split, and
 * precis_rouge_score.  One output line per input line.
 */
#include "precis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sent {
    const char *p;
    size_t n, words;
} sent;

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* Prints s[0..n) flattened, stopping after *left words. */
static void put_words(const char *s, size_t n, size_t *left, int *first)
{
    size_t i = 0;
    while (i < n && *left > 0) {
        while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
            i++;
        if (i >= n)
            break;
        size_t j = i;
        while (j < n && !(s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'))
            j++;
        if (!*first)
            putchar(' ');
        *first = 0;
        fwrite(s + i, 1, j - i, stdout);
        (*left)--;
        i = j;
    }
}

/* Collects the sentences of every document of the cluster c. */
static sent *sentences(precis_cluster *c, size_t *ns, size_t per_doc)
{
    size_t cap = 64, n = 0;
    sent *v = malloc(cap * sizeof *v);
    for (size_t d = 0; d < precis_cluster_size(c); d++) {
        size_t len;
        const char *t = precis_cluster_article_text(c, d, &len);
        precis_span *sp;
        size_t k;
        if (precis_split(t, len, &sp, &k))
            continue;
        for (size_t i = 0; i < k && i < per_doc; i++) {
            if (n == cap)
                v = realloc(v, (cap *= 2) * sizeof *v);
            v[n].p = t + sp[i].start;
            v[n].n = sp[i].end - sp[i].start;
            v[n].words = count_words(v[n].p, v[n].n);
            n++;
        }
        precis_free(sp);
    }
    *ns = n;
    return v;
}

static char *join(const sent *v, const size_t *pick, size_t k, const sent *extra)
{
    size_t len = 1;
    for (size_t i = 0; i < k; i++)
        len += v[pick[i]].n + 1;
    if (extra)
        len += extra->n + 1;
    char *s = malloc(len), *p = s;
    for (size_t i = 0; i < k; i++) {
        memcpy(p, v[pick[i]].p, v[pick[i]].n);
        p += v[pick[i]].n;
        *p++ = ' ';
    }
    if (extra) {
        memcpy(p, extra->p, extra->n);
        p += extra->n;
    }
    *p = 0;
    for (char *q = s; *q; q++)
        if (*q == '\n' || *q == '\r')
            *q = ' ';
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: precis-baselines lead3 WORDS < src | oracle WORDS src tgt\n");
        return 2;
    }
    size_t budget = (size_t)strtoul(argv[2], NULL, 10);
    int oracle = !strcmp(argv[1], "oracle");
    FILE *src = stdin, *tgt = NULL;
    if (oracle) {
        if (argc < 5 || !(src = fopen(argv[3], "rb")) || !(tgt = fopen(argv[4], "rb"))) {
            fprintf(stderr, "precis-baselines: cannot open inputs\n");
            return 2;
        }
    }
    precis_rouge_options ro;
    precis_rouge_options_init(&ro);
    ro.max_n = 2;
    ro.skip = -1;
    ro.su = 0;
    ro.lcs = 0;
    ro.w_weight = 0;
    precis_rouge *r = oracle ? precis_rouge_new(&ro, NULL) : NULL;
    precis_cluster *c = precis_cluster_new();
    char *line = NULL, *ref = NULL;
    size_t cap = 0, rcap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, src)) != -1) {
        if (n && line[n - 1] == '\n')
            line[--n] = 0;
        if (oracle && getline(&ref, &rcap, tgt) == -1) {
            fprintf(stderr, "precis-baselines: reference file is shorter\n");
            return 1;
        }
        precis_cluster_clear(c);
        if (precis_cluster_add_multinews(c, line, (size_t)n)) {
            putchar('\n');
            continue;
        }
        size_t ns;
        sent *v = sentences(c, &ns, oracle ? (size_t)-1 : 3);
        int first = 1;
        if (!oracle) {
            size_t left = budget;
            for (size_t i = 0; i < ns && left > 0; i++)
                put_words(v[i].p, v[i].n, &left, &first);
        } else {
            size_t *pick = malloc((ns + 1) * sizeof *pick), k = 0, used = 0;
            char *used_flag = calloc(ns + 1, 1);
            double best_total = 0;
            const char *refs[1] = {ref};
            for (;;) {
                double best = best_total;
                size_t bi = ns;
                for (size_t i = 0; i < ns; i++) {
                    if (used_flag[i] || used + v[i].words > budget)
                        continue;
                    char *cand = join(v, pick, k, &v[i]);
                    precis_rouge_scores sc;
                    if (!precis_rouge_score(r, cand, refs, 1, &sc)) {
                        double f = sc.m[PRECIS_ROUGE_1].f + sc.m[PRECIS_ROUGE_2].f;
                        if (f > best) {
                            best = f;
                            bi = i;
                        }
                    }
                    free(cand);
                }
                if (bi == ns)
                    break;
                used_flag[bi] = 1;
                pick[k++] = bi;
                used += v[bi].words;
                best_total = best;
            }
            size_t left = budget;
            for (size_t i = 0; i < k; i++)
                put_words(v[pick[i]].p, v[pick[i]].n, &left, &first);
            free(pick);
            free(used_flag);
        }
        putchar('\n');
        free(v);
    }
    free(line);
    free(ref);
    precis_cluster_free(c);
    precis_rouge_free(r);
    return 0;
}
