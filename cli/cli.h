/* cli.h -- the sub-commands of the precis command-line tool.  Each takes
   the arguments after its name (argv[0] is the sub-command) and returns
   the process exit status: 0 success, 1 some input was bad but the run
   completed, 2 usage error, 3 the run could not proceed. */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H
#include <stdio.h>

#define EXIT_PARTIAL 1
#define EXIT_USAGE 2
#define EXIT_FATAL 3

int cmd_summarize(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_rouge(int argc, char **argv);
int cmd_split(int argc, char **argv);
int cmd_stories(int argc, char **argv);

/* Writes s as a JSON string body (no quotes), escaping what JSON needs. */
void cli_json_chars(FILE *out, const char *s);
int cmd_serve(int argc, char **argv);  /* service/, not precis.h alone */
int cmd_ingest(int argc, char **argv);
int cmd_worker(int argc, char **argv);

/* Reads a whole file ("-" = stdin) into a new buffer; NULL + errno-style
   message in err on failure. */
char *cli_read_file(const char *path, size_t *len, char *err, size_t errcap);
#endif
