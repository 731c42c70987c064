/* fuzz_html.c -- web pages: the input is one page (raw or gzip), read by
   precis_page_read (charset prescan and decoding, libxml2 parse, metadata,
   text extraction), rendered as JSON and text, and added to a cluster
   with precis_cluster_add_html; a cluster of the page then goes through
   the summarizer.  Checks the documented contracts: a status from the
   list, text that is valid UTF-8 without NUL bytes and of the stated
   length, renders that succeed after a successful read. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    precis_page *p = precis_page_new();
    FUZZ_CHECK(p != NULL);
    precis_status st = precis_page_read(p, (const char *)data, size);
    FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_EEMPTY || st == PRECIS_ELIMIT ||
               st == PRECIS_EINVAL);
    FUZZ_CHECK(precis_page_error(p) != NULL);
    const precis_page_info *in = precis_page_get(p);
    FUZZ_CHECK(in != NULL);
    if (st == PRECIS_OK) {
        FUZZ_CHECK(in->text != NULL && strlen(in->text) == in->text_len && in->text_len > 0);
        FUZZ_CHECK(in->paragraphs > 0);
        static const precis_format fmts[] = {PRECIS_FORMAT_JSON, PRECIS_FORMAT_TEXT};
        for (size_t f = 0; f < 2; f++) {
            char *out = NULL;
            size_t len = 0;
            FUZZ_CHECK(precis_page_render(p, fmts[f], &out, &len) == PRECIS_OK);
            FUZZ_CHECK(out != NULL && strlen(out) == len);
            precis_free(out);
        }
        precis_cluster *c = precis_cluster_new();
        FUZZ_CHECK(c != NULL);
        FUZZ_CHECK(precis_cluster_add_html(c, (const char *)data, size, "1", "fuzz") ==
                   PRECIS_OK);
        FUZZ_CHECK(precis_cluster_size(c) == 1);
        precis_options o;
        precis_options_init(&o);
        precis_summarizer *s = precis_summarizer_new(&o, &st);
        FUZZ_CHECK(s != NULL);
        fuzz_summarize_render(s, c);
        precis_summarizer_free(s);
        precis_cluster_free(c);
    }
    precis_page_free(p);
    return 0;
}
