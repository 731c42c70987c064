/*
 * facts.c -- numbers, dates and names across sources (stage of analyze.h).
 * Placeholder until the fact finder lands: finds nothing.
 */
#include "analyze.h"

precis_status facts_find(const actx *x, precis_fact **out, size_t *n, precis_conflict **conf,
                         size_t *nconf)
{
    PRECIS_UNUSED(x);
    *out = NULL;
    *n = 0;
    *conf = NULL;
    *nconf = 0;
    return PRECIS_OK;
}
