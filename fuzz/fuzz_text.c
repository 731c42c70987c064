/* fuzz_text.c -- plain-text articles through the whole pipeline.  The
   first three bytes choose method, unit, order, budget and duplicate
   threshold; the rest is split on 0xFF bytes (never valid UTF-8, so no
   text is lost to the split) into up to 16 articles, each added with
   precis_cluster_add and a date taken from the next byte.  The summary is
   rendered in every format. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    precis_options o;
    fuzz_options(&data, &size, &o);
    precis_status st;
    precis_summarizer *s = precis_summarizer_new(&o, &st);
    FUZZ_CHECK(s != NULL);
    precis_cluster *c = precis_cluster_new();
    FUZZ_CHECK(c != NULL);
    static const char *const dates[] = {NULL, "2016-12-30", "2016", "2016-12-30T10:00Z",
                                        "garbage"};
    size_t i = 0, k = 0;
    while (i <= size && k < 16) {
        const uint8_t *e = memchr(data + i, 0xff, size - i);
        size_t end = e ? (size_t)(e - data) : size;
        precis_article a = {0};
        a.text = (const char *)data + i;
        a.text_len = end - i;
        a.date = dates[k % 5];
        a.source = (k & 1) ? "Wire" : NULL;
        size_t before = precis_cluster_size(c);
        st = precis_cluster_add(c, &a);
        FUZZ_CHECK(st <= 0);
        FUZZ_CHECK(precis_cluster_size(c) == before + (st == PRECIS_OK));
        k++;
        if (!e)
            break;
        i = end + 1;
    }
    fuzz_summarize_render(s, c);
    precis_cluster_free(c);
    precis_summarizer_free(s);
    return 0;
}
