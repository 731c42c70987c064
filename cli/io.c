/*
 * io.c -- bounded input for the command-line tool.  Every read has a cap,
 * so that a huge file, a FIFO or a /proc file that never ends cannot make
 * the tool read without limit: a text article stops at the library's
 * article limit (64 MiB) plus one byte, a record (a JSON Lines or
 * Multi-News line) at CLI_MAX_RECORD bytes; past the cap the rest of the
 * line is skipped (a record) or the file rejected (an article), and the
 * caller reports it.  Reading is in 64 KiB blocks; a failed allocation is
 * reported as such, never taken for the end of the input.
 */
#include "cli.h"

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
