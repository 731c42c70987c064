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
#include "internal.h"

#include <jansson.h>
#include <stdio.h>

typedef struct article {
    char *id, *source, *date, *title;
    char *text;
    size_t len;
} article;

struct precis_cluster {
    article *arts;
    size_t n, cap;
    size_t skipped;
    char *id;
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
    c->err[0] = '\0';
}

const char *precis_cluster_id(const precis_cluster *c) { return c->id; }

size_t precis_cluster_size(const precis_cluster *c) { return c->n; }
size_t precis_cluster_skipped(const precis_cluster *c) { return c->skipped; }
const char *precis_cluster_error(const precis_cluster *c) { return c->err; }

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
    if ((st = check_field(err, cap, "id", a->id)) ||
        (st = check_field(err, cap, "source", a->source)) ||
        (st = check_field(err, cap, "date", a->date)) ||
        (st = check_field(err, cap, "title", a->title)))
        return st;
    *ds = *dl = 0;
    *skip = meta_date(text, len, ds, dl);
    if (!has_text(text + *skip, len - *skip)) {
        perr_set(err, cap, "article has no text");
        return PRECIS_EEMPTY;
    }
    return PRECIS_OK;
}

precis_status precis_cluster_add(precis_cluster *c, const precis_article *a)
{
    if (!c)
        return PRECIS_EINVAL;
    if (c->n >= PRECIS_MAX_ARTICLES) {
        perr_set(c->err, sizeof c->err, "cluster has the maximum of %zu articles",
                 (size_t)PRECIS_MAX_ARTICLES);
        return PRECIS_ELIMIT;
    }
    size_t skip, ds, dl;
    precis_status st = cluster_check_article(a, &skip, &ds, &dl, c->err, sizeof c->err);
    if (st)
        return st;
    const char *text = a->text ? a->text : "";
    size_t len = a->text_len;
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
    c->n++;
    c->err[0] = '\0';
    return PRECIS_OK;
oom:
    /* strings already copied stay in the arena until _clear: bounded waste */
    perr_set(c->err, sizeof c->err, "out of memory");
    return PRECIS_ENOMEM;
}

/* Fetches an optional string member; non-strings other than null are an
   error so that a producer's bug does not pass silently.  An integer "id"
   is written into idbuf. */
static int json_opt_str(json_t *obj, const char *key, const char **out, char *idbuf,
                        char *err, size_t cap)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (json_is_string(v)) {
        *out = json_string_value(v);
        return 0;
    }
    if (idbuf && json_is_integer(v)) {
        snprintf(idbuf, CLUSTER_IDBUF, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *out = idbuf;
        return 0;
    }
    perr_set(err, cap, "field \"%s\" must be a string", key);
    return -1;
}

/* Reads the article fields of a parsed JSON object into *a (strings
   owned by obj); *lang gets "lang" when lang is non-NULL. */
static precis_status json_article(json_t *obj, precis_article *a, const char **lang,
                                  char *idbuf, char *err, size_t cap)
{
    if (!json_is_object(obj)) {
        perr_set(err, cap, "record is not a JSON object");
        return PRECIS_EJSON;
    }
    json_t *text = json_object_get(obj, "text");
    if (!text || !json_is_string(text)) {
        perr_set(err, cap, "record has no string field \"text\"");
        return PRECIS_EJSON;
    }
    memset(a, 0, sizeof *a);
    if (json_opt_str(obj, "id", &a->id, idbuf, err, cap) ||
        json_opt_str(obj, "source", &a->source, NULL, err, cap) ||
        json_opt_str(obj, "date", &a->date, NULL, err, cap) ||
        json_opt_str(obj, "title", &a->title, NULL, err, cap) ||
        (lang && json_opt_str(obj, "lang", lang, NULL, err, cap)))
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
    precis_status st = json_article(obj, &a, NULL, idbuf, c->err, sizeof c->err);
    return st ? st : precis_cluster_add(c, &a);
}

/* Parses a JSON text; NULL with the message in err on failure. */
static json_t *json_parse(const char *line, size_t len, precis_status *st, char *err,
                          size_t cap)
{
    json_error_t e;
    /* JSON_DISABLE_EOF_CHECK is not used: trailing garbage is an error.
       Jansson rejects NUL escapes unless asked, which is what we want. */
    json_t *obj = json_loadb(line ? line : "", len, JSON_REJECT_DUPLICATES, &e);
    if (obj)
        return obj;
    if (json_error_code(&e) == json_error_out_of_memory) {
        perr_set(err, cap, "out of memory");
        *st = PRECIS_ENOMEM;
    } else {
        perr_set(err, cap, "malformed JSON at column %d: %s", e.column, e.text);
        *st = PRECIS_EJSON;
    }
    return NULL;
}

precis_status cluster_parse_json(const char *line, size_t len, precis_article *a,
                                 const char **lang, char *idbuf, void **hold, char *err,
                                 size_t cap)
{
    precis_status st = PRECIS_OK;
    *hold = NULL;
    json_t *obj = json_parse(line, len, &st, err, cap);
    if (!obj)
        return st;
    *lang = NULL;
    st = json_article(obj, a, lang, idbuf, err, cap);
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

precis_status precis_cluster_add_json(precis_cluster *c, const char *line, size_t len)
{
    if (!c || (!line && len))
        return PRECIS_EINVAL;
    precis_status st = PRECIS_OK;
    json_t *obj = json_parse(line, len, &st, c->err, sizeof c->err);
    if (!obj)
        return st;
    st = add_json_object(c, obj);
    json_decref(obj);
    return st;
}

precis_status precis_cluster_add_multinews(precis_cluster *c, const char *line, size_t len)
{
    static const char sep[] = "story_separator_special_tag";
    const size_t seplen = sizeof sep - 1;
    if (!c || (!line && len))
        return PRECIS_EINVAL;
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

precis_status precis_cluster_add_json_cluster(precis_cluster *c, const char *line, size_t len)
{
    if (!c || (!line && len))
        return PRECIS_EINVAL;
    precis_status st = PRECIS_OK;
    json_t *obj = json_parse(line, len, &st, c->err, sizeof c->err);
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
    char idbuf[CLUSTER_IDBUF];
    if (json_opt_str(obj, "id", &id, idbuf, c->err, sizeof c->err) < 0)
        goto done;
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
