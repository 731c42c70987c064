/*
 * cmd_summarize.c -- 'precis summarize': one cluster from files, a
 * directory, or standard input, to standard output.
 *
 * Each plain-text file is one article; a file ending in .jsonl (or any
 * input whose first non-blank byte is '{' with --input auto) holds one
 * article per line.  A bad article is reported as FILE[:LINE]: message and
 * skipped; the summary of the rest is still written and the exit status
 * is 1.  With no usable article at all the exit status is 3.  Web pages
 * (--input html, or auto-detected) are read for their article by the
 * library (precis_cluster_add_html).
 */
#include "opts.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char help[] =
    "usage: precis summarize [options] FILE|DIR|- ...\n"
    "\n"
    "Summarize one cluster of news articles.  Each FILE is one article (plain\n"
    "text), every regular file of a DIR is one article (sorted by name, hidden\n"
    "files skipped), '-' reads standard input.  JSON Lines input holds one\n"
    "article per line: {\"id\", \"source\", \"date\", \"title\", \"text\"}.\n"
    "\n"
    "options:\n"
    "      --input FMT       auto | text | jsonl | html (default auto: *.jsonl files\n"
    "                        and input starting with '{' are JSON Lines; *.html,\n"
    "                        *.htm, *.html.gz and input that is plainly HTML or\n"
    "                        gzip are web pages, read for their article)\n";

enum { IN_AUTO, IN_TEXT, IN_JSONL, IN_HTML };

typedef struct run {
    precis_cluster *c;
    int input;
    int bad;   /* articles rejected */
    int fatal; /* out of memory */
} run;

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b && b[1] ? b + 1 : path;
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !strcmp(s + n - k, suf);
}

/* The byte order of a UTF-16 byte-order mark at buf: 1 little-endian,
   2 big-endian, 0 none. */
static int utf16_order(const char *buf, size_t len)
{
    const unsigned char *u = (const unsigned char *)buf;
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return 1;
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return 2;
    return 0;
}

/* The code unit at buf[i] (a byte, or a UTF-16 unit in order `bo`). */
static unsigned unit_at(const char *buf, size_t i, int bo)
{
    const unsigned char *u = (const unsigned char *)buf;
    return !bo ? u[i] : bo == 1 ? (unsigned)u[i + 1] << 8 | u[i] : (unsigned)u[i] << 8 | u[i + 1];
}

static void add_jsonl(run *r, const char *name, const char *buf, size_t len)
{
    /* UTF-16 input: lines end at the unit U+000A; each line goes to the
       library with the file's byte-order mark in front, so that it is
       decoded (and recorded as decoded) as the file is */
    int bo = utf16_order(buf, len);
    size_t w = bo ? 2 : 1, i = bo ? 2 : 0, line = 0;
    char *tmp = NULL;
    while (i + w <= len) {
        size_t end = i;
        while (end + w <= len && unit_at(buf, end, bo) != '\n')
            end += w;
        line++;
        size_t e = end;
        if (e >= i + w && unit_at(buf, e - w, bo) == '\r')
            e -= w;
        int blank = 1;
        for (size_t k = i; k + w <= e && blank; k += w)
            if (unit_at(buf, k, bo) != ' ' && unit_at(buf, k, bo) != '\t')
                blank = 0;
        if (!blank) {
            const char *l = buf + i;
            size_t n = e - i;
            if (bo) {
                char *t = realloc(tmp, n + 2);
                if (!t) {
                    fprintf(stderr, "precis: %s:%zu: out of memory\n", name, line);
                    r->bad++;
                    r->fatal = 1;
                    break;
                }
                tmp = t;
                memcpy(tmp, buf, 2);
                memcpy(tmp + 2, l, n);
                l = tmp;
                n += 2;
            }
            size_t before = precis_cluster_size(r->c);
            precis_status st = precis_cluster_add_json(r->c, l, n);
            if (st) {
                fprintf(stderr, "precis: %s:%zu: %s\n", name, line,
                        precis_cluster_error(r->c));
                r->bad++;
                if (st == PRECIS_ENOMEM)
                    r->fatal = 1;
            } else {
                cli_warn_charsets(r->c, before, name, line);
            }
        }
        i = end + w;
    }
    free(tmp);
}

static void add_file(run *r, const char *path)
{
    char err[512];
    size_t len;
    char *buf = cli_read_file(path, &len, err, sizeof err);
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    if (!buf) {
        fprintf(stderr, "precis: %s\n", err);
        r->bad++;
        return;
    }
    int jsonl = r->input == IN_JSONL;
    int html = r->input == IN_HTML ||
               (r->input == IN_AUTO &&
                (ends_with(path, ".html") || ends_with(path, ".htm") ||
                 ends_with(path, ".html.gz") || ends_with(path, ".htm.gz") ||
                 precis_is_html(buf, len)));
    if (html) {
        precis_status st = precis_cluster_add_html(r->c, buf, len, base_name(name), base_name(name));
        if (st) {
            fprintf(stderr, "precis: %s: %s\n", name, precis_cluster_error(r->c));
            r->bad++;
            if (st == PRECIS_ENOMEM)
                r->fatal = 1;
        }
        free(buf);
        return;
    }
    if (r->input == IN_AUTO) {
        int bo = utf16_order(buf, len);
        size_t w = bo ? 2 : 1, k = bo ? 2 : (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) * 3;
        while (k + w <= len && (unit_at(buf, k, bo) == ' ' || unit_at(buf, k, bo) == '\n' ||
                                unit_at(buf, k, bo) == '\t' || unit_at(buf, k, bo) == '\r'))
            k += w;
        jsonl = ends_with(path, ".jsonl") || (k + w <= len && unit_at(buf, k, bo) == '{');
    }
    if (jsonl) {
        add_jsonl(r, name, buf, len);
    } else {
        precis_article a = {.id = base_name(name), .source = base_name(name), .text = buf,
                            .text_len = len};
        size_t before = precis_cluster_size(r->c);
        precis_status st = precis_cluster_add(r->c, &a);
        if (st) {
            fprintf(stderr, "precis: %s: %s\n", name, precis_cluster_error(r->c));
            r->bad++;
            if (st == PRECIS_ENOMEM)
                r->fatal = 1;
        } else {
            cli_warn_charsets(r->c, before, name, 0);
        }
    }
    free(buf);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_dir(run *r, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "precis: %s: %s\n", dir, strerror(errno));
        r->bad++;
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(len);
        if (!p)
            break;
        snprintf(p, len, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) || !S_ISREG(st.st_mode)) {
            free(p);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                free(p);
                break;
            }
            names = nn;
        }
        names[n++] = p;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        add_file(r, names[i]);
        free(names[i]);
    }
    free(names);
}

