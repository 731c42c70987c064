/*
 * html.h -- the web-page reader, shared by its three files:
 *
 *   html.c       html_     bytes in: gzip, character set, the libxml2
 *                          parse (SAX events to the two stages below);
 *                          the public precis_page_* calls
 *   html_meta.c  meta_     title, date, author, site, language, URL from
 *                          JSON-LD, <meta>, <time>, byline markup
 *   extract.c    extract_  the article's main text, boilerplate out
 *
 * Not installed.
 */
#ifndef PRECIS_HTML_H
#define PRECIS_HTML_H

#include "internal.h"

#include <libxml/HTMLparser.h>

/* Metadata of one page; every string is NUL-terminated, owned by the
   struct (pmalloc), NULL when not found. */
typedef struct html_meta {
    char *title, *date, *author, *site, *lang, *url;
    char *ld_body; /* JSON-LD articleBody, a hint for the text stage */
    const char *title_from, *date_from, *author_from; /* which signal */
} html_meta;

/* The two stages run side by side on one stream of parser events (SAX):
   no tree is built.  Each gets every start tag (name and attribute
   name/value pairs, NULL-terminated), every end tag and every run of
   text, in document order; libxml2 closes every element it opens. */
typedef struct meta_state meta_state;
typedef struct ex ex;

meta_state *meta_new(void); /* NULL when out of memory */
void meta_state_free(meta_state *st);
void meta_start(meta_state *st, const xmlChar *name, const xmlChar **atts);
void meta_end(meta_state *st);
void meta_chars(meta_state *st, const xmlChar *s, int n);
/* Moves what was found into m; 0, or -1 when an allocation failed on
   the way (m then holds what was found; meta_free releases it). */
int meta_finish(meta_state *st, html_meta *m);
void meta_free(html_meta *m);

ex *extract_new(void); /* NULL when out of memory */
void extract_free(ex *x);
void extract_start(ex *x, const xmlChar *name, const xmlChar **atts);
void extract_end(ex *x);
void extract_chars(ex *x, const xmlChar *s, int n);
/* Appends the main text to out: paragraphs separated by one empty line,
   whitespace collapsed, zero-width characters removed.  m (may be NULL)
   gives the title (the headline is not repeated in the text).  Returns
   the number of paragraphs; out->oom tells of allocation failure. */
size_t extract_finish(ex *x, const html_meta *m, pbuf *out);

/* Appends s[0..n) to out with whitespace collapsed to single spaces and
   zero-width characters removed; *space carries "a space is pending"
   between calls (start with 1 to drop leading space). */
void extract_put_text(pbuf *out, const char *s, size_t n, int *space);

/* ASCII case-insensitive equality of a tag/attribute name or value. */
int html_eq(const xmlChar *a, const char *b);
/* The value of attribute `name` in a start tag's name/value pairs, "" for
   one without a value, NULL when absent. */
const char *html_attr(const xmlChar **atts, const char *name);
/* Whether the tag starts a new paragraph (p, div, li, h1..h6, br ...). */
int html_is_block(const xmlChar *name);

#endif
