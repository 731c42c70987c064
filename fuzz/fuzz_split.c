/* fuzz_split.c -- the sentence splitter on arbitrary bytes (it takes any
   bytes, valid UTF-8 or not).  Checks the documented guarantees: spans in
   range, non-empty, in order, non-overlapping, trimmed of whitespace. */
#include "fuzz_common.h"

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    precis_span *sp = NULL;
    size_t n = 0;
    precis_status st = precis_split((const char *)data, size, &sp, &n);
    FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_ENOMEM || st == PRECIS_EUTF8 ||
               st == PRECIS_ENUL || st == PRECIS_ELIMIT);
    if (st)
        return 0;
    size_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(sp[i].start < sp[i].end);
        FUZZ_CHECK(sp[i].end <= size);
        FUZZ_CHECK(sp[i].start >= prev);
        FUZZ_CHECK(!is_ws(data[sp[i].start]) && !is_ws(data[sp[i].end - 1]));
        prev = sp[i].end;
    }
    precis_free(sp);
    return 0;
}
