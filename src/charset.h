/*
 * charset.h -- input text in any real encoding, out as UTF-8 (charset.c).
 *
 * Not installed.  Used by cluster.c for every article (plain text, JSON
 * Lines records, Multi-News lines) and by the HTML extraction.
 */
#ifndef PRECIS_CHARSET_H
#define PRECIS_CHARSET_H

#include <stddef.h>

typedef enum charset_how {
    CHARSET_UTF8 = 0,     /* valid UTF-8, taken as it is                 */
    CHARSET_UTF8_BOM,     /* UTF-8 after a byte-order mark (mark dropped) */
    CHARSET_UTF16LE_BOM,  /* UTF-16 little-endian, by its byte-order mark */
    CHARSET_UTF16BE_BOM,  /* UTF-16 big-endian, by its byte-order mark    */
    CHARSET_WINDOWS_1252, /* not valid UTF-8: Windows-1252 (the bytes that
                             are not part of a valid UTF-8 sequence)     */
    CHARSET_DECLARED      /* the charset the input declared, via iconv    */
} charset_how;

/* Decodes n bytes to UTF-8 into a new malloc'd, NUL-terminated buffer (*out, *out_len).
   `declared` is a charset label (WHATWG names, e.g. "windows-1250", "gb2312",
   "iso-8859-2", "utf-8") or NULL.  Order: byte-order mark; else the declared label
   (through iconv from libc; an unknown label is ignored); else the bytes as they are when
   valid UTF-8; else Windows-1252.  Returns 0, or -1 when out of memory.
   NUL bytes pass through unchanged (the caller rejects them).  Bytes that
   cannot be decoded (an unpaired UTF-16 surrogate, an invalid sequence in a
   declared or BOM-marked encoding) become U+FFFD.  When the input is not
   valid UTF-8 and nothing is declared, each valid UTF-8 sequence is kept
   and each other byte is read as Windows-1252, so a file mixing the two
   (a UTF-8 page with pasted Latin-1 text) is right everywhere.  The output
   is freed with pfree(). */
int charset_decode(const char *in, size_t n, const char *declared, char **out,
                   size_t *out_len, charset_how *how);

/* "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252", or "declared". */
const char *charset_how_name(charset_how how);

/* The byte-order mark at the start of s[0..n): CHARSET_UTF8_BOM,
   CHARSET_UTF16LE_BOM, CHARSET_UTF16BE_BOM, or CHARSET_UTF8 for none. */
charset_how charset_bom(const char *s, size_t n);

/* Whether s[0..n) is valid UTF-8 (NUL bytes allowed) without a
   byte-order mark, i.e. charset_decode would return it unchanged. */
int charset_is_plain_utf8(const char *s, size_t n);

/* Decodes the HTML character references left in plain text (scraped
   pages): numeric (&#8217; &#x2019;) and a set of named ones (&amp;
   &rsquo; &nbsp; &eacute; ...), each with its closing ';'.  Anything else
   ("AT&T", "&unknown;", "&#xZZ;") stays as it is.  s must be valid UTF-8;
   so is the result.  Returns 0 with *out = NULL when s has no reference
   (nothing to change), 0 with a new buffer (*out, *out_len; free with
   pfree) otherwise, or -1 when out of memory. */
int charset_decode_refs(const char *s, size_t n, char **out, size_t *out_len);

#endif
