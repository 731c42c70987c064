/*
 * cluster.c -- the first stage: articles in.  A cluster holds copies of
 * the articles of one event, added one at a time from plain text, a JSON
 * Lines record, or a Multi-News line.  Every article is validated here
 * (UTF-8, NUL bytes, emptiness, size limits), so later stages can assume
 * clean input; a rejected article leaves the cluster unchanged and a
 * message naming the problem and its byte offset.
 *
 * JSON is parsed with Jansson: a maintained, widely packaged C library
 * with strict RFC 8259 parsing, UTF-8 validation, a nesting-depth limit
 * and error positions (line/column), which is what error messages need.
 */
#include "charset.h"
#include "cluster.h"

#include <jansson.h>
#include <stdio.h>

typedef struct article {
    char *id, *source, *date, *title;
    char *text;
    size_t len;
    charset_how how; /* how its text was decoded */
} article;

struct precis_cluster {
    article *arts;
    size_t n, cap;
    size_t skipped;
    char *id;
    int strict;          /* 1: text that is not UTF-8 is rejected        */
    charset_how line_how; /* how the record being added was decoded      */
    arena mem; /* strings of all articles; freed by _clear/_free */
    char err[PRECIS_ERRMAX];
};

precis_cluster *precis_cluster_new(void)
{
    precis_cluster *c = pcalloc(1, sizeof *c);
    if (!c)
        return NULL;
    arena_init(&c->mem, 1 << 16);
    return c;
}

void precis_cluster_free(precis_cluster *c)
{
    if (!c)
        return;
    arena_free(&c->mem);
    pfree(c->arts);
    pfree(c);
}

void precis_cluster_clear(precis_cluster *c)
{
    arena_reset(&c->mem);
    c->n = 0;
    c->skipped = 0;
    c->id = NULL;
    c->line_how = CHARSET_UTF8;
    c->err[0] = '\0';
}

void precis_cluster_set_strict(precis_cluster *c, int strict)
{
    if (c)
        c->strict = strict != 0;
}

const char *precis_cluster_article_charset(const precis_cluster *c, size_t i)
{
    return c && i < c->n ? charset_how_name(c->arts[i].how) : NULL;
}

const char *precis_cluster_id(const precis_cluster *c) { return c->id; }

size_t precis_cluster_size(const precis_cluster *c) { return c->n; }
size_t precis_cluster_skipped(const precis_cluster *c) { return c->skipped; }
const char *precis_cluster_error(const precis_cluster *c) { return c->err; }

void cluster_set_error(precis_cluster *c, const char *msg)
{
    perr_set(c->err, sizeof c->err, "%s", msg);
}

const char *precis_cluster_article_id(const precis_cluster *c, size_t i)
{
    return i < c->n ? c->arts[i].id : NULL;
}
const char *precis_cluster_article_source(const precis_cluster *c, size_t i)
{
    return i < c->n ? c->arts[i].source : NULL;
}
const char *precis_cluster_article_date(const precis_cluster *c, size_t i)
{
    return i < c->n ? c->arts[i].date : NULL;
}
const char *precis_cluster_article_title(const precis_cluster *c, size_t i)
{
    return i < c->n ? c->arts[i].title : NULL;
}
const char *precis_cluster_article_text(const precis_cluster *c, size_t i, size_t *len)
{
    if (i >= c->n) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = c->arts[i].len;
    return c->arts[i].text;
}


static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Recognises a leading metadata line " date 2016-12-30 ...": optional
   whitespace, the word "date", whitespace, an ISO date prefix (YYYY,
   YYYY-MM or YYYY-MM-DD, optionally THH:MM[:SS][Z]).  Returns the length
   of the prefix to drop (0 if none) and the date's span. */
static size_t meta_date(const char *s, size_t n, size_t *ds, size_t *dl)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (n - i < 9 || memcmp(s + i, "date", 4) != 0 || !is_space((unsigned char)s[i + 4]))
        return 0;
    i += 4;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t start = i;
    for (int k = 0; k < 4; k++, i++)
        if (i >= n || s[i] < '0' || s[i] > '9')
            return 0;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == ':' ||
                     s[i] == 'T' || s[i] == 'Z' || s[i] == '+'))
        i++;
    if (i < n && !is_space((unsigned char)s[i]))
        return 0;
    *ds = start;
    *dl = i - start;
    while (i < n && is_space((unsigned char)s[i]))
        i++;
    return i;
}

