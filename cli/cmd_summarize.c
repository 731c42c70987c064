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
static const char formats[] =
    "  -f, --format NAME     text | lines | json | markdown | html (default text;\n"
    "                        html is the full report: summary and analysis)\n";
static const char formats_analyze[] =
    "  -f, --format NAME     json | html (default json)\n";

enum { IN_AUTO, IN_TEXT, IN_JSONL, IN_HTML };

/* A file already read, so that one file reached twice (a symbolic link
   to a sibling, the same path given twice) is one article. */
typedef struct seen_file {
    dev_t dev;
    ino_t ino;
    char *path;
} seen_file;

typedef struct run {
    precis_cluster *c;
    int input;
    int bad;   /* articles rejected */
    int fatal; /* out of memory */
    seen_file *seen;
    size_t nseen, capseen;
} run;

/* 1 when the file open as f was read before (a message names both
   paths), 0 otherwise (and it is remembered). */
static int seen_before(run *r, FILE *f, const char *path)
{
    struct stat st;
    if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode))
        return 0;
    for (size_t i = 0; i < r->nseen; i++)
        if (r->seen[i].dev == st.st_dev && r->seen[i].ino == st.st_ino) {
            fprintf(stderr, "precis: %s: the same file as %s (read once)\n", path,
                    r->seen[i].path);
            return 1;
        }
    if (r->nseen == r->capseen) {
        size_t cap = r->capseen ? r->capseen * 2 : 16;
        seen_file *ns = realloc(r->seen, cap * sizeof *ns);
        if (!ns)
            return 0;
        r->seen = ns;
        r->capseen = cap;
    }
    char *p = malloc(strlen(path) + 1);
    if (!p)
        return 0;
    strcpy(p, path);
    r->seen[r->nseen++] = (seen_file){st.st_dev, st.st_ino, p};
    return 0;
}

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

/* Adds the JSON Lines record l[0..n) (line `line` of name); hint: the
   file was taken for JSON Lines only because it starts with '{'. */
static void add_json_line(run *r, const char *name, size_t line, const char *l, size_t n,
                          int *hint)
{
    size_t k = 0;
    if (n >= 2 && (((unsigned char)l[0] == 0xFF && (unsigned char)l[1] == 0xFE) ||
                   ((unsigned char)l[0] == 0xFE && (unsigned char)l[1] == 0xFF)))
        k = 2; /* a UTF-16 line carries its mark: look past it */
    int blank = 1;
    for (; k < n && blank; k++)
        if (l[k] != ' ' && l[k] != '\t' && l[k] != '\r' && l[k] != '\0')
            blank = 0;
    if (blank)
        return;
    size_t before = precis_cluster_size(r->c);
    precis_status st = precis_cluster_add_json(r->c, l, n);
    if (st) {
        fprintf(stderr, "precis: %s:%zu: %s\n", name, line, precis_cluster_error(r->c));
        if (*hint && st == PRECIS_EJSON) {
            fprintf(stderr, "precis: %s: read as JSON Lines because it starts with '{'; "
                            "give --input text if it is one plain-text article\n", name);
            *hint = 0;
        }
        r->bad++;
        if (st == PRECIS_ENOMEM)
            r->fatal = 1;
    } else {
        cli_warn_charsets(r->c, before, name, line);
    }
}

/* JSON Lines held in buf (a UTF-16 file, read whole): lines end at the
   unit U+000A; each line goes to the library with the file's byte-order
   mark in front, so that it is decoded (and recorded as decoded) as the
   file is. */
static void add_jsonl_utf16(run *r, const char *name, const char *buf, size_t len, int *hint)
{
    int bo = utf16_order(buf, len);
    size_t i = 2, line = 0;
    char *tmp = NULL;
    while (i + 2 <= len && !r->fatal) {
        size_t end = i;
        while (end + 2 <= len && unit_at(buf, end, bo) != '\n')
            end += 2;
        line++;
        size_t e = end;
        if (e >= i + 2 && unit_at(buf, e - 2, bo) == '\r')
            e -= 2;
        char *t = realloc(tmp, e - i + 2);
        if (!t) {
            fprintf(stderr, "precis: %s:%zu: out of memory\n", name, line);
            r->bad++;
            r->fatal = 1;
            break;
        }
        tmp = t;
        memcpy(tmp, buf, 2);
        memcpy(tmp + 2, buf + i, e - i);
        add_json_line(r, name, line, tmp, e - i + 2, hint);
        i = end + 2;
    }
    free(tmp);
}

