/* quotes.h -- the quotes analysis stage (quotes.c), run by analyze.c and
   by the readable selection (readable.c). */
#ifndef PRECIS_QUOTES_H
#define PRECIS_QUOTES_H
#include "analyze.h"

/* Finds the quotes of every article (quotes.c).  Sets *out / *n (array in
   x->out, NULL when none).  PRECIS_OK or PRECIS_ENOMEM. */
precis_status quotes_find(const actx *x, precis_quote **out, size_t *n);
#endif