static int has_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_space((unsigned char)s[i]))
            return 1;
    return 0;
}

/* Validates a metadata string (id, source, ...). */
static precis_status check_field(char *err, size_t cap, const char *what, const char *s)
{
    if (!s)
        return PRECIS_OK;
    size_t bad;
    precis_status st = utf8_check(s, strlen(s), &bad);
    if (st)
        perr_set(err, cap, "%s: %s at byte %zu", what, precis_strerror(st), bad);
    return st;
}

/* The metadata strings of an article, each valid UTF-8. */
static precis_status check_fields(char *err, size_t cap, const precis_article *a)
{
    precis_status st;
    if ((st = check_field(err, cap, "id", a->id)) ||
        (st = check_field(err, cap, "source", a->source)) ||
        (st = check_field(err, cap, "date", a->date)) ||
        (st = check_field(err, cap, "title", a->title)))
        return st;
    return PRECIS_OK;
}

precis_status cluster_check_article(const precis_article *a, size_t *skip, size_t *ds,
                                    size_t *dl, char *err, size_t cap)
{
    if (!a || (!a->text && a->text_len)) {
        perr_set(err, cap, "invalid argument");
        return PRECIS_EINVAL;
    }
    const char *text = a->text ? a->text : "";
    size_t len = a->text_len;
    if (len > PRECIS_MAX_ARTICLE_BYTES) {
        perr_set(err, cap, "article of %zu bytes exceeds the limit of %zu bytes", len,
                 (size_t)PRECIS_MAX_ARTICLE_BYTES);
        return PRECIS_ELIMIT;
    }
    size_t bad;
    precis_status st = utf8_check(text, len, &bad);
    if (st) {
        perr_set(err, cap, "%s at byte %zu", precis_strerror(st), bad);
        return st;
    }
    if ((st = check_fields(err, cap, a)))
        return st;
    *ds = *dl = 0;
    *skip = meta_date(text, len, ds, dl);
    if (!has_text(text + *skip, len - *skip)) {
        perr_set(err, cap, "article has no text");
        return PRECIS_EEMPTY;
    }
    return PRECIS_OK;
}

/* Decodes an article's text (charset, character references) when it
   needs it: *text / *len then point into *tmp (freed by the caller). */
static precis_status decode_text(precis_cluster *c, const char **text, size_t *len,
                                 charset_how *how, char **tmp)
{
    *how = c->line_how;
    if (charset_bom(*text, *len) == CHARSET_UTF8_BOM) {
        /* a byte-order mark is not text, strict or not */
        *text += 3;
        *len -= 3;
        *how = CHARSET_UTF8_BOM;
    }
    if (!c->strict && !charset_is_plain_utf8(*text, *len)) {
        size_t n;
        charset_how h;
        if (charset_decode(*text, *len, NULL, tmp, &n, &h))
            return PRECIS_ENOMEM;
        *text = *tmp;
        *len = n;
        *how = h;
    }
    size_t bad;
    precis_status st = utf8_check(*text, *len, &bad);
    if (st) {
        perr_set(c->err, sizeof c->err, "%s at byte %zu", precis_strerror(st), bad);
        return st;
    }
    char *r;
    size_t rn;
    if (charset_decode_refs(*text, *len, &r, &rn))
        return PRECIS_ENOMEM;
    if (r) {
        pfree(*tmp);
        *tmp = r;
        *text = r;
        *len = rn;
    }
    if (*len > PRECIS_MAX_ARTICLE_BYTES) {
        perr_set(c->err, sizeof c->err,
                 "article of %zu bytes decoded exceeds the limit of %zu bytes", *len,
                 (size_t)PRECIS_MAX_ARTICLE_BYTES);
        return PRECIS_ELIMIT;
    }
    return PRECIS_OK;
}

