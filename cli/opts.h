/* opts.h -- options shared by the summarizing sub-commands. */
#ifndef PRECIS_CLI_OPTS_H
#define PRECIS_CLI_OPTS_H
#include "cli.h"
#include "precis.h"

#include <getopt.h>

enum { OPT_TRUNCATE = 1000, OPT_INPUT, OPT_HELP, OPT_ANALYZE, OPT_STRICT, OPT_EXTRACT_ONLY };

typedef struct cli_summary_opts {
    precis_options opt;
    precis_format fmt;
    int strict; /* --strict: text that is not UTF-8 is rejected */
} cli_summary_opts;

#define CLI_SUMMARY_SHORTOPTS "m:w:b:s:f:o:l:t:h"
#define CLI_SUMMARY_LONGOPTS                                                                   \
    {"method", required_argument, 0, 'm'}, {"words", required_argument, 0, 'w'},             \
        {"bytes", required_argument, 0, 'b'}, {"sentences", required_argument, 0, 's'},      \
        {"format", required_argument, 0, 'f'}, {"order", required_argument, 0, 'o'},         \
        {"lang", required_argument, 0, 'l'}, {"dup-threshold", required_argument, 0, 't'},   \
        {"truncate", no_argument, 0, OPT_TRUNCATE}, {"input", required_argument, 0, OPT_INPUT}, \
        {"extract-only", no_argument, 0, OPT_EXTRACT_ONLY},                                 \
        {"strict", no_argument, 0, OPT_STRICT}, {"help", no_argument, 0, 'h'}

extern const char cli_summary_opts_help[];

/* Parses a whole number >= 0 (decimal, no sign) into *out; 0, or -1 when
   s is empty, signed, not a number or out of range.  The one size parser
   of the tool (budgets, rouge -l / -b / --bootstrap). */
int cli_parse_size(const char *s, size_t *out);

/* Applies option c; 1 = handled, 0 = not a summary option, -1 = bad value
   (message printed). */
int cli_summary_opt(int c, const char *arg, cli_summary_opts *o);
/* Warns on standard error about each article of c from index `from` on
   whose text was decoded from another encoding than UTF-8:
   "precis: NAME[:LINE]: article ID: decoded as windows-1252 ...". */
void cli_warn_charsets(const precis_cluster *c, size_t from, const char *name, size_t line);
/* The --help of a summarizing command: usage, its --format line, the
   shared options and the --lang names. */
void cli_help(const char *usage, const char *formats);
/* The --lang names, wrapped, indented. */
void cli_put_languages(FILE *f);
/* "precis: CMD: WHAT" and a short usage line on standard error; returns
   EXIT_USAGE. */
int cli_bad_option(const char *cmd, const char *what);
/* getopt_long with opterr off: -2 after printing a bad option the
   precis way (the caller returns EXIT_USAGE). */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               const char *cmd);
/* A summarizer for o, or NULL with a message printed. */
precis_summarizer *cli_summarizer(const cli_summary_opts *o);
#endif
