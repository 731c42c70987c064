/*
 * input.c -- reading files and directories for the command-line tool; the
 * one place where the commands open what they are given (main.c only picks
 * the command, and no command calls another).
 *
 * Bounded input.  Every read has a cap,
 * so that a huge file, a FIFO or a /proc file that never ends cannot make
 * the tool read without limit: a text article stops at the library's
 * article limit (64 MiB) plus one byte, a record (a JSON Lines or
 * Multi-News line) at CLI_MAX_RECORD bytes; past the cap the rest of the
 * line is skipped (a record) or the file rejected (an article), and the
 * caller reports it.  Reading is in 64 KiB blocks; a failed allocation is
 * reported as such, never taken for the end of the input.
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CLI_BLOCK 65536

int cli_in_open(cli_in *r, const char *path, char *err, size_t errcap)
{
    memset(r, 0, sizeof *r);
    r->name = strcmp(path, "-") ? path : "<stdin>";
    if (!strcmp(path, "-")) {
        r->f = stdin;
    } else {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            snprintf(err, errcap, "%s: is a directory", path);
            return -1;
        }
        if (!(r->f = fopen(path, "rb"))) {
            snprintf(err, errcap, "%s: %s", path, strerror(errno));
            return -1;
        }
    }
    if (!(r->blk = malloc(CLI_BLOCK))) {
        snprintf(err, errcap, "%s: out of memory", r->name);
        cli_in_close(r);
        return -1;
    }
    return 0;
}

void cli_in_close(cli_in *r)
{
    if (r->f && r->f != stdin)
        fclose(r->f);
    r->f = NULL;
    free(r->blk);
    r->blk = NULL;
}

/* Refills the block; 0 at the end of the input or on an error (r->err). */
static size_t refill(cli_in *r)
{
    if (r->pos < r->end)
        return r->end - r->pos;
    if (r->eof || r->err)
        return 0;
    r->pos = 0;
    r->end = fread(r->blk, 1, CLI_BLOCK, r->f);
    if (r->end == 0) {
        if (ferror(r->f))
            r->err = errno ? errno : EIO;
        else
            r->eof = 1;
    }
    return r->end;
}

size_t cli_in_peek(cli_in *r, const char **p)
{
    size_t n = refill(r);
    *p = r->blk + r->pos;
    return n;
}

/* Appends k bytes to (*buf, *len, *cap) unless that would pass max; 0, or
   CLI_ETOOLONG / CLI_ENOMEM. */
static int append(char **buf, size_t *cap, size_t *len, const char *s, size_t k, size_t max)
{
    if (k > max - *len)
        return CLI_ETOOLONG;
    if (*len + k + 1 > *cap) {
        size_t nc = *cap ? *cap : CLI_BLOCK;
        while (nc < *len + k + 1)
            nc = nc > max / 2 ? max + 1 : nc * 2;
        char *nb = realloc(*buf, nc);
        if (!nb)
            return CLI_ENOMEM;
        *buf = nb;
        *cap = nc;
    }
    memcpy(*buf + *len, s, k);
    *len += k;
    (*buf)[*len] = '\0';
    return 0;
}

int cli_in_line(cli_in *r, char **buf, size_t *cap, size_t *len, size_t max)
{
    *len = 0;
    int bad = 0, any = 0;
    for (;;) {
        size_t n = refill(r);
        if (n == 0)
            break;
        any = 1;
        const char *s = r->blk + r->pos;
        const char *nl = memchr(s, '\n', n);
        size_t k = nl ? (size_t)(nl - s) : n;
        if (!bad)
            bad = append(buf, cap, len, s, k, max);
        r->pos += k + (nl != NULL);
        if (nl)
            break;
    }
    if (r->err)
        return CLI_EREAD;
    if (!any)
        return 0;
    if (bad)
        return bad; /* the rest of the line was read and dropped */
    if (!*buf && append(buf, cap, len, "", 0, max))
        return CLI_ENOMEM;
    if (*len && (*buf)[*len - 1] == '\r')
        (*buf)[--*len] = '\0';
    return 1;
}

int cli_in_all(cli_in *r, char **buf, size_t *len, size_t max)
{
    size_t cap = 0;
    *buf = NULL;
    *len = 0;
    for (;;) {
        size_t n = refill(r);
        if (n == 0)
            break;
        int bad = append(buf, &cap, len, r->blk + r->pos, n, max);
        r->pos += n;
        if (bad) {
            free(*buf);
            *buf = NULL;
            return bad;
        }
    }
    if (r->err) {
        free(*buf);
        *buf = NULL;
        return CLI_EREAD;
    }
    if (!*buf && append(buf, &cap, len, "", 0, max))
        return CLI_ENOMEM;
    return 1;
}

const char *cli_in_strerror(const cli_in *r, int code)
{
    switch (code) {
    case CLI_ETOOLONG: return "longer than the limit";
    case CLI_ENOMEM: return "out of memory";
    case CLI_EREAD: return strerror(r->err);
    default: return "read error";
    }
}

char *cli_read_file(const char *path, size_t *len, char *err, size_t errcap)
{
    cli_in r;
    if (cli_in_open(&r, path, err, errcap))
        return NULL;
    char *buf;
    int k = cli_in_all(&r, &buf, len, CLI_MAX_FILE);
    if (k != 1) {
        if (k == CLI_ETOOLONG)
            snprintf(err, errcap, "%s: larger than the limit of %zu MiB", r.name,
                     CLI_MAX_FILE >> 20);
        else
            snprintf(err, errcap, "%s: %s", r.name, cli_in_strerror(&r, k));
        buf = NULL;
    }
    cli_in_close(&r);
    return buf;
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Why sorted: readdir's order depends on the file system, and the order
   of a cluster's articles shows in its summary ("source" order, ties of
   the chronological one); sorted by name, a directory gives the same
   output everywhere.  Hidden files (editor back-ups, .DS_Store) are left
   out.  Nothing is stat()ed here: what counts as an article is the
   caller's business. */
int cli_dir_list(const char *dir, char ***paths, size_t *n, char *err, size_t errcap)
{
    *paths = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errcap, "%s: %s", dir, strerror(errno));
        return -1;
    }
    size_t cap = 0, dlen = strlen(dir);
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **np = realloc(*paths, cap * sizeof *np);
            if (!np) {
                rc = -1;
                break;
            }
            *paths = np;
        }
        size_t len = dlen + strlen(e->d_name) + 2;
        char *p = malloc(len);
        if (!p) {
            rc = -1;
            break;
        }
        snprintf(p, len, "%s/%s", dir, e->d_name);
        (*paths)[(*n)++] = p;
    }
    closedir(d);
    if (rc) {
        snprintf(err, errcap, "%s: out of memory", dir);
        cli_dir_free(*paths, *n);
        *paths = NULL;
        *n = 0;
        return CLI_ENOMEM;
    }
    if (*n)
        qsort(*paths, *n, sizeof **paths, cmp_path);
    return 0;
}

void cli_dir_free(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}