precis_status precis_cluster_add(precis_cluster *c, const precis_article *a)
{
    if (!c || !a || (!a->text && a->text_len)) {
        if (c)
            perr_set(c->err, sizeof c->err, "invalid argument");
        return PRECIS_EINVAL;
    }
    const char *text = a->text ? a->text : "";
    size_t len = a->text_len;
    if (len > PRECIS_MAX_ARTICLE_BYTES) {
        perr_set(c->err, sizeof c->err, "article of %zu bytes exceeds the limit of %zu bytes",
                 len, (size_t)PRECIS_MAX_ARTICLE_BYTES);
        return PRECIS_ELIMIT;
    }
    if (c->n >= PRECIS_MAX_ARTICLES) {
        perr_set(c->err, sizeof c->err, "cluster has the maximum of %zu articles",
                 (size_t)PRECIS_MAX_ARTICLES);
        return PRECIS_ELIMIT;
    }
    char *tmp = NULL;
    charset_how how;
    precis_status st = decode_text(c, &text, &len, &how, &tmp);
    if (st == PRECIS_ENOMEM)
        goto oom;
    if (st)
        goto out;
    if ((st = check_fields(c->err, sizeof c->err, a)))
        goto out;
    size_t ds = 0, dl = 0;
    size_t skip = meta_date(text, len, &ds, &dl);
    if (!has_text(text + skip, len - skip)) {
        perr_set(c->err, sizeof c->err, "article has no text");
        st = PRECIS_EEMPTY;
        goto out;
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        article *na = prealloc(c->arts, pmul(cap, sizeof *na));
        if (!na)
            goto oom;
        c->arts = na;
        c->cap = cap;
    }
    article *art = &c->arts[c->n];
    memset(art, 0, sizeof *art);
    char idbuf[32];
    const char *id = a->id;
    if (!id) {
        snprintf(idbuf, sizeof idbuf, "%zu", c->n + 1);
        id = idbuf;
    }
    if (!(art->id = arena_strndup(&c->mem, id, strlen(id))))
        goto oom;
    if (a->source && !(art->source = arena_strndup(&c->mem, a->source, strlen(a->source))))
        goto oom;
    if (a->title && !(art->title = arena_strndup(&c->mem, a->title, strlen(a->title))))
        goto oom;
    if (a->date) {
        if (!(art->date = arena_strndup(&c->mem, a->date, strlen(a->date))))
            goto oom;
    } else if (dl) {
        if (!(art->date = arena_strndup(&c->mem, text + ds, dl)))
            goto oom;
    }
    if (!(art->text = arena_strndup(&c->mem, text + skip, len - skip)))
        goto oom;
    art->len = len - skip;
    art->how = how;
    c->n++;
    c->err[0] = '\0';
    st = PRECIS_OK;
    goto out;
oom:
    /* strings already copied stay in the arena until _clear: bounded waste */
    perr_set(c->err, sizeof c->err, "out of memory");
    st = PRECIS_ENOMEM;
out:
    pfree(tmp);
    return st;
}

/* Fetches an optional string member; non-strings other than null are an
   error so that a producer's bug does not pass silently. */
static int json_opt_str(precis_cluster *c, json_t *obj, const char *key, const char **out)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return 0;
    }
    if (json_is_integer(v) && (!strcmp(key, "id"))) {
        return 1; /* handled by caller */
    }
    perr_set(c->err, sizeof c->err, "field \"%s\" must be a string", key);
    return -1;
}

/* Reads the article fields of a parsed JSON object into *a (strings owned
   by obj; an integer "id" written into idbuf), and "lang" into *lang when
   lang is not NULL. */
static precis_status json_article(precis_cluster *c, json_t *obj, precis_article *a,
                                  char *idbuf, const char **lang)
{
    if (!json_is_object(obj)) {
        perr_set(c->err, sizeof c->err, "record is not a JSON object");
        return PRECIS_EJSON;
    }
    json_t *text = json_object_get(obj, "text");
    if (!text || !json_is_string(text)) {
        perr_set(c->err, sizeof c->err, "record has no string field \"text\"");
        return PRECIS_EJSON;
    }
    memset(a, 0, sizeof *a);
    int r = json_opt_str(c, obj, "id", &a->id);
    if (r == 1) {
        snprintf(idbuf, CLUSTER_IDBUF, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(json_object_get(obj, "id")));
        a->id = idbuf;
    } else if (r < 0) {
        return PRECIS_EJSON;
    }
    if (json_opt_str(c, obj, "source", &a->source) || json_opt_str(c, obj, "date", &a->date) ||
        json_opt_str(c, obj, "title", &a->title) ||
        (lang && json_opt_str(c, obj, "lang", lang)))
        return PRECIS_EJSON;
    a->text = json_string_value(text);
    a->text_len = json_string_length(text);
    return PRECIS_OK;
}

