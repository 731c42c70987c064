/*
 * tune.c -- the tuning loop for the default method's weights (development
 * tool, not installed).  Summarizes the first N Multi-News validation
 * clusters with the given weights and prints mean ROUGE-1/2/SU4 F1 under
 * the Multi-News protocol (-n 2 -2 4 -U -m), in-process, in seconds.
 *
 *   precis-tune N WORDS src tgt [method] [w1 w2 ...]
 *
 * Weights are those of select_params, in order.  Tune on the validation
 * split only.
 */
#include "precis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void precis__set_params(precis_summarizer *s, const double *v, size_t n);

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: precis-tune N WORDS src tgt [method] [weights...]\n");
        return 2;
    }
    size_t nmax = strtoul(argv[1], NULL, 10);
    precis_options o;
    precis_options_init(&o);
    o.budget = strtoul(argv[2], NULL, 10);
    if (argc > 5 && precis_method_parse(argv[5], &o.method)) {
        fprintf(stderr, "bad method\n");
        return 2;
    }
    precis_summarizer *s = precis_summarizer_new(&o, NULL);
    double w[32];
    size_t nw = 0;
    for (int i = 6; i < argc && nw < 32; i++)
        w[nw++] = atof(argv[i]);
    if (nw)
        precis__set_params(s, w, nw);
    precis_rouge_options ro;
    precis_rouge_options_init(&ro);
    ro.max_n = 2;
    ro.lcs = 0;
    ro.w_weight = 0;
    precis_rouge *r = precis_rouge_new(&ro, NULL);
    FILE *src = fopen(argv[3], "rb"), *tgt = fopen(argv[4], "rb");
    if (!src || !tgt || !s || !r)
        return 2;
    precis_cluster *c = precis_cluster_new();
    char *line = NULL, *ref = NULL;
    size_t cap = 0, rcap = 0, n = 0;
    double r1 = 0, r2 = 0, su = 0, words = 0;
    ssize_t len;
    while (n < nmax && (len = getline(&line, &cap, src)) != -1) {
        if (getline(&ref, &rcap, tgt) == -1)
            break;
        if (len && line[len - 1] == '\n')
            line[--len] = 0;
        n++;
        precis_cluster_clear(c);
        char *out = NULL;
        precis_summary *sum = NULL;
        if (precis_cluster_add_multinews(c, line, (size_t)len) == PRECIS_OK &&
            precis_summarize(s, c, &sum) == PRECIS_OK &&
            precis_summary_render(sum, c, PRECIS_FORMAT_TEXT, &out, NULL) == PRECIS_OK) {
            const char *refs[1] = {ref};
            precis_rouge_scores sc;
            if (precis_rouge_score(r, out, refs, 1, &sc) == PRECIS_OK) {
                r1 += sc.m[PRECIS_ROUGE_1].f;
                r2 += sc.m[PRECIS_ROUGE_2].f;
                su += sc.m[PRECIS_ROUGE_S].f;
            }
            words += (double)precis_summary_words(sum);
        }
        precis_free(out);
        precis_summary_free(sum);
    }
    printf("n=%zu R1 %.2f R2 %.2f SU4 %.2f words %.1f\n", n, 100 * r1 / n, 100 * r2 / n,
           100 * su / n, words / n);
    precis_cluster_free(c);
    precis_summarizer_free(s);
    precis_rouge_free(r);
    free(line);
    free(ref);
    return 0;
}