/* A web page (raw or gzip), read whole up to the page limit and given to
   the library, which finds its article, title, date and outlet. */
static void add_page(run *r, cli_in *in, const char *name)
{
    char *buf = NULL;
    size_t len = 0;
    int got = cli_in_all(in, &buf, &len, PRECIS_MAX_HTML_BYTES);
    if (got != 1) {
        if (got == CLI_ETOOLONG)
            fprintf(stderr, "precis: %s: larger than the limit of %zu MiB a page (not read "
                            "further)\n", name, (size_t)PRECIS_MAX_HTML_BYTES >> 20);
        else
            fprintf(stderr, "precis: %s: %s\n", name, cli_in_strerror(in, got));
        r->bad++;
        if (got == CLI_ENOMEM)
            r->fatal = 1;
        cli_in_close(in);
        return;
    }
    cli_in_close(in);
    precis_status st = precis_cluster_add_html(r->c, buf, len, base_name(name), base_name(name));
    if (st) {
        fprintf(stderr, "precis: %s: %s\n", name, precis_cluster_error(r->c));
        r->bad++;
        if (st == PRECIS_ENOMEM)
            r->fatal = 1;
    }
    free(buf);
}

static void add_file(run *r, const char *path)
{
    char err[600];
    cli_in in;
    if (cli_in_open(&in, path, err, sizeof err)) {
        fprintf(stderr, "precis: %s\n", err);
        r->bad++;
        return;
    }
    const char *name = in.name;
    if (in.f != stdin && seen_before(r, in.f, path)) {
        cli_in_close(&in);
        return;
    }
    const char *head;
    size_t nhead = cli_in_peek(&in, &head);
    int bo = utf16_order(head, nhead);
    int html = r->input == IN_HTML ||
               (r->input == IN_AUTO &&
                (ends_with(path, ".html") || ends_with(path, ".htm") ||
                 ends_with(path, ".html.gz") || ends_with(path, ".htm.gz") ||
                 precis_is_html(head, nhead)));
    if (html) {
        add_page(r, &in, name);
        return;
    }
    int jsonl = r->input == IN_JSONL, hint = 0;
    if (r->input == IN_AUTO) {
        size_t w = bo ? 2 : 1;
        size_t k = bo ? 2 : (nhead >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3)) * 3;
        while (k + w <= nhead && (unit_at(head, k, bo) == ' ' || unit_at(head, k, bo) == '\n' ||
                                  unit_at(head, k, bo) == '\t' || unit_at(head, k, bo) == '\r'))
            k += w;
        int brace = k + w <= nhead && unit_at(head, k, bo) == '{';
        jsonl = ends_with(path, ".jsonl") || brace;
        hint = brace && !ends_with(path, ".jsonl");
    }
    char *buf = NULL;
    size_t len = 0;
    int got;
    if (jsonl && !bo) {
        /* JSON Lines, one record at a time: memory is one line */
        size_t cap = 0, line = 0;
        while ((got = cli_in_line(&in, &buf, &cap, &len, CLI_MAX_RECORD)) != 0 && !r->fatal) {
            line++;
            if (got == 1) {
                add_json_line(r, name, line, buf, len, &hint);
                continue;
            }
            if (got == CLI_ETOOLONG)
                fprintf(stderr, "precis: %s:%zu: line longer than the limit of %zu MiB "
                                "(skipped)\n", name, line, CLI_MAX_RECORD >> 20);
            else
                fprintf(stderr, "precis: %s:%zu: %s\n", name, line, cli_in_strerror(&in, got));
            r->bad++;
            if (got != CLI_ETOOLONG)
                break;
        }
        free(buf);
        cli_in_close(&in);
        return;
    }
    /* one article (or a UTF-16 JSON Lines file): read whole, but never
       past the article limit (UTF-16: twice that, as it shrinks) */
    size_t max = jsonl ? CLI_MAX_FILE : PRECIS_MAX_ARTICLE_BYTES * (bo ? 2 : 1);
    got = cli_in_all(&in, &buf, &len, max);
    if (got != 1) {
        if (got == CLI_ETOOLONG)
            fprintf(stderr, "precis: %s: larger than the limit of %zu MiB %s (not read "
                            "further)\n", name, max >> 20, jsonl ? "a file" : "an article");
        else
            fprintf(stderr, "precis: %s: %s\n", name, cli_in_strerror(&in, got));
        r->bad++;
        if (got == CLI_ENOMEM)
            r->fatal = 1;
        cli_in_close(&in);
        return;
    }
    cli_in_close(&in);
    if (jsonl) {
        add_jsonl_utf16(r, name, buf, len, &hint);
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

/* The regular files of dir, sorted by name, each one article; an entry
   that cannot be followed (a dangling symbolic link, a loop of them, a
   file gone) is reported and skipped; subdirectories, FIFOs and devices
   are not articles. */
static void add_dir(run *r, const char *dir)
{
    char err[600], **paths;
    size_t n, nreg = 0;
    int k = cli_dir_list(dir, &paths, &n, err, sizeof err);
    if (k) {
        fprintf(stderr, "precis: %s\n", err);
        if (k == CLI_ENOMEM)
            r->fatal = 1;
        else
            r->bad++;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st)) {
            int e = errno;
            struct stat lst;
            int link = lstat(paths[i], &lst) == 0 && S_ISLNK(lst.st_mode);
            fprintf(stderr, "precis: %s: %s (skipped)\n", paths[i],
                    link && e == ENOENT ? "symbolic link to nothing"
                    : link && e == ELOOP ? "loop of symbolic links"
                                         : strerror(e));
            r->bad++;
        } else if (S_ISREG(st.st_mode)) {
            paths[nreg++] = paths[i];
            continue;
        }
        free(paths[i]);
    }
    if (nreg == 0)
        fprintf(stderr, "precis: %s: no regular file in the directory\n", dir);
    for (size_t i = 0; i < nreg; i++)
        add_file(r, paths[i]);
    cli_dir_free(paths, nreg);
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
    const char *cmd = analyze ? "analyze" : "summarize";
    while ((c = cli_getopt(argc, argv, CLI_SUMMARY_SHORTOPTS, longopts, cmd)) != -1) {
        if (c == -2)
            return EXIT_USAGE;
        if (c == 'h') {
            cli_help(usage, analyze ? formats_analyze : formats);
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
                fprintf(stderr, "precis: unknown --input '%s' (auto, text, jsonl, html)\n", optarg);
                return EXIT_USAGE;
            }
            continue;
        }
        int h = cli_summary_opt(c, optarg, &o);
        if (h < 0)
            return EXIT_USAGE;
        if (h == 0)
            return cli_bad_option(cmd, "option not valid here");
    }
    if (analyze && o.fmt != PRECIS_FORMAT_JSON && o.fmt != PRECIS_FORMAT_HTML) {
        fprintf(stderr, "precis: analyze --format must be json or html\n");
        return EXIT_USAGE;
    }
    if (optind >= argc)
        return cli_bad_option(cmd, "no input (give files, a directory, or - for standard "
                                   "input)");
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
            rc = EXIT_FATAL; /* reported by main on the way out */
        }
        precis_free(out);
        precis_analysis_free(an);
        precis_summary_free(sum);
    }
    precis_cluster_free(r.c);
    precis_summarizer_free(s);
    for (size_t i = 0; i < r.nseen; i++)
        free(r.seen[i].path);
    free(r.seen);
    return rc;
}

int cmd_summarize(int argc, char **argv) { return run_cmd(argc, argv, 0); }
int cmd_analyze(int argc, char **argv) { return run_cmd(argc, argv, 1); }
