/*
 * util.c -- the small data structures every stage uses: the allocation
 * wrappers, a growable byte buffer (pbuf), an arena for the many small
 * objects of one run, a byte hash, and UTF-8 validation.
 */
#include "internal.h"

#include <stdio.h>
#include <utf8proc.h>

#ifdef PRECIS_FAILALLOC
/* Test build: the allocation numbered precis_failalloc_at (1-based) and
   every later one fails.  The counter lives in the test build only. */
long precis_failalloc_at = 0;
long precis_failalloc_count = 0;
static int fail_now(void)
{
    precis_failalloc_count++;
    return precis_failalloc_at > 0 && precis_failalloc_count >= precis_failalloc_at;
}
#else
static int fail_now(void) { return 0; }
#endif

void *pmalloc(size_t n)
{
    if (fail_now())
        return NULL;
    return malloc(n ? n : 1);
}

void *pcalloc(size_t n, size_t size)
{
    if (fail_now())
        return NULL;
    if (n == 0 || size == 0)
        n = size = 1;
    return calloc(n, size);
}

void *prealloc(void *p, size_t n)
{
    if (fail_now())
        return NULL;
    return realloc(p, n ? n : 1);
}

void pfree(void *p) { free(p); }

void precis_free(void *p) { free(p); }

char *pstrndup(const char *s, size_t n)
{
    char *d = pmalloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

size_t pmul(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return SIZE_MAX; /* no allocation of this size can succeed */
    return n * size;
}

void *pgrow(void *p, size_t *cap, size_t need, size_t size)
{
    if (p && need <= *cap)
        return p;
    size_t nc = *cap > 64 ? *cap : 64;
    while (nc < need) {
        if (nc > SIZE_MAX / 2)
            return NULL;
        nc *= 2;
    }
    void *q = prealloc(p, pmul(nc, size));
    if (q)
        *cap = nc;
    return q;
}

/* ---- pbuf -------------------------------------------------------------*/

void pbuf_init(pbuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void pbuf_free(pbuf *b)
{
    pfree(b->data);
    pbuf_init(b);
}

int pbuf_reserve(pbuf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->oom = 1;
        return -1;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *d = prealloc(b->data, cap);
    if (!d) {
        b->oom = 1;
        return -1;
    }
    b->data = d;
    b->cap = cap;
    return 0;
}

void pbuf_put(pbuf *b, const char *s, size_t n)
{
    if (pbuf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void pbuf_puts(pbuf *b, const char *s) { pbuf_put(b, s, strlen(s)); }

void pbuf_putc(pbuf *b, char c) { pbuf_put(b, &c, 1); }

void pbuf_printf(pbuf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        pbuf_put(b, tmp, (size_t)n);
        return;
    }
    if (pbuf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void pbuf_uint(pbuf *b, size_t v)
{
    char d[24];
    size_t i = sizeof d;
    do {
        d[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    pbuf_put(b, d + i, sizeof d - i);
}

/* Bytes a JSON string cannot hold as they are: control characters, DEL,
   the quote and the backslash. */
static int json_escaped(unsigned char c) { return c < 0x20 || c == 0x7f || c == '"' || c == '\\'; }

/* Does one of the 8 bytes of v need escaping?  The zero-byte test (a byte
   of x is zero iff (x - 0x01..) & ~x & 0x80.. has its bit; below n, with
   n <= 0x80, likewise with n * 0x01..) on v and on v xor each byte looked
   for: exact for "some byte", which is all that is asked. */
static int json_escaped8(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t q = v ^ (ones * '"'), bs = v ^ (ones * '\\'), del = v ^ (ones * 0x7f);
    uint64_t z = ((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((bs - ones) & ~bs) |
                 ((del - ones) & ~del);
    return (z & high) != 0;
}

void pbuf_json_str(pbuf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        for (uint64_t v; run + 8 <= n && (memcpy(&v, s + run, 8), !json_escaped8(v));)
            run += 8;
        while (run < n && !json_escaped((unsigned char)s[run]))
            run++;
        pbuf_put(b, s + i, run - i);
        if (run == n)
            break;
        unsigned char c = (unsigned char)s[run];
        char u[8];
        switch (c) {
        case '"': pbuf_put(b, "\\\"", 2); break;
        case '\\': pbuf_put(b, "\\\\", 2); break;
        case '\n': pbuf_put(b, "\\n", 2); break;
        case '\r': pbuf_put(b, "\\r", 2); break;
        case '\t': pbuf_put(b, "\\t", 2); break;
        default:
            snprintf(u, sizeof u, "\\u%04x", c);
            pbuf_put(b, u, 6);
        }
        i = run + 1;
    }
}

void pbuf_json_string(pbuf *b, const char *s)
{
    if (!s) {
        pbuf_puts(b, "null");
        return;
    }
    pbuf_putc(b, '"');
    pbuf_json_str(b, s, strlen(s));
    pbuf_putc(b, '"');
}

void pbuf_html(pbuf *b, const char *s, size_t n)
{
    size_t i = 0, run = 0;
    for (; i < n; i++) {
        const char *e = NULL;
        switch (s[i]) {
        case '&': e = "&amp;"; break;
        case '<': e = "&lt;"; break;
        case '>': e = "&gt;"; break;
        case '"': e = "&quot;"; break;
        case '\'': e = "&#39;"; break;
        default: continue;
        }
        pbuf_put(b, s + run, i - run);
        pbuf_puts(b, e);
        run = i + 1;
    }
    pbuf_put(b, s + run, i - run);
}

static int pbuf_is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

void pbuf_flat(pbuf *b, const char *s, size_t n)
{
    /* a run of whitespace becomes one space when something follows it */
    if (pbuf_reserve(b, n))
        return;
    char *o = b->data + b->len;
    for (size_t i = 0; i < n;) {
        if (!pbuf_is_space(s[i])) {
            *o++ = s[i++];
            continue;
        }
        while (i < n && pbuf_is_space(s[i]))
            i++;
        if (i < n)
            *o++ = ' ';
    }
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
}

char *pbuf_take(pbuf *b, size_t *len)
{
    if (b->oom) {
        pbuf_free(b);
        return NULL;
    }
    if (!b->data && pbuf_reserve(b, 0))
        return NULL;
    char *d = b->data;
    if (len)
        *len = b->len;
    pbuf_init(b);
    return d;
}

/* ---- arena ------------------------------------------------------------*/

struct arena_block {
    arena_block *next;
    size_t used, cap;
    _Alignas(16) unsigned char mem[];
};

void arena_init(arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 65536;
}

void *arena_alloc(arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = a->block_size;
        if (n > cap / 4) {
            /* A large object gets a block of its own, placed behind the
               current head so the head's free space is not wasted. */
            cap = n;
        }
        if (n == 0 || cap > SIZE_MAX - sizeof(arena_block) - 16)
            return NULL;
        arena_block *nb = pmalloc(sizeof(arena_block) + cap);
        if (!nb)
            return NULL;
        nb->used = 0;
        nb->cap = cap;
        if (cap == n && b) {
            nb->next = b->next;
            b->next = nb;
            nb->used = n;
            return nb->mem;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->mem + b->used;
    b->used += n;
    return p;
}

void *arena_calloc(arena *a, size_t n, size_t size)
{
    size_t bytes = pmul(n, size);
    if (bytes == SIZE_MAX)
        return NULL;
    void *p = arena_alloc(a, bytes);
    if (p)
        memset(p, 0, bytes);
    return p;
}

void arena_reset(arena *a)
{
    if (!a->head)
        return;
    /* keep the last block in the chain when it is a standard one */
    arena_block *b = a->head, *keep = NULL;
    while (b) {
        arena_block *next = b->next;
        if (!keep && b->cap == a->block_size) {
            keep = b;
        } else {
            pfree(b);
        }
        b = next;
    }
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
    a->head = keep;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        pfree(b);
        b = next;
    }
    a->head = NULL;
}

/* ---- hashing ------------------------------------------------------------
 * A word-at-a-time multiply-mix hash; inputs are short words, so speed on
 * 3-12 byte keys matters more than anything else. */
uint64_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0x100000001b3ULL);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ hash_mix(w)) * 0x9fb21c651e98df25ULL;
        s += 8;
        n -= 8;
    }
    /* the last 0..7 bytes, little-endian (what memcpy gave on the hosts
       we run on), without a call for a variable-length copy: most keys
       are short words */
    uint64_t w = 0;
    for (size_t i = n; i-- > 0;)
        w = w << 8 | s[i];
    h = (h ^ hash_mix(w ^ n)) * 0x9fb21c651e98df25ULL;
    return hash_mix(h);
}

void perr_set(char *dst, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, cap, fmt, ap);
    va_end(ap);
}

precis_status utf8_check(const char *s, size_t n, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* fast path over ASCII */
        if (u[i] < 0x80) {
            if (u[i] == 0) {
                *bad = i;
                return PRECIS_ENUL;
            }
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k < 0) {
            *bad = i;
            return PRECIS_EUTF8;
        }
        i += (size_t)k;
    }
    return PRECIS_OK;
}

precis_status precis_utf8_check(const char *s, size_t n, size_t *bad)
{
    size_t at = 0;
    precis_status st = utf8_check(s, n, &at);
    if (st && bad)
        *bad = at;
    return st;
}

int precis_version(void) { return PRECIS_VERSION; }
const char *precis_version_string(void) { return PRECIS_VERSION_STRING; }

const char *precis_strerror(int status)
{
    switch (status) {
    case PRECIS_OK: return "success";
    case PRECIS_ENOMEM: return "out of memory";
    case PRECIS_EINVAL: return "invalid argument";
    case PRECIS_EUTF8: return "invalid UTF-8";
    case PRECIS_ENUL: return "NUL byte in text";
    case PRECIS_EEMPTY: return "empty input";
    case PRECIS_EJSON: return "malformed JSON";
    case PRECIS_ELANG: return "no stemmer for this language";
    case PRECIS_ELIMIT: return "input exceeds a limit";
    case PRECIS_EIO: return "I/O error";
    case PRECIS_EDUP: return "duplicate article id";
    case PRECIS_ESNAPSHOT: return "malformed or truncated snapshot";
    default: return "unknown error";
    }
}
