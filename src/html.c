/*
 * html.c -- web pages in: the bytes a crawler fetched become one article
 * (text, title, date, author, site, language, URL).  This file does the
 * reading: gzip (zlib), the character set as a browser decides it, and
 * the parse; html_meta.c finds the metadata and extract.c the text.
 *
 * The parser is libxml2's HTML parser (Debian libxml2), chosen over gumbo
 * by measurement on the 181 pages of the article-extraction benchmark:
 * 95 MB/s against gumbo's 26 MB/s for the parse alone, and the same
 * visible text (word 4-shingles) on 180 of the 181 pages (the other at
 * 0.98 agreement).  Gumbo follows the HTML5 tree-building rules more
 * closely, but the text an extractor reads is the same, and only
 * libxml2 leaves room for the 50 MB/s target.  No tree is built: the
 * parser's SAX events go straight to the metadata and text stages, which
 * keep only what they need (about 1.6 times faster than building
 * libxml2's tree on the same pages).  A page nested deeper than 256
 * elements is refused with PRECIS_ELIMIT, not parsed in part.
 *
 * Character set, in the order of the HTML standard's "encoding sniffing":
 * a byte-order mark; else the label of a <meta charset> or <meta
 * http-equiv="Content-Type"> found by the standard's prescan of the first
 * 1024 bytes (a UTF-16 label on bytes that passed as ASCII means UTF-8); else UTF-8 when the bytes are valid UTF-8;
 * else windows-1252.  The decoding itself, and the mapping of labels to
 * iconv names, is charset.c's; this file only finds the label.
 */
#include "html.h"

#include "charset.h"
#include "cluster.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <zlib.h>

struct precis_page {
    html_meta meta;
    char *text;
    size_t text_len, paragraphs;
    precis_page_info info;
    char charset[48];
    char err[PRECIS_ERRMAX];
};

precis_page *precis_page_new(void) { return pcalloc(1, sizeof(precis_page)); }

static void page_reset(precis_page *p)
{
    meta_free(&p->meta);
    pfree(p->text);
    p->text = NULL;
    p->text_len = p->paragraphs = 0;
    memset(&p->info, 0, sizeof p->info);
    p->charset[0] = p->err[0] = 0;
}

void precis_page_free(precis_page *p)
{
    if (!p)
        return;
    page_reset(p);
    pfree(p);
}

const char *precis_page_error(const precis_page *p) { return p->err; }
const precis_page_info *precis_page_get(const precis_page *p) { return &p->info; }

/* ---- gzip ------------------------------------------------------------- */

static int is_gzip(const char *d, size_t n)
{
    return n >= 2 && (unsigned char)d[0] == 0x1f && (unsigned char)d[1] == 0x8b;
}

/* Inflates gzip data (several members allowed) into a new buffer of at
   most PRECIS_MAX_HTML_BYTES.  A gzip bomb stops at the limit. */