static const char help_analyze[] =
    "usage: precis analyze [options] FILE|DIR|- ...\n"
    "\n"
    "Report on one cluster of news articles: the summary, which articles copy\n"
    "or update which, the quotes with their speakers, the facts (numbers, dates,\n"
    "names) with the sources stating them and the conflicts between them, and\n"
    "the timeline with what each article adds.  Input as for 'precis\n"
    "summarize'.  Output: JSON (default, one line) or --format html (one\n"
    "self-contained page).\n"
    "\n"
    "options:\n"
    "      --input FMT       auto | text | jsonl | html (default auto)\n";

static int run_cmd(int argc, char **argv, int analyze)
{
    cli_summary_opts o;
    memset(&o, 0, sizeof o);
    precis_options_init(&o.opt);
    o.fmt = analyze ? PRECIS_FORMAT_JSON : PRECIS_FORMAT_TEXT;
    const char *usage = analyze ? help_analyze : help;
    run r = {0};
    r.input = IN_AUTO;
    static const struct option longopts[] = {CLI_SUMMARY_LONGOPTS, {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, CLI_SUMMARY_SHORTOPTS, longopts, NULL)) != -1) {
        if (c == 'h') {
            printf("%s%s", usage, cli_summary_opts_help);
            return 0;
        }
        if (c == OPT_INPUT) {
            if (!strcmp(optarg, "auto"))
                r.input = IN_AUTO;
            else if (!strcmp(optarg, "text"))
                r.input = IN_TEXT;
            else if (!strcmp(optarg, "jsonl"))
                r.input = IN_JSONL;
            else if (!strcmp(optarg, "html"))
                r.input = IN_HTML;
            else {
                fprintf(stderr, "precis: unknown input format '%s'\n", optarg);
                return EXIT_USAGE;
            }
            continue;
        }
        int h = cli_summary_opt(c, optarg, &o);
        if (h <= 0) {
            if (h == 0)
                fprintf(stderr, "%s%s", usage, cli_summary_opts_help);
            return EXIT_USAGE;
        }
    }
    if (analyze && o.fmt != PRECIS_FORMAT_JSON && o.fmt != PRECIS_FORMAT_HTML) {
        fprintf(stderr, "precis analyze: --format must be json or html\n");
        return EXIT_USAGE;
    }
    if (optind >= argc) {
        fprintf(stderr, "precis %s: no input (give files, a directory, or -)\n",
                analyze ? "analyze" : "summarize");
        return EXIT_USAGE;
    }
    precis_summarizer *s = cli_summarizer(&o);
    if (!s)
        return EXIT_USAGE;
    r.c = precis_cluster_new();
    if (!r.c) {
        fprintf(stderr, "precis: out of memory\n");
        precis_summarizer_free(s);
        return EXIT_FATAL;
    }
    precis_cluster_set_strict(r.c, o.strict);
    for (int i = optind; i < argc && !r.fatal; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            add_dir(&r, argv[i]);
        else
            add_file(&r, argv[i]);
    }
    int rc = r.bad ? EXIT_PARTIAL : 0;
    if (r.fatal || precis_cluster_size(r.c) == 0) {
        if (!r.fatal)
            fprintf(stderr, "precis: no usable article in the input\n");
        rc = EXIT_FATAL;
    } else {
        precis_summary *sum = NULL;
        precis_analysis *an = NULL;
        precis_status st = PRECIS_OK;
        char *out = NULL;
        size_t len = 0;
        int report = analyze || o.fmt == PRECIS_FORMAT_HTML;
        if (report)
            st = precis_summarize_analyze(s, r.c, &sum, &an);
        else
            st = precis_summarize(s, r.c, &sum);
        if (!st)
            st = report ? precis_report_render(sum, an, r.c, o.fmt, &out, &len)
                        : precis_summary_render(sum, r.c, o.fmt, &out, &len);
        if (st) {
            fprintf(stderr, "precis: %s\n", precis_strerror(st));
            rc = EXIT_FATAL;
        } else if (fwrite(out, 1, len, stdout) != len || fflush(stdout)) {
            fprintf(stderr, "precis: write error\n");
            rc = EXIT_FATAL;
        }
        precis_free(out);
        precis_analysis_free(an);
        precis_summary_free(sum);
    }
    precis_cluster_free(r.c);
    precis_summarizer_free(s);
    return rc;
}

int cmd_summarize(int argc, char **argv) { return run_cmd(argc, argv, 0); }
int cmd_analyze(int argc, char **argv) { return run_cmd(argc, argv, 1); }
