/*
 * opts.c -- the summarizing options shared by 'summarize' and 'batch'.
 */
#include "opts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char cli_summary_opts_help[] =
    "  -m, --method NAME     default | lead | lead-rr | centroid | lexrank | mmr\n"
    "  -w, --words N         budget in words (default 120)\n"
    "  -b, --bytes N         budget in bytes instead\n"
    "  -s, --sentences N     budget in sentences instead\n"
    "  -f, --format NAME     text | lines | json | markdown | html (default text;\n"
    "                        html is the full report: summary and analysis)\n"
    "  -o, --order NAME      chrono | source | score (default chrono)\n"
    "  -l, --lang NAME       Snowball language for matching (default english)\n"
    "  -t, --dup-threshold X similarity at which sentences count as one (0.5)\n"
    "      --truncate        lead baselines: cut the last sentence to fill a word budget\n";

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    if (!s || !*s || *s == '-')
        return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = (size_t)v;
    return 0;
}

int cli_summary_opt(int c, const char *arg, cli_summary_opts *o)
{
    switch (c) {
    case 'm':
        if (precis_method_parse(arg, &o->opt.method)) {
            fprintf(stderr, "precis: unknown method '%s'\n", arg);
            return -1;
        }
        return 1;
    case 'w':
    case 'b':
    case 's':
        if (parse_size(arg, &o->opt.budget)) {
            fprintf(stderr, "precis: invalid budget '%s'\n", arg);
            return -1;
        }
        o->opt.unit = c == 'w' ? PRECIS_UNIT_WORDS
                               : c == 'b' ? PRECIS_UNIT_BYTES : PRECIS_UNIT_SENTENCES;
        return 1;
    case 'f':
        if (precis_format_parse(arg, &o->fmt)) {
            fprintf(stderr, "precis: unknown format '%s'\n", arg);
            return -1;
        }
        return 1;
    case 'o':
        if (!strcmp(arg, "chrono"))
            o->opt.order = PRECIS_ORDER_CHRONO;
        else if (!strcmp(arg, "source"))
            o->opt.order = PRECIS_ORDER_SOURCE;
        else if (!strcmp(arg, "score"))
            o->opt.order = PRECIS_ORDER_SCORE;
        else {
            fprintf(stderr, "precis: unknown order '%s'\n", arg);
            return -1;
        }
        return 1;
    case 'l':
        o->opt.lang = arg;
        return 1;
    case 't': {
        char *end;
        double v = strtod(arg, &end);
        if (*end || !(v > 0 && v <= 1)) {
            fprintf(stderr, "precis: --dup-threshold needs a number in (0, 1]\n");
            return -1;
        }
        o->opt.dup_threshold = v;
        return 1;
    }
    case OPT_TRUNCATE:
        o->opt.truncate_last = 1;
        return 1;
    default:
        return 0;
    }
}

precis_summarizer *cli_summarizer(const cli_summary_opts *o)
{
    precis_status st;
    precis_summarizer *s = precis_summarizer_new(&o->opt, &st);
    if (!s) {
        if (st == PRECIS_ELANG)
            fprintf(stderr, "precis: no Snowball stemmer for language '%s'\n",
                    o->opt.lang ? o->opt.lang : "?");
        else
            fprintf(stderr, "precis: %s\n", precis_strerror(st));
    }
    return s;
}

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
