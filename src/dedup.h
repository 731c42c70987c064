/* dedup.h -- stage 4, cross-source redundancy groups (dedup.c). */
#ifndef PRECIS_DEDUP_H
#define PRECIS_DEDUP_H
#include "model.h"

/* Groups near-duplicate sentences of cluster c (dedup.c); fills group,
   support and group_arts.  threshold: Jaccard threshold in (0,1]. */
precis_status dedup_groups(model *m, const struct precis_cluster *c, double threshold,
                           arena *a);

/* The sentence of article art that carries the content of sentence si
   in si's redundancy group: of the group's sentences in art, the one
   whose content terms are closest to si's (Dice; the first on a tie).
   Its span in art's text, or {0, 0} when the group has none in art.
   Linear in art's sentences: the writers read the span instead of
   searching the article again. */
precis_span dedup_evidence(const model *m, size_t si, size_t art);
#endif
