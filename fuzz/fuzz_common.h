/* fuzz_common.h -- helpers shared by the libFuzzer targets: a byte reader
   for the option prefix, and the summarize-and-render-every-format step
   most targets end with.  A target aborts (a crash libFuzzer reports) when
   the library breaks a documented guarantee, not only on memory errors. */
#ifndef PRECIS_FUZZ_COMMON_H
#define PRECIS_FUZZ_COMMON_H
#include "precis.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                        \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: guarantee broken: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                            \
        }                                                                       \
    } while (0)

/* Takes one option byte from the front of the input (0 when exhausted). */
static inline unsigned fuzz_byte(const uint8_t **d, size_t *n)
{
    if (!*n)
        return 0;
    unsigned b = **d;
    (*d)++;
    (*n)--;
    return b;
}

/* Summarizer options from three bytes: method, unit, order, budget. */
static inline void fuzz_options(const uint8_t **d, size_t *n, precis_options *o)
{
    precis_options_init(o);
    unsigned a = fuzz_byte(d, n), b = fuzz_byte(d, n), t = fuzz_byte(d, n);
    o->method = (precis_method)(a % PRECIS_METHOD_COUNT_);
    o->unit = (precis_unit)((a / 8) % 3);
    o->order = (precis_order)((a / 32) % 3);
    o->truncate_last = (a & 0x80) != 0;
    /* budgets: 0, small, typical, larger than any fuzz input */
    static const size_t budgets[] = {0, 1, 2, 3, 5, 10, 50, 120, 400, 100000};
    o->budget = (b & 0x80) ? budgets[b % 10] : (size_t)(b & 0x7f) * (o->unit == PRECIS_UNIT_BYTES ? 8 : 1);
    o->dup_threshold = t ? (double)t / 255.0 : 0;
}

/* Summarizes c under s and renders every format (text, lines, JSON,
   Markdown, HTML); checks the summary's
   sentences point into the cluster and the renderings are NUL-terminated
   strings of the stated length. */
static inline void fuzz_summarize_render(precis_summarizer *s, const precis_cluster *c)
{
    precis_summary *sum = NULL;
    precis_status st = precis_summarize(s, c, &sum);
    FUZZ_CHECK(st <= 0);
    if (st) {
        FUZZ_CHECK(sum == NULL || st == PRECIS_OK);
        FUZZ_CHECK(precis_summarizer_error(s) != NULL);
        return;
    }
    FUZZ_CHECK(sum != NULL);
    size_t n = precis_summary_size(sum), nart = precis_cluster_size(c);
    for (size_t i = 0; i < n; i++) {
        const precis_sentence *ps = precis_summary_sentence(sum, i);
        FUZZ_CHECK(ps != NULL);
        FUZZ_CHECK(ps->article < nart);
        size_t alen = 0;
        const char *at = precis_cluster_article_text(c, ps->article, &alen);
        FUZZ_CHECK(ps->start <= ps->end && ps->end <= alen);
        if (ps->n_edits == 0) {
            FUZZ_CHECK(ps->text == at + ps->start && ps->len == ps->end - ps->start);
        } else {
            /* the article's span with its one edit applied */
            const precis_edit *ed = ps->edits;
            FUZZ_CHECK(ps->n_edits == 1 && ed != NULL && ed->replacement != NULL);
            FUZZ_CHECK(ps->start <= ed->start && ed->start <= ed->end && ed->end <= ps->end);
            size_t a = ed->start - ps->start, b = ps->end - ed->end;
            FUZZ_CHECK(ps->len == a + ed->len + b);
            FUZZ_CHECK(memcmp(ps->text, at + ps->start, a) == 0);
            FUZZ_CHECK(memcmp(ps->text + a, ed->replacement, ed->len) == 0);
            FUZZ_CHECK(memcmp(ps->text + a + ed->len, at + ed->end, b) == 0);
        }
        FUZZ_CHECK(ps->n_articles >= 1 && ps->articles[0] == ps->article);
        for (size_t k = 0; k < ps->n_articles; k++)
            FUZZ_CHECK(ps->articles[k] < nart);
    }
    for (int f = PRECIS_FORMAT_TEXT; f <= PRECIS_FORMAT_HTML; f++) {
        char *out = NULL;
        size_t len = 0;
        st = precis_summary_render(sum, c, (precis_format)f, &out, &len);
        FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_ENOMEM);
        if (!st) {
            FUZZ_CHECK(out != NULL && strlen(out) == len);
            precis_free(out);
        }
    }
    precis_summary_free(sum);
}
#endif
