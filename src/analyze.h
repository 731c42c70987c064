/*
 * analyze.h -- the context shared by the analysis stages (beyond a
 * summary), run by precis_analyze() in analyze.c on the same model the
 * summarizer builds; each stage declares its own functions (quotes.h,
 * facts.h):
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
#include "mention.h"
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
    const mention_doc *men; /* the names in them (mention.c); NULL: quotes.c
                               finds them itself (readable.c's call) */
} actx;

enum { ANALYZE_CACHE_QUOTES = 0, ANALYZE_CACHE_FACTS, ANALYZE_CACHES };

#endif
