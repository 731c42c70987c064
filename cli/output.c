/*
 * output.c -- what the commands write besides the library's renderings:
 * the JSON string body of an error record, an id or a message.  One
 * writer, so that every command escapes the same way.
 *
 * Why not the library's pbuf_json_str: the tool uses precis.h only, and
 * its records (batch, stories, extract) have always escaped every control
 * byte as \u00XX; keeping that keeps their output byte for byte.
 */
#include "cli.h"

void cli_json_chars(FILE *out, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fputc('\\', out);
        if ((unsigned char)*p < 0x20)
            fprintf(out, "\\u%04x", (unsigned char)*p);
        else
            fputc(*p, out);
    }
}
