/* dedup.h -- stage 4, cross-source redundancy groups (dedup.c). */
#ifndef PRECIS_DEDUP_H
#define PRECIS_DEDUP_H
#include "model.h"

/* Groups near-duplicate sentences of cluster c (dedup.c); fills group,
   support and group_arts.  threshold: Jaccard threshold in (0,1]. */
precis_status dedup_groups(model *m, const struct precis_cluster *c, double threshold,
                           arena *a);

#endif
