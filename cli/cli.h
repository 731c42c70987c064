/* cli.h -- the sub-commands of the precis command-line tool.  Each takes
   the arguments after its name (argv[0] is the sub-command) and returns
   the process exit status: 0 success, 1 some input was bad but the run
   completed, 2 usage error, 3 the run could not proceed.

   Who calls whom: main.c -> cmd_*.c -> opts.c (options), input.c
   (reading files and directories), output.c (JSON strings) and precis.h
   (cmd_serve, cmd_ingest, cmd_worker also service/).  Nothing calls
   main.c, and no command calls another. */
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

int cmd_serve(int argc, char **argv);  /* service/, not precis.h alone */
int cmd_ingest(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_worker(int argc, char **argv);

/* ---- output (output.c) ---------------------------------------------- */
/* Writes s as a JSON string body (no quotes): a double quote and a
   backslash escaped, other bytes below 0x20 as \u00XX.  The one JSON
   string writer of the tool. */
void cli_json_chars(FILE *out, const char *s);

/* ---- reading files and directories (input.c) ------------------------ */
#define CLI_MAX_RECORD ((size_t)256 << 20) /* one batch or JSON Lines line */
#define CLI_MAX_FILE ((size_t)256 << 20)   /* a file read whole (rouge, split) */
enum { CLI_ETOOLONG = -1, CLI_ENOMEM = -2, CLI_EREAD = -3 };

typedef struct cli_in {
    FILE *f;
    const char *name; /* the path, or "<stdin>" */
    char *blk;
    size_t pos, end;
    int eof, err; /* err: errno of a failed read */
} cli_in;

/* Opens path ("-" = stdin); -1 with "PATH: reason" in err (a directory is
   refused by name). */
int cli_in_open(cli_in *r, const char *path, char *err, size_t errcap);
void cli_in_close(cli_in *r);
/* The buffered bytes not read yet (filling the buffer when empty); 0 at
   the end. */
size_t cli_in_peek(cli_in *r, const char **p);
/* The next line without its "\n" (and "\r") into *buf (grown, NUL-
   terminated): 1, or 0 at the end, or CLI_ETOOLONG / CLI_ENOMEM (the line
   passed max bytes or memory ran out: the rest of it is skipped, the next
   call reads the next line), or CLI_EREAD. */
int cli_in_line(cli_in *r, char **buf, size_t *cap, size_t *len, size_t max);
/* The rest of the input (at most max bytes) into a new buffer: 1, or
   CLI_ETOOLONG (nothing kept: past max), CLI_ENOMEM, CLI_EREAD. */
int cli_in_all(cli_in *r, char **buf, size_t *len, size_t max);
/* The reason for a code of the functions above. */
const char *cli_in_strerror(const cli_in *r, int code);

/* Reads a whole file ("-" = stdin) of at most CLI_MAX_FILE bytes into a
   new buffer (NUL-terminated; the caller frees it); NULL + "PATH: reason"
   in err on failure. */
char *cli_read_file(const char *path, size_t *len, char *err, size_t errcap);
/* The entries of directory dir whose names do not start with '.', as new
   "DIR/NAME" strings sorted by name, in a new array (free both with
   cli_dir_free).  0, or -1 (cannot be opened) or CLI_ENOMEM, with "DIR:
   reason" in err and nothing kept. */
int cli_dir_list(const char *dir, char ***paths, size_t *n, char *err, size_t errcap);
void cli_dir_free(char **paths, size_t n);
#endif
