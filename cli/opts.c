/*
 * opts.c -- the summarizing options shared by 'summarize' and 'batch', and
 * the option helpers every command uses (getopt the precis way, sizes).
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
    "  -o, --order NAME      chrono | source | score (default chrono)\n"
    "  -l, --lang NAME       language of the text, for matching words (default\n"
    "                        english; the names are listed below)\n"
    "  -t, --dup-threshold X similarity at which sentences count as one (0.5)\n"
    "      --truncate        lead baselines: cut the last sentence to fill a word budget\n"
    "      --extract-only    no edits: sentences exactly as written (a quote is not\n"
    "                        given its speaker's name, no leading \"But\" dropped)\n"
    "      --strict          reject text that is not valid UTF-8 (default: decode it,\n"
    "                        honouring a byte-order mark, else as Windows-1252, with a\n"
    "                        warning and a \"charset\" field in JSON output)\n";

int cli_parse_size(const char *s, size_t *out)
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
            fprintf(stderr, "precis: unknown method '%s' (default, lead, lead-rr, centroid, "
                            "lexrank, mmr)\n", arg);
            return -1;
        }
        return 1;
    case 'w':
    case 'b':
    case 's':
        if (cli_parse_size(arg, &o->opt.budget)) {
            fprintf(stderr, "precis: invalid budget '%s' (a whole number, 0 or more)\n", arg);
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
            fprintf(stderr, "precis: unknown order '%s' (chrono, source, score)\n", arg);
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
    case OPT_EXTRACT_ONLY:
        o->opt.extract_only = 1;
        return 1;
    case OPT_STRICT:
        o->strict = 1;
        return 1;
    default:
        return 0;
    }
}

void cli_warn_charsets(const precis_cluster *c, size_t from, const char *name, size_t line)
{
    for (size_t i = from; i < precis_cluster_size(c); i++) {
        const char *cs = precis_cluster_article_charset(c, i);
        if (!cs || !strcmp(cs, "utf-8") || !strcmp(cs, "utf-8-bom"))
            continue;
        if (line)
            fprintf(stderr, "precis: %s:%zu: article %s: ", name, line,
                    precis_cluster_article_id(c, i));
        else
            fprintf(stderr, "precis: %s: ", name);
        if (!strcmp(cs, "windows-1252"))
            fprintf(stderr, "warning: not valid UTF-8, decoded as Windows-1252 (--strict "
                            "rejects it)\n");
        else
            fprintf(stderr, "warning: decoded from %s by its byte-order mark\n", cs);
    }
}

void cli_put_languages(FILE *f)
{
    const char *names[64];
    size_t n = precis_languages(names, 64), col = 24;
    fputs("                        ", f);
    for (size_t i = 0; i < n && i < 64; i++) {
        size_t k = strlen(names[i]) + 1;
        if (col + k > 79) {
            fputs("\n                        ", f);
            col = 24;
        }
        fprintf(f, "%s%s", names[i], i + 1 < n ? " " : "\n");
        col += k;
    }
}

void cli_help(const char *usage, const char *formats)
{
    printf("%s%s%s", usage, formats, cli_summary_opts_help);
    printf("\nlanguages (--lang):\n");
    cli_put_languages(stdout);
}

int cli_bad_option(const char *cmd, const char *opt)
{
    fprintf(stderr, "precis: %s: %s\nusage: precis %s [options] ...; 'precis %s --help' "
                    "lists the options\n",
            cmd, opt, cmd, cmd);
    return EXIT_USAGE;
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               const char *cmd)
{
    char so[64];
    snprintf(so, sizeof so, ":%s", shortopts); /* ':' tells a missing value apart */
    opterr = 0;
    int c = getopt_long(argc, argv, so, longopts, NULL);
    if (c != '?' && c != ':')
        return c;
    char what[160];
    const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
    int is_long = arg[0] == '-' && arg[1] == '-';
    if (c == ':')
        snprintf(what, sizeof what, "option %s needs a value", arg);
    else if (!is_long && optopt > ' ' && optopt < 127)
        snprintf(what, sizeof what, "unknown option -%c", optopt);
    else
        snprintf(what, sizeof what, "unknown option %s", arg);
    cli_bad_option(cmd, what);
    return -2;
}

precis_summarizer *cli_summarizer(const cli_summary_opts *o)
{
    precis_status st;
    precis_summarizer *s = precis_summarizer_new(&o->opt, &st);
    if (!s) {
        if (st == PRECIS_ELANG) {
            fprintf(stderr, "precis: unknown language '%s' for --lang; one of:\n",
                    o->opt.lang ? o->opt.lang : "?");
            cli_put_languages(stderr);
            if (o->opt.lang && !strcmp(o->opt.lang, "porter"))
                fprintf(stderr, "(porter, the original Porter stemmer, is for 'precis "
                                "rouge'; use english)\n");
        } else {
            fprintf(stderr, "precis: %s\n", precis_strerror(st));
        }
    }
    return s;
}
