/* summary.h -- the pipeline driver (summary.c): what the analysis
   (analyze.c) reuses of the summarizer.  The public precis_summarize* are
   in precis.h. */
#ifndef PRECIS_SUMMARY_H
#define PRECIS_SUMMARY_H
#include "lex.h"

/* The summarizer's model of c, built in its scratch arena (summary.c),
   with quotation units when units (model_build); the model and *tmp are
   valid until the next call on s. */
precis_status summarizer_model(precis_summarizer *s, const precis_cluster *c, model *m,
                               norm **nm, arena **tmp, int units);
/* The same, for a summary followed by the analysis of the same c
   (precis_summarize_analyze): the build with units keeps its
   per-sentence work, and readable.c its lexing, for the build without
   units that comes next (also by this call), which then redoes only the
   joined units (model_memo) and lexes only what differs (lex_keep).  The
   models are the same as summarizer_model's, but that the second has no
   concepts (the analysis reads none). */
precis_status summarizer_model_kept(precis_summarizer *s, const precis_cluster *c, model *m,
                                    norm **nm, arena **tmp, int units);
/* Whether s's summaries read a model of quotation units (model_build's
   units; the default method): the analysis needs the sentences as split,
   so it then reads a model of its own (summary.c). */
int summarizer_units(const precis_summarizer *s);
/* Sets the message precis_summarizer_error() returns (summary.c). */
void summarizer_set_error(precis_summarizer *s, const char *msg);

/* The summarizer's ANALYZE_CACHES cache slots (summary.c). */
void **summarizer_cache(precis_summarizer *s);
/* The lexing readable.c kept for the analysis when the summary's model
   was built with keep (summarizer_model; lex_keep), else empty. */
lex_kept *summarizer_lex_kept(precis_summarizer *s);

/* The summary of c from its model m (summary.c), as precis_summarize. */
precis_status summary_from_model(precis_summarizer *s, const precis_cluster *c, model *m,
                                 precis_summary **out);
#endif