static precis_status html_gunzip(precis_page *p, const char *in, size_t n, char **out,
                                 size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
        perr_set(p->err, sizeof p->err, "out of memory");
        return PRECIS_ENOMEM;
    }
    size_t cap = n * 4 + 4096, len = 0;
    if (cap > PRECIS_MAX_HTML_BYTES + 1)
        cap = PRECIS_MAX_HTML_BYTES + 1;
    char *buf = pmalloc(cap);
    precis_status st = PRECIS_OK;
    z.next_in = (Bytef *)(uintptr_t)in;
    if (!buf)
        st = PRECIS_ENOMEM;
    while (!st) {
        if (len == cap) {
            if (cap > PRECIS_MAX_HTML_BYTES) {
                perr_set(p->err, sizeof p->err,
                         "page exceeds the limit of %zu bytes once decompressed",
                         (size_t)PRECIS_MAX_HTML_BYTES);
                st = PRECIS_ELIMIT;
                break;
            }
            size_t nc = cap * 2 > PRECIS_MAX_HTML_BYTES + 1 ? PRECIS_MAX_HTML_BYTES + 1 : cap * 2;
            char *nb = prealloc(buf, nc);
            if (!nb) {
                st = PRECIS_ENOMEM;
                break;
            }
            buf = nb;
            cap = nc;
        }
        size_t left = n - (size_t)((const char *)z.next_in - in);
        z.avail_in = left > UINT32_MAX ? UINT32_MAX : (uInt)left;
        z.next_out = (Bytef *)buf + len;
        size_t room = cap - len;
        z.avail_out = room > UINT32_MAX ? UINT32_MAX : (uInt)room;
        uInt before = z.avail_out;
        int r = inflate(&z, Z_NO_FLUSH);
        len += before - z.avail_out;
        if (r == Z_STREAM_END) {
            left = n - (size_t)((const char *)z.next_in - in);
            if (left >= 2 && is_gzip((const char *)z.next_in, left)) {
                inflateReset(&z);
                continue;
            }
            break;
        }
        if (r == Z_MEM_ERROR) {
            st = PRECIS_ENOMEM;
        } else if (r != Z_OK && !(r == Z_BUF_ERROR && z.avail_out == 0)) {
            perr_set(p->err, sizeof p->err, "corrupt gzip data at byte %zu of %zu",
                     (size_t)((const char *)z.next_in - in), n);
            st = PRECIS_EINVAL;
        } else if (z.avail_in == 0 && z.avail_out > 0) {
            perr_set(p->err, sizeof p->err, "truncated gzip data (%zu bytes)", n);
            st = PRECIS_EINVAL;
        }
    }
    inflateEnd(&z);
    if (st == PRECIS_ENOMEM)
        perr_set(p->err, sizeof p->err, "out of memory");
    if (st) {
        pfree(buf);
        return st;
    }
    *out = buf;
    *out_len = len;
    return PRECIS_OK;
}

/* ---- the encoding prescan (HTML standard, "prescan a byte stream") ---- */

