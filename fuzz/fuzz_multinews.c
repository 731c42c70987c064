/* fuzz_multinews.c -- Multi-News lines (documents joined by
   " story_separator_special_tag ").  Three option bytes, then each input
   line is a cluster: added, summarized, rendered in every format, and the
   cluster cleared for the next line, as 'precis batch' does. */
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
    const char *text = (const char *)data;
    size_t i = 0;
    do {
        const char *e = memchr(text + i, '\n', size - i);
        size_t end = e ? (size_t)(e - text) : size;
        precis_cluster_clear(c);
        st = precis_cluster_add_multinews(c, text + i, end - i);
        FUZZ_CHECK(st <= 0);
        FUZZ_CHECK((st == PRECIS_OK) == (precis_cluster_size(c) > 0));
        if (!st)
            fuzz_summarize_render(s, c);
        i = end + 1;
    } while (i < size);
    precis_cluster_free(c);
    precis_summarizer_free(s);
    return 0;
}
