/* fuzz_rouge.c -- the ROUGE scorer.  Four option bytes choose max_n,
   stemming, stopwords, skip distance, SU, ROUGE-W weight, length limits,
   the multi-reference rule, jackknifing, LCS and the exception order; the
   rest is split on NUL bytes into the peer and up to four references.
   Every figure must be a number in [0, 1].  The handle is reused across
   runs with the same option bytes (see below), so state carried from one
   call to the next is fuzzed too. */
#include "fuzz_common.h"

#include <math.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    precis_rouge_options o;
    precis_rouge_options_init(&o);
    unsigned a = fuzz_byte(&data, &size), b = fuzz_byte(&data, &size);
    unsigned c = fuzz_byte(&data, &size), d = fuzz_byte(&data, &size);
    o.max_n = (int)(a % 5);
    o.stem = (a >> 3) & 1;
    o.stopwords = (a >> 4) & 1;
    o.su = (a >> 5) & 1;
    o.multi = (a >> 6) & 1 ? PRECIS_ROUGE_BEST : PRECIS_ROUGE_AVERAGE;
    o.jackknife = (a >> 7) & 1;
    static const int skips[] = {-1, 0, 1, 2, 4, 9, PRECIS_ROUGE_SKIP_ANY, -5};
    o.skip = skips[b % 8];
    o.lcs = (b >> 3) & 1;
    o.exc_adv = (b >> 4) & 1;
    o.w_weight = (b >> 5) & 1 ? 1.0 + (double)(c % 16) / 8.0 : ((b >> 6) & 1 ? 0 : 1.2);
    o.alpha = (double)(c % 11) / 10.0;
    if (d & 1)
        o.limit_words = d >> 1;
    else if (d & 2)
        o.limit_bytes = (size_t)(d >> 2) * 4;
    /* Handles are kept between runs (building one reads the stemmer's
       exception lists, most of a run's time), one per option bytes, as a
       tool scoring many summaries keeps its handle; a handle is renewed
       after 1000 uses so that its vocabulary does not grow without end. */
    static struct {
        precis_rouge *r;
        uint32_t key;
        unsigned uses;
    } cache[16];
    uint32_t key = (uint32_t)a << 24 | (uint32_t)b << 16 | (uint32_t)c << 8 | d;
    unsigned slot = (key * 2654435761u) >> 28;
    precis_status st;
    if (!cache[slot].r || cache[slot].key != key || cache[slot].uses >= 1000) {
        precis_rouge_free(cache[slot].r);
        cache[slot].r = precis_rouge_new(&o, &st);
        cache[slot].key = key;
        cache[slot].uses = 0;
    }
    cache[slot].uses++;
    precis_rouge *r = cache[slot].r;
    FUZZ_CHECK(r != NULL);

    /* peer \0 ref1 \0 ref2 ... (copied so that each is NUL-terminated) */
    char *buf = malloc(size + 1);
    FUZZ_CHECK(buf != NULL);
    memcpy(buf, data, size);
    buf[size] = '\0';
    const char *parts[5];
    size_t np = 0, i = 0;
    while (np < 5) {
        parts[np++] = buf + i;
        size_t l = strlen(buf + i);
        if (i + l >= size)
            break;
        i += l + 1;
    }
    if (np < 2)
        parts[np++] = "";
    precis_rouge_scores sc;
    st = precis_rouge_score(r, parts[0], parts + 1, np - 1, &sc);
    FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_EUTF8 || st == PRECIS_EINVAL ||
               st == PRECIS_ENOMEM || st == PRECIS_ELIMIT);
    if (!st) {
        for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++) {
            const precis_rouge_prf *x = &sc.m[m];
            FUZZ_CHECK(x->r >= 0 && x->r <= 1 && x->p >= 0 && x->p <= 1 && x->f >= 0 &&
                       x->f <= 1 && !isnan(x->f));
            if (!precis_rouge_measure_on(r, m))
                FUZZ_CHECK(x->r == 0 && x->p == 0 && x->f == 0);
        }
        precis_rouge_scores avg, mean, lo, hi;
        precis_rouge_average(&sc, 1, &avg);
        st = precis_rouge_bootstrap(&sc, 1, 3, 95, &mean, &lo, &hi);
        FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_ENOMEM);
    } else {
        FUZZ_CHECK(precis_rouge_error(r) != NULL);
    }
    free(buf);
    return 0;
}