static int lc(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int is_ws(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* Reads one attribute at d[*i..n): name into nm, value into val (both
   lower-cased, truncated to cap).  0 when the tag ends. */
static int prescan_attr(const char *d, size_t n, size_t *i, char *nm, char *val, size_t cap)
{
    size_t k = *i, a = 0, v = 0;
    while (k < n && (is_ws(d[k]) || d[k] == '/'))
        k++;
    if (k >= n || d[k] == '>') {
        *i = k;
        return 0;
    }
    while (k < n && !is_ws(d[k]) && d[k] != '=' && d[k] != '>' && d[k] != '/' ) {
        if (a + 1 < cap)
            nm[a++] = (char)lc((unsigned char)d[k]);
        k++;
    }
    nm[a] = 0;
    val[0] = 0;
    while (k < n && is_ws(d[k]))
        k++;
    if (k < n && d[k] == '=') {
        k++;
        while (k < n && is_ws(d[k]))
            k++;
        if (k < n && (d[k] == '"' || d[k] == '\'')) {
            char q = d[k++];
            while (k < n && d[k] != q) {
                if (v + 1 < cap)
                    val[v++] = (char)lc((unsigned char)d[k]);
                k++;
            }
            k++;
        } else {
            while (k < n && !is_ws(d[k]) && d[k] != '>') {
                if (v + 1 < cap)
                    val[v++] = (char)lc((unsigned char)d[k]);
                k++;
            }
        }
        val[v] = 0;
    }
    *i = k;
    return 1;
}

/* The charset in a Content-Type value: "text/html; charset=gb2312". */
static int charset_from_content(const char *v, char *out, size_t cap)
{
    const char *p = strstr(v, "charset");
    if (!p)
        return 0;
    p += 7;
    while (is_ws(*p))
        p++;
    if (*p != '=')
        return 0;
    p++;
    while (is_ws(*p))
        p++;
    if (*p == '"' || *p == '\'')
        p++;
    size_t k = 0;
    while (*p && !is_ws(*p) && *p != ';' && *p != '"' && *p != '\'' && k + 1 < cap)
        out[k++] = *p++;
    out[k] = 0;
    return k > 0;
}

/* Finds the declared label in the first 1024 bytes; 1 when found. */
static int html_prescan(const char *d, size_t n, char *label, size_t cap)
{
    if (n > 1024)
        n = 1024;
    size_t i = 0;
    while (i < n) {
        if (d[i] != '<') {
            i++;
            continue;
        }
        if (i + 4 <= n && !memcmp(d + i, "<!--", 4)) {
            size_t k = i + 4;
            while (k + 3 <= n && memcmp(d + k, "-->", 3))
                k++;
            i = k + 3;
            continue;
        }
        if (i + 6 <= n && lc((unsigned char)d[i + 1]) == 'm' && lc((unsigned char)d[i + 2]) == 'e' &&
            lc((unsigned char)d[i + 3]) == 't' && lc((unsigned char)d[i + 4]) == 'a' &&
            (is_ws(d[i + 5]) || d[i + 5] == '/')) {
            size_t k = i + 5;
            char nm[128], val[128], cs[128] = "";
            int http_ct = 0, got_content = 0;
            char content_cs[128] = "";
            while (prescan_attr(d, n, &k, nm, val, sizeof val)) {
                if (!strcmp(nm, "http-equiv") && !strcmp(val, "content-type"))
                    http_ct = 1;
                else if (!strcmp(nm, "content") && !got_content)
                    got_content = charset_from_content(val, content_cs, sizeof content_cs);
                else if (!strcmp(nm, "charset") && !cs[0])
                    snprintf(cs, sizeof cs, "%s", val);
            }
            const char *pick = cs[0] ? cs : (http_ct && got_content) ? content_cs : NULL;
            if (pick) {
                snprintf(label, cap, "%s", pick);
                return 1;
            }
            i = k + 1;
            continue;
        }
        /* another tag, an end tag, <! or <? : skip to its end */
        size_t k = i + 1;
        if (k < n && (d[k] == '!' || d[k] == '?' || d[k] == '/')) {
            while (k < n && d[k] != '>')
                k++;
            i = k + 1;
            continue;
        }
        if (k < n && ((d[k] | 32) >= 'a' && (d[k] | 32) <= 'z')) {
            while (k < n && !is_ws(d[k]) && d[k] != '>')
                k++;
            char nm[128], val[128];
            while (prescan_attr(d, n, &k, nm, val, sizeof val))
                ;
            i = k + 1;
            continue;
        }
        i++;
    }
    return 0;
}

/* The prescan's own rule (HTML standard): a UTF-16 label found in bytes
   that read as ASCII is wrong, the page is UTF-8; x-user-defined is
   windows-1252.  Other labels go to charset.c, which maps the Encoding
   Standard's labels to iconv names. */
static const char *label_fix(const char *l)
{
    if (!strncmp(l, "utf-16", 6))
        return "utf-8";
    if (!strcmp(l, "x-user-defined"))
        return "windows-1252";
    return l;
}

int precis_is_html(const char *d, size_t n)
{
    if (is_gzip(d, n))
        return 1;
    size_t i = 0;
    if (n >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < n && is_ws((unsigned char)d[i]))
        i++;
    if (i >= n || d[i] != '<')
        return 0;
    static const char *const marks[] = {"<!doctype html", "<html", "<head", "<body",
                                        "<meta", "<title", NULL};
    size_t end = n - i < 2048 ? n : i + 2048;
    for (size_t k = i; k < end; k++) {
        if (d[k] != '<')
            continue;
        for (const char *const *m = marks; *m; m++) {
            size_t L = strlen(*m), j = 0;
            while (j < L && k + j < end && lc((unsigned char)d[k + j]) == (*m)[j])
                j++;
            if (j == L)
                return 1;
        }
    }
    return 0;
}

/* ---- reading a page ------------------------------------------------------ */

/* The parse: libxml2's HTML parser (error recovery on, network off)
   calls these for every start tag, end tag and run of text, and each is
   passed to both stages.  The parser context's userData is the pair. */
typedef struct html_sax {
    meta_state *meta;
    ex *ex;
    htmlParserCtxtPtr ctxt;
    size_t depth;
    int too_deep;
} html_sax;

/* The nesting limit.  libxml2's own (256) guards only its tree builder;
   without it, end tags that match nothing make the parser scan its whole
   stack each time, so a hostile page could cost time quadratic in its
   size.  Deeper pages are refused. */
#define HTML_MAX_DEPTH 256

static void sax_start(void *ud, const xmlChar *name, const xmlChar **atts)
{
    html_sax *h = ud;
    if (++h->depth > HTML_MAX_DEPTH) {
        if (!h->too_deep)
            xmlStopParser(h->ctxt);
        h->too_deep = 1;
        return;
    }
    meta_start(h->meta, name, atts);
    extract_start(h->ex, name, atts);
}

static void sax_end(void *ud, const xmlChar *name)
{
    html_sax *h = ud;
    (void)name;
    if (h->depth && h->depth-- > HTML_MAX_DEPTH)
        return;
    meta_end(h->meta);
    extract_end(h->ex);
}

static void sax_chars(void *ud, const xmlChar *s, int n)
{
    html_sax *h = ud;
    if (h->too_deep)
        return;
    meta_chars(h->meta, s, n);
    extract_chars(h->ex, s, n);
}

static precis_status html_parse(precis_page *p, const char *utf8, size_t n)
{
    html_sax h = {meta_new(), extract_new(), NULL, 0, 0};
    int n_int = n > (size_t)INT32_MAX ? INT32_MAX : (int)n;
    if (n == 0) { /* libxml2 makes no parser for no bytes: an empty page */
        utf8 = " ";
        n_int = 1;
    }
    htmlParserCtxtPtr ctxt = h.meta && h.ex ? htmlCreateMemoryParserCtxt(utf8, n_int) : NULL;
    h.ctxt = ctxt;
    xmlCharEncodingHandlerPtr utf = xmlFindCharEncodingHandler("UTF-8");
    precis_status st = PRECIS_OK;
    if (!ctxt || !ctxt->sax || !utf) {
        perr_set(p->err, sizeof p->err, "out of memory");
        st = PRECIS_ENOMEM;
        goto done;
    }
    /* The bytes are UTF-8 already (charset.c): fix the encoding so that a
       <meta charset> in the page does not make the parser switch. */
    xmlSwitchToEncoding(ctxt, utf);
    if (ctxt->input->encoding)
        xmlFree((xmlChar *)(uintptr_t)ctxt->input->encoding);
    ctxt->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    memset(ctxt->sax, 0, sizeof *ctxt->sax);
    ctxt->sax->startElement = sax_start;
    ctxt->sax->endElement = sax_end;
    ctxt->sax->characters = sax_chars;
    ctxt->sax->cdataBlock = sax_chars;
    ctxt->sax->ignorableWhitespace = sax_chars;
    ctxt->sax->initialized = 1;
    ctxt->userData = &h;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
    htmlParseDocument(ctxt);
    if (h.too_deep) {
        perr_set(p->err, sizeof p->err, "elements nested deeper than %d", HTML_MAX_DEPTH);
        st = PRECIS_ELIMIT;
        goto done;
    }
    if (meta_finish(h.meta, &p->meta)) {
        st = PRECIS_ENOMEM;
    } else {
        pbuf out;
        pbuf_init(&out);
        p->paragraphs = extract_finish(h.ex, &p->meta, &out);
        pbuf_putc(&out, 0);
        if (out.oom) {
            pbuf_free(&out);
            st = PRECIS_ENOMEM;
        } else {
            out.len--;
            p->text_len = out.len;
            p->text = pbuf_take(&out, NULL);
        }
    }
    if (st == PRECIS_ENOMEM)
        perr_set(p->err, sizeof p->err, "out of memory");
done:
    if (ctxt)
        htmlFreeParserCtxt(ctxt);
    meta_state_free(h.meta);
    extract_free(h.ex);
    return st;
}

precis_status precis_page_read(precis_page *p, const char *data, size_t len)
{
    page_reset(p);
    if (!data && len) {
        perr_set(p->err, sizeof p->err, "invalid argument");
        return PRECIS_EINVAL;
    }
    char *raw = NULL;
    size_t raw_len = len;
    if (is_gzip(data, len)) {
        precis_status st = html_gunzip(p, data, len, &raw, &raw_len);
        if (st)
            return st;
        data = raw;
    }
    if (raw_len > PRECIS_MAX_HTML_BYTES) {
        perr_set(p->err, sizeof p->err, "page of %zu bytes exceeds the limit of %zu bytes",
                 raw_len, (size_t)PRECIS_MAX_HTML_BYTES);
        pfree(raw);
        return PRECIS_ELIMIT;
    }
    char label[64] = "";
    const char *declared = NULL;
    if (html_prescan(data, raw_len, label, sizeof label))
        declared = label_fix(label);
    char *utf8 = NULL;
    size_t utf8_len = 0;
    charset_how how;
    if (charset_decode(data, raw_len, declared, &utf8, &utf8_len, &how)) {
        perr_set(p->err, sizeof p->err, "out of memory decoding the page");
        pfree(raw);
        return PRECIS_ENOMEM;
    }
    pfree(raw);
    if (how == CHARSET_DECLARED)
        snprintf(p->charset, sizeof p->charset, "declared %s", declared);
    else
        snprintf(p->charset, sizeof p->charset, "%s", charset_how_name(how));
    /* NUL bytes end libxml2's text early: a browser shows U+FFFD, we a space */
    for (char *z = memchr(utf8, 0, utf8_len); z; z = memchr(z, 0, utf8_len - (size_t)(z - utf8)))
        *z = ' ';
    precis_status st = html_parse(p, utf8, utf8_len);
    pfree(utf8);
    if (st)
        return st;
    p->info.title = p->meta.title;
    p->info.date = p->meta.date;
    p->info.author = p->meta.author;
    p->info.site_name = p->meta.site;
    p->info.lang = p->meta.lang;
    p->info.url = p->meta.url;
    p->info.title_from = p->meta.title_from;
    p->info.date_from = p->meta.date_from;
    p->info.author_from = p->meta.author_from;
    p->info.text = p->text;
    p->info.text_len = p->text_len;
    p->info.paragraphs = p->paragraphs;
    p->info.charset = p->charset;
    if (!p->text_len) {
        perr_set(p->err, sizeof p->err, "no article text found in the page");
        return PRECIS_EEMPTY;
    }
    return PRECIS_OK;
}

/* ---- output --------------------------------------------------------------- */

static void json_field(pbuf *b, const char *key, const char *v, int *first)
{
    pbuf_printf(b, "%s\"%s\":", *first ? "" : ",", key);
    *first = 0;
    pbuf_json_string(b, v);
}

precis_status precis_page_render(const precis_page *p, precis_format fmt, char **out,
                                 size_t *len)
{
    if (!p || !out || (fmt != PRECIS_FORMAT_JSON && fmt != PRECIS_FORMAT_TEXT))
        return PRECIS_EINVAL;
    const precis_page_info *in = &p->info;
    pbuf b;
    pbuf_init(&b);
    if (fmt == PRECIS_FORMAT_TEXT) {
        if (in->title) {
            pbuf_puts(&b, in->title);
            pbuf_puts(&b, "\n\n");
        }
        if (in->text)
            pbuf_put(&b, in->text, in->text_len);
        pbuf_putc(&b, '\n');
    } else {
        int first = 1;
        pbuf_putc(&b, '{');
        json_field(&b, "title", in->title, &first);
        json_field(&b, "date", in->date, &first);
        json_field(&b, "author", in->author, &first);
        json_field(&b, "site_name", in->site_name, &first);
        json_field(&b, "lang", in->lang, &first);
        json_field(&b, "url", in->url, &first);
        json_field(&b, "charset", in->charset, &first);
        pbuf_printf(&b, ",\"paragraphs\":%zu,\"text\":\"", in->paragraphs);
        if (in->text)
            pbuf_json_str(&b, in->text, in->text_len);
        pbuf_puts(&b, "\"}\n");
    }
    if (b.oom) {
        pbuf_free(&b);
        return PRECIS_ENOMEM;
    }
    *out = pbuf_take(&b, len);
    return PRECIS_OK;
}

precis_status precis_cluster_add_html(precis_cluster *c, const char *data, size_t len,
                                      const char *id, const char *source)
{
    precis_page *p = precis_page_new();
    if (!p) {
        cluster_set_error(c, "out of memory");
        return PRECIS_ENOMEM;
    }
    precis_status st = precis_page_read(p, data, len);
    if (st) {
        cluster_set_error(c, p->err);
    } else {
        precis_article a = {.id = id,
                            .source = p->info.site_name ? p->info.site_name : source,
                            .date = p->info.date,
                            .title = p->info.title,
                            .text = p->info.text,
                            .text_len = p->info.text_len};
        st = precis_cluster_add(c, &a);
    }
    precis_page_free(p);
    return st;
}