/* Adds the article described by a parsed JSON object. */
static precis_status add_json_object(precis_cluster *c, json_t *obj)
{
    precis_article a;
    char idbuf[CLUSTER_IDBUF];
    precis_status st = json_article(c, obj, &a, idbuf, NULL);
    return st ? st : precis_cluster_add(c, &a);
}

/* Decodes a whole record (a JSON line, a Multi-News line) when it is not
   plain UTF-8, so that its articles get the record's encoding: *line /
   *len then point into *tmp (freed by the caller).  Sets c->line_how. */
static precis_status decode_line(precis_cluster *c, const char **line, size_t *len, char **tmp)
{
    c->line_how = charset_bom(*line, *len) == CHARSET_UTF8_BOM ? CHARSET_UTF8_BOM
                                                                : CHARSET_UTF8;
    if (c->line_how == CHARSET_UTF8_BOM) {
        *line += 3;
        *len -= 3;
    }
    if (c->strict || charset_is_plain_utf8(*line, *len))
        return PRECIS_OK;
    size_t n;
    if (charset_decode(*line, *len, NULL, tmp, &n, &c->line_how)) {
        perr_set(c->err, sizeof c->err, "out of memory");
        return PRECIS_ENOMEM;
    }
    *line = *tmp;
    *len = n;
    return PRECIS_OK;
}

/* Parses one JSON text; NULL with *st and the message set on failure. */
static json_t *load_json(precis_cluster *c, const char *line, size_t len, precis_status *st)
{
    json_error_t e;
    /* JSON_DISABLE_EOF_CHECK is not used: trailing garbage is an error.
       Jansson rejects NUL escapes unless asked, which is what we want. */
    json_t *obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &e);
    if (obj) {
        *st = PRECIS_OK;
        return obj;
    }
    if (json_error_code(&e) == json_error_out_of_memory) {
        perr_set(c->err, sizeof c->err, "out of memory");
        *st = PRECIS_ENOMEM;
    } else if (!has_text(line, len)) {
        perr_set(c->err, sizeof c->err, "empty line where a JSON object was expected");
        *st = PRECIS_EJSON;
    } else if (strstr(e.text, "JSON_ALLOW_NUL")) {
        perr_set(c->err, sizeof c->err,
                 "malformed JSON at column %d: \\u0000 (a NUL character) in a string",
                 e.column);
        *st = PRECIS_EJSON;
    } else {
        perr_set(c->err, sizeof c->err, "malformed JSON at column %d: %s", e.column, e.text);
        *st = PRECIS_EJSON;
    }
    return NULL;
}

/* Runs add on the record line after decoding it (see decode_line). */
static precis_status add_line(precis_cluster *c, const char *line, size_t len,
                              precis_status (*add)(precis_cluster *, const char *, size_t))
{
    if (!c || (!line && len))
        return PRECIS_EINVAL;
    char *tmp = NULL;
    const char *l = line ? line : "";
    precis_status st = decode_line(c, &l, &len, &tmp);
    if (!st)
        st = add(c, l, len);
    pfree(tmp);
    c->line_how = CHARSET_UTF8;
    return st;
}

static precis_status add_json_article(precis_cluster *c, const char *line, size_t len)
{
    precis_status st;
    json_t *obj = load_json(c, line, len, &st);
    if (obj)
        st = add_json_object(c, obj);
    json_decref(obj);
    return st;
}

precis_status precis_cluster_add_json(precis_cluster *c, const char *line, size_t len)
{
    return add_line(c, line, len, add_json_article);
}

