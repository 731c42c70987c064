/*
 * output.c -- the last stage: render a summary.  Dispatches to one writer
 * per format (out_text.c, out_json.c, out_markdown.c); every writer
 * appends to a pbuf, and the result is handed to the caller.
 */
#include "output.h"

static const struct {
    const char *name;
    precis_format fmt;
} formats[] = {{"text", PRECIS_FORMAT_TEXT},
               {"lines", PRECIS_FORMAT_LINES},
               {"json", PRECIS_FORMAT_JSON},
               {"markdown", PRECIS_FORMAT_MARKDOWN},
               {"md", PRECIS_FORMAT_MARKDOWN},
               {"html", PRECIS_FORMAT_HTML}};

precis_status precis_format_parse(const char *name, precis_format *out)
{
    if (!name || !out)
        return PRECIS_EINVAL;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (!strcmp(name, formats[i].name)) {
            *out = formats[i].fmt;
            return PRECIS_OK;
        }
    return PRECIS_EINVAL;
}

void out_put_flat(pbuf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r' &&
               s[j] != '\f' && s[j] != '\v')
            j++;
        pbuf_put(b, s + i, j - i);
        if (j >= n)
            break;
        while (j < n && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r' ||
                         s[j] == '\f' || s[j] == '\v'))
            j++;
        if (j < n)
            pbuf_putc(b, ' ');
        i = j;
    }
}

precis_status precis_summary_render(const precis_summary *sum, const precis_cluster *c,
                                    precis_format fmt, char **out, size_t *len)
{
    if (!sum || !c || !out)
        return PRECIS_EINVAL;
    *out = NULL;
    pbuf b;
    pbuf_init(&b);
    switch (fmt) {
    case PRECIS_FORMAT_TEXT: out_text(&b, sum, c, 0); break;
    case PRECIS_FORMAT_LINES: out_text(&b, sum, c, 1); break;
    case PRECIS_FORMAT_JSON: out_json(&b, sum, c); break;
    case PRECIS_FORMAT_MARKDOWN: out_markdown(&b, sum, c); break;
    case PRECIS_FORMAT_HTML: out_html(&b, sum, NULL, c); break;
    default: return PRECIS_EINVAL;
    }
    char *d = pbuf_take(&b, len);
    if (!d)
        return PRECIS_ENOMEM;
    *out = d;
    return PRECIS_OK;
}

void out_json_string(pbuf *b, const char *s)
{
    if (!s) {
        pbuf_puts(b, "null");
        return;
    }
    pbuf_putc(b, '"');
    pbuf_json_str(b, s, strlen(s));
    pbuf_putc(b, '"');
}

void out_put_html(pbuf *b, const char *s, size_t n)
{
    size_t i = 0, run = 0;
    for (; i < n; i++) {
        const char *e = NULL;
        switch (s[i]) {
        case '&': e = "&amp;"; break;
        case '<': e = "&lt;"; break;
        case '>': e = "&gt;"; break;
        case '"': e = "&quot;"; break;
        case '\'': e = "&#39;"; break;
        default: continue;
        }
        pbuf_put(b, s + run, i - run);
        pbuf_puts(b, e);
        run = i + 1;
    }
    pbuf_put(b, s + run, i - run);
}

precis_status precis_report_render(const precis_summary *sum, const precis_analysis *an,
                                   const precis_cluster *c, precis_format fmt, char **out,
                                   size_t *len)
{
    if ((!sum && !an) || !c || !out)
        return PRECIS_EINVAL;
    *out = NULL;
    pbuf b;
    pbuf_init(&b);
    switch (fmt) {
    case PRECIS_FORMAT_JSON: out_report_json(&b, sum, an, c); break;
    case PRECIS_FORMAT_HTML: out_html(&b, sum, an, c); break;
    default: return PRECIS_EINVAL;
    }
    char *d = pbuf_take(&b, len);
    if (!d)
        return PRECIS_ENOMEM;
    *out = d;
    return PRECIS_OK;
}

void out_json_charset(pbuf *b, const precis_cluster *c, size_t i)
{
    const char *cs = precis_cluster_article_charset(c, i);
    if (cs && strcmp(cs, "utf-8")) {
        pbuf_puts(b, ",\"charset\":");
        out_json_string(b, cs);
    }
}
