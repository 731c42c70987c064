/*
 * cmd_split.c -- 'precis split': prints the sentences the summarizer sees
 * in one text, one per line, optionally with their byte offsets.  It is
 * the tool for checking and debugging sentence boundaries (and what the
 * CLI golden tests of the splitter run).
 *
 * The whole input is one text: split it per article yourself if needed.
 * Input is validated as UTF-8 (and for NUL bytes) before splitting, as the
 * library does for articles.  Line breaks and tabs inside a sentence are
 * printed as spaces so that each sentence stays on one line; the offsets
 * always refer to the input as it is.
 */
#include "cli.h"
#include "precis.h"

#include <stdlib.h>
#include <string.h>

static const char split_help[] =
    "usage: precis split [options] [FILE|-]\n"
    "\n"
    "Print the sentences of a text (FILE, or standard input when FILE is\n"
    "missing or '-'), one per line, as the summarizer splits them: datelines\n"
    "(\"MOSCOW -- \") are left out and white space around sentences trimmed.\n"
    "\n"
    "options:\n"
    "      --offsets   print START<TAB>END<TAB>SENTENCE, the byte offsets of\n"
    "                  each sentence in the input (END exclusive)\n"
    "  -h, --help      this help\n"
    "\n"
    "exit status: 0 success, 2 usage error, 3 unreadable input, invalid\n"
    "UTF-8 or a NUL byte.\n";

/* Writes s[0..n) with line breaks and tabs as spaces. */
static void split_cli_put(const char *s, size_t n, FILE *out)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') {
            fwrite(s + i - run, 1, run, out);
            run = 0;
            /* a CR LF pair becomes one space */
            if (!(c == '\r' && i + 1 < n && s[i + 1] == '\n'))
                fputc(' ', out);
        } else {
            run++;
        }
    }
    fwrite(s + n - run, 1, run, out);
}

int cmd_split(int argc, char **argv)
{
    int offsets = 0;
    const char *path = NULL;
    int only_args = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_args && (!strcmp(a, "-h") || !strcmp(a, "--help"))) {
            fputs(split_help, stdout);
            return 0;
        }
        if (!only_args && !strcmp(a, "--offsets")) {
            offsets = 1;
        } else if (!only_args && !strcmp(a, "--")) {
            only_args = 1;
        } else if (!only_args && a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "precis: split: unknown option %s\nusage: precis split [options] "
                            "[FILE|-]; 'precis split --help' lists the options\n", a);
            return EXIT_USAGE;
        } else if (path) {
            fprintf(stderr, "precis: one input at most ('%s', '%s')\n", path, a);
            return EXIT_USAGE;
        } else {
            path = a;
        }
    }
    if (!path)
        path = "-";
    const char *name = strcmp(path, "-") ? path : "<stdin>";

    char err[512];
    size_t len = 0;
    char *text = cli_read_file(path, &len, err, sizeof err);
    if (!text) {
        fprintf(stderr, "precis: %s\n", err);
        return EXIT_FATAL;
    }
    size_t bad;
    if (precis_utf8_check(text, len, &bad)) {
        fprintf(stderr, "precis: %s: %s at byte %zu\n", name,
                text[bad] ? "invalid UTF-8" : "NUL byte", bad);
        free(text);
        return EXIT_FATAL;
    }

    precis_span *sp = NULL;
    size_t n = 0;
    precis_status st = precis_split(text, len, &sp, &n);
    if (st != PRECIS_OK) {
        fprintf(stderr, "precis: %s: %s\n", name, precis_strerror(st));
        free(text);
        return EXIT_FATAL;
    }
    for (size_t i = 0; i < n; i++) {
        if (offsets)
            printf("%zu\t%zu\t", sp[i].start, sp[i].end);
        split_cli_put(text + sp[i].start, sp[i].end - sp[i].start, stdout);
        putchar('\n');
    }
    precis_free(sp);
    free(text);
    if (fflush(stdout) != 0 || ferror(stdout))
        return EXIT_FATAL; /* reported by main on the way out */
    return 0;
}