static precis_status add_multinews(precis_cluster *c, const char *line, size_t len)
{
    static const char sep[] = "story_separator_special_tag";
    const size_t seplen = sizeof sep - 1;
    size_t bad;
    precis_status st = utf8_check(line, len, &bad);
    if (st) {
        perr_set(c->err, sizeof c->err, "%s at byte %zu", precis_strerror(st), bad);
        return st;
    }
    size_t before = c->n, docno = 0;
    size_t i = 0;
    while (i <= len) {
        /* find the next separator */
        size_t j = i;
        const char *hit = NULL;
        while (j + seplen <= len) {
            const char *p = memchr(line + j, 's', len - j);
            if (!p || (size_t)(p - line) + seplen > len)
                break;
            if (memcmp(p, sep, seplen) == 0) {
                hit = p;
                break;
            }
            j = (size_t)(p - line) + 1;
        }
        size_t end = hit ? (size_t)(hit - line) : len;
        docno++;
        if (has_text(line + i, end - i)) {
            char id[32];
            snprintf(id, sizeof id, "%zu", docno);
            precis_article a = {.id = id, .text = line + i, .text_len = end - i};
            st = precis_cluster_add(c, &a);
            if (st == PRECIS_EEMPTY) {
                c->skipped++; /* only a metadata line */
            } else if (st) {
                c->n = before;
                return st;
            }
        } else {
            c->skipped++;
        }
        if (!hit)
            break;
        i = end + seplen;
    }
    if (c->n == before) {
        perr_set(c->err, sizeof c->err, "no non-empty document in the line");
        return PRECIS_EEMPTY;
    }
    return PRECIS_OK;
}

static precis_status add_json_cluster(precis_cluster *c, const char *line, size_t len)
{
    precis_status st;
    json_t *obj = load_json(c, line, len, &st);
    if (!obj)
        return st;
    st = PRECIS_EJSON;
    size_t before = c->n;
    json_t *arts = json_object_get(obj, "articles");
    if (!json_is_object(obj) || !json_is_array(arts)) {
        perr_set(c->err, sizeof c->err, "record has no array field \"articles\"");
        goto done;
    }
    const char *id = NULL;
    char idbuf[32];
    int r = json_opt_str(c, obj, "id", &id);
    if (r < 0)
        goto done;
    if (r == 1) { /* a numeric id is kept, as a string */
        snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(json_object_get(obj, "id")));
        id = idbuf;
    }
    /* the id is kept even when the record fails, for its error record */
    if (id && utf8_check(id, strlen(id), &(size_t){0}) == PRECIS_OK &&
        !(c->id = arena_strndup(&c->mem, id, strlen(id)))) {
        st = PRECIS_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < json_array_size(arts); i++) {
        st = add_json_object(c, json_array_get(arts, i));
        if (st) {
            char msg[PRECIS_ERRMAX];
            memcpy(msg, c->err, sizeof msg);
            perr_set(c->err, sizeof c->err, "article %zu: %s", i + 1, msg);
            c->n = before;
            goto done;
        }
    }
    if (c->n == before) {
        perr_set(c->err, sizeof c->err, "cluster has no articles");
        st = PRECIS_EEMPTY;
        goto done;
    }
    st = PRECIS_OK;
done:
    json_decref(obj);
    return st;
}

precis_status precis_cluster_add_multinews(precis_cluster *c, const char *line, size_t len)
{
    return add_line(c, line, len, add_multinews);
}

precis_status precis_cluster_add_json_cluster(precis_cluster *c, const char *line, size_t len)
{
    return add_line(c, line, len, add_json_cluster);
}

precis_status cluster_parse_json(precis_cluster *c, const char *line, size_t len,
                                 precis_article *a, const char **lang, char *idbuf,
                                 void **hold)
{
    precis_status st;
    *hold = NULL;
    *lang = NULL;
    json_t *obj = load_json(c, line ? line : "", len, &st);
    if (!obj)
        return st;
    st = json_article(c, obj, a, idbuf, lang);
    if (st)
        json_decref(obj);
    else
        *hold = obj;
    return st;
}

void cluster_json_release(void *hold)
{
    if (hold)
        json_decref((json_t *)hold);
}
