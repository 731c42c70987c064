/*
 * analyze.h -- the analysis stages (beyond a summary), run by
 * precis_analyze() in analyze.c on the same model the summarizer builds:
 *
 *   lex.c      lex_      the one tokenizer: every article's tokens, made once
 *                        (lex_cluster) and read by quotes.c and facts.c
 *   analyze.c  copies_   pairwise shingle resemblance/containment, verdicts
 *   quotes.c   quotes_   direct quotes, speakers, same quote across sources,
 *                        wordings of one statement linked as variants
 *   facts.c    facts_    numbers with what they count, dates, names with
 *                        spelling variants merged; conflicting numbers
 *   analyze.c  timeline_ story order and what each article adds
 *
 * Every stage reads the cluster and the model (sentences with spans, term
 * ids, redundancy groups) and writes its results into x->out, the arena
 * the analysis handle owns; strings it hands out are copied there (or
 * point into the cluster's article texts, which outlive the analysis).
 * x->tmp is scratch that dies with the call.
 */
#ifndef PRECIS_ANALYZE_H
#define PRECIS_ANALYZE_H
#include "lex.h"
#include "model.h"

typedef struct actx {
    const precis_cluster *c;
    const model *m;
    norm *nm;
    arena *out; /* results: lives as long as the analysis */
    arena *tmp; /* scratch for this call */
    char *err;  /* PRECIS_ERRMAX bytes for a message on failure */
    void **cache; /* ANALYZE_CACHES slots the summarizer owns: tables a
                     stage builds once and keeps (pmalloc'd, one block
                     each, freed with the summarizer) */
    const lex_doc *lx; /* the tokens of every article (lex.c), read by
                          quotes.c and facts.c */
} actx;

enum { ANALYZE_CACHE_QUOTES = 0, ANALYZE_CACHE_FACTS, ANALYZE_CACHES };

/* Finds the quotes of every article (quotes.c).  Sets *out / *n (array in
   x->out, NULL when none).  PRECIS_OK or PRECIS_ENOMEM. */
precis_status quotes_find(const actx *x, precis_quote **out, size_t *n);

/* Finds the facts of every article and the conflicts between number facts
   (facts.c).  PRECIS_OK or PRECIS_ENOMEM. */
precis_status facts_find(const actx *x, precis_fact **out, size_t *n, precis_conflict **conf,
                         size_t *nconf);

/* The summarizer's model of c, built in its scratch arena (summary.c),
   with quotation units when units (model_build); the model and *tmp are
   valid until the next call on s. */
precis_status summarizer_model(precis_summarizer *s, const precis_cluster *c, model *m,
                               norm **nm, arena **tmp, int units);
/* Whether s's summaries read a model of quotation units (model_build's
   units; the default method): the analysis needs the sentences as split,
   so it then reads a model of its own (summary.c). */
int summarizer_units(const precis_summarizer *s);
/* Sets the message precis_summarizer_error() returns (summary.c). */
void summarizer_set_error(precis_summarizer *s, const char *msg);

/* The summarizer's ANALYZE_CACHES cache slots (summary.c). */
void **summarizer_cache(precis_summarizer *s);

/* The summary of c from its model m (summary.c), as precis_summarize. */
precis_status summary_from_model(precis_summarizer *s, const precis_cluster *c, model *m,
                                 precis_summary **out);
#endif
