/* facts.h -- the facts analysis stage (facts.c), run by analyze.c. */
#ifndef PRECIS_FACTS_H
#define PRECIS_FACTS_H
#include "analyze.h"

/* Finds the facts of every article and the conflicts between number facts
   (facts.c).  PRECIS_OK or PRECIS_ENOMEM. */
precis_status facts_find(const actx *x, precis_fact **out, size_t *n, precis_conflict **conf,
                         size_t *nconf);
#endif
