/*
 * html.h -- the web-page reader, shared by its three files:
 *
 *   html.c       html_     bytes in: gzip, character set, libxml2 parse;
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
#include <libxml/tree.h>

/* Metadata of one page; every string is NUL-terminated, owned by the
   struct (pmalloc), NULL when not found. */
typedef struct html_meta {
    char *title, *date, *author, *site, *lang, *url;
    char *ld_body; /* JSON-LD articleBody, a hint for the text stage */
    const char *title_from, *date_from, *author_from; /* which signal */
} html_meta;

/* Fills m from doc; 0, or -1 when out of memory (m then holds what was
   found so far; meta_free releases it either way). */
int meta_collect(xmlDoc *doc, html_meta *m);
void meta_free(html_meta *m);

/* Appends the main text of doc to out: paragraphs separated by one empty
   line, whitespace collapsed, zero-width characters removed.  m (may be
   NULL) gives the title (an equal heading is not repeated in the text)
   and the JSON-LD body.  Returns the number of paragraphs; out->oom tells
   of allocation failure. */
size_t extract_text(xmlDoc *doc, const html_meta *m, pbuf *out);

/* Appends the text under node n (all of it, scripts and styles left
   out) to out with whitespace collapsed to single spaces and zero-width
   characters removed; *space carries "a space is pending" between calls
   (start with 1 to drop leading space). */
void extract_node_text(const xmlNode *n, pbuf *out, int *space);

/* Appends the NUL-terminated s to out under the same whitespace rules. */
void extract_put_text(pbuf *out, const char *s, int *space);

/* ASCII case-insensitive equality of an attribute/tag name or value. */
int html_eq(const xmlChar *a, const char *b);
/* The attribute's value, or NULL (owned by the tree). */
const char *html_attr(const xmlNode *n, const char *name);

#endif
