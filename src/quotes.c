/*
 * quotes.c -- direct quotes and their speakers (stage of analyze.h).
 * Placeholder until the quote finder lands: finds nothing.
 */
#include "analyze.h"

precis_status quotes_find(const actx *x, precis_quote **out, size_t *n)
{
    PRECIS_UNUSED(x);
    *out = NULL;
    *n = 0;
    return PRECIS_OK;
}
