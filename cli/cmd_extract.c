/*
 * cmd_extract.c -- 'precis extract': the article of each web page (text,
 * title, date, author, site, language, URL) as one JSON line per page or
 * as text.
 */
#include "cli.h"
#include "precis.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: precis extract [options] PAGE|- ...\n"
    "\n"
    "Read web pages (HTML as fetched, or gzip of it) and print each page's\n"
    "article: one JSON object per line (title, date, author, site_name, lang,\n"
    "url, charset, paragraphs, text) or, with --format text, the title, an\n"
    "empty line and the text, pages separated by a form feed line.  A page that\n"
    "cannot be read gives a message on standard error (and {\"error\": ...} in\n"
    "JSON) and exit status 1.\n"
    "\n"
    "options:\n"
    "  -f, --format NAME     json (default) | text\n"
    "  -h, --help            this help\n";

/* The error record of a page in JSON, the message escaped. */
static void put_error_json(const char *msg)
{
    fputs("{\"error\":\"", stdout);
    cli_json_chars(stdout, msg);
    fputs("\"}\n", stdout);
}

int cmd_extract(int argc, char **argv)
{
    precis_format fmt = PRECIS_FORMAT_JSON;
    static const struct option longopts[] = {{"format", required_argument, 0, 'f'},
                                             {"help", no_argument, 0, 'h'},
                                             {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            return 0;
        }
        if (c == 'f' && (!strcmp(optarg, "json") || !strcmp(optarg, "text"))) {
            fmt = strcmp(optarg, "json") ? PRECIS_FORMAT_TEXT : PRECIS_FORMAT_JSON;
            continue;
        }
        if (c == 'f')
            fprintf(stderr, "precis extract: --format must be json or text\n");
        else
            fputs(help, stderr);
        return EXIT_USAGE;
    }
    if (optind >= argc) {
        fprintf(stderr, "precis extract: no input (give pages or -)\n");
        return EXIT_USAGE;
    }
    precis_page *page = precis_page_new();
    if (!page) {
        fprintf(stderr, "precis: out of memory\n");
        return EXIT_FATAL;
    }
    int rc = 0;
    for (int i = optind; i < argc && rc != EXIT_FATAL; i++) {
        char err[512];
        size_t len;
        const char *name = strcmp(argv[i], "-") ? argv[i] : "<stdin>";
        char *buf = cli_read_file(argv[i], &len, err, sizeof err);
        precis_status st = PRECIS_EIO;
        if (buf)
            st = precis_page_read(page, buf, len);
        free(buf);
        if (st) {
            const char *msg = buf ? precis_page_error(page) : err;
            if (buf)
                fprintf(stderr, "precis: %s: %s\n", name, msg);
            else
                fprintf(stderr, "precis: %s\n", msg);
            if (fmt == PRECIS_FORMAT_JSON)
                put_error_json(msg);
            rc = st == PRECIS_ENOMEM ? EXIT_FATAL : EXIT_PARTIAL;
            continue;
        }
        char *out = NULL;
        size_t olen = 0;
        if (precis_page_render(page, fmt, &out, &olen)) {
            fprintf(stderr, "precis: out of memory\n");
            rc = EXIT_FATAL;
            break;
        }
        if ((fmt == PRECIS_FORMAT_TEXT && i > optind && fputs("\f\n", stdout) == EOF) ||
            fwrite(out, 1, olen, stdout) != olen) {
            precis_free(out);
            fprintf(stderr, "precis: write error\n");
            rc = EXIT_FATAL;
            break;
        }
        precis_free(out);
    }
    precis_page_free(page);
    if (fflush(stdout) && rc != EXIT_FATAL) {
        fprintf(stderr, "precis: write error\n");
        rc = EXIT_FATAL;
    }
    return rc;
}
