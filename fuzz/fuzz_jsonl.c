/* fuzz_jsonl.c -- JSON Lines input.  The first byte chooses the path: even
   = the input's lines are article records (precis_cluster_add_json), odd
   = the whole input is one cluster record (precis_cluster_add_json_cluster);
   the next three bytes are the summarizer options.  A rejected cluster
   record must leave the cluster unchanged (all articles or none). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned mode = fuzz_byte(&data, &size);
    precis_options o;
    fuzz_options(&data, &size, &o);
    precis_status st;
    precis_summarizer *s = precis_summarizer_new(&o, &st);
    FUZZ_CHECK(s != NULL);
    precis_cluster *c = precis_cluster_new();
    FUZZ_CHECK(c != NULL);
    const char *text = (const char *)data;
    if (mode & 1) {
        st = precis_cluster_add_json_cluster(c, text, size);
        FUZZ_CHECK(st <= 0);
        FUZZ_CHECK((st == PRECIS_OK) == (precis_cluster_size(c) > 0));
        if (st)
            FUZZ_CHECK(precis_cluster_error(c)[0] != '\0');
    } else {
        size_t i = 0;
        while (i < size) {
            const char *e = memchr(text + i, '\n', size - i);
            size_t end = e ? (size_t)(e - text) : size;
            size_t before = precis_cluster_size(c);
            st = precis_cluster_add_json(c, text + i, end - i);
            FUZZ_CHECK(st <= 0);
            FUZZ_CHECK(precis_cluster_size(c) == before + (st == PRECIS_OK));
            i = end + 1;
        }
    }
    fuzz_summarize_render(s, c);
    precis_cluster_free(c);
    precis_summarizer_free(s);
    return 0;
}
