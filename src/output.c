/*
 * output.c -- the last stage: render a summary or a report.  Only
 * dispatches, to one writer per format (out_text.c, out_json.c,
 * out_markdown.c, out_report.c, out_html.c); every writer appends to a
 * pbuf (its escaping helpers, pbuf_json_string / pbuf_html / pbuf_flat,
 * belong to the buffer in util.c), and the result is handed to the caller.
 * Writers never call back into this file.
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
