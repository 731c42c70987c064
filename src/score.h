/* score.h -- stage 5, per-method sentence scores (score.c), read by the
   selection (select.c). */
#ifndef PRECIS_SCORE_H
#define PRECIS_SCORE_H
#include "model.h"

/* idf of each local term: log((N + 1) / df) with N articles. */
double *score_idf(const model *m, arena *a);
/* Centroid (Radev et al.) and LexRank (Erkan & Radev) scores into
   m->s[i].score; 0, or -1 when out of memory. */
int score_centroid(model *m, const double *idf, arena *a);
int score_lexrank(model *m, const double *idf, arena *a);
#endif
