/* select.h -- stage 6, budgeted, redundancy-aware selection (select.c);
   the per-method scores it starts from are score.c's (score.h). */
#ifndef PRECIS_SELECT_H
#define PRECIS_SELECT_H
#include "model.h"

/* Tunable weights of the default method; select_params_default() gives
   the values tuned on the Multi-News validation split. */
typedef struct select_params {
    double df_min;     /* concepts need df >= this (articles)          */
    double unigram;    /* weight of content unigrams vs bigrams        */
    double pos;        /* weight of the lead-position prior            */
    double pos_decay;  /* prior = 1 / (1 + pos)^pos_decay              */
    double support;    /* bonus per extra article carrying the content */
    double cost_exp;   /* gain / words^cost_exp                         */
    double short_pen;  /* multiplier for short sentences               */
    double noend_pen;  /* multiplier for sentences without final stop  */
    double quote_pen;  /* multiplier for sentences opening with a quote */
    double dangling_pen; /* multiplier for sentences opening with "He", ... */
    double quality_exp; /* prior times (quality / mean quality)^this */
    double unattributed_pen; /* and for quote-opening sentences with no
                                "said", "told", ...: a split quote's tail */
    double overlap_max; /* skip a sentence with more than this share of
                           its bigrams already in the summary (1: off) */
    double paraphrase_max; /* and one whose content stems overlap a summary
                              sentence's by this Jaccard or more (1: off) */
    double anchor;      /* cased news: an anchor article's lead run first
                           (1: on, 0: off) */
    double anchor_fill; /* the rest of the budget filled only when at
                           least this share of it is left after the run */
    double anchor_beta; /* a run's value: what it covers of the greedy
                           summary's concepts plus this times what it
                           covers of the others */
} select_params;

void select_params_default(select_params *p);

/* Budget bookkeeping shared by all methods. */
typedef struct budget {
    precis_unit unit;
    size_t limit, used, count;
} budget;

/* Runs method o->method over m and writes the chosen sentence indices,
   in the order they were chosen, to out (room for m->ns); returns how
   many, or (size_t)-1 when out of memory.  Scores land in m->s[i].score. */
size_t select_run(model *m, const precis_options *o, const select_params *p, uint32_t *out,
                  arena *a);
#endif
