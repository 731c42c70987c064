/* test_split.c -- the sentence splitter: the golden examples of
   tests/golden/split.txt, the span invariants on every one of them,
   pathological inputs with a time bound, and every byte value. */
#include "split.h"
#include "t.h"

#include <stdlib.h>
#include <time.h>

/* ---- reading the golden file (format described at its top) ---------- */

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

/* Appends line [s, e) to out, decoding \n \t \\ and \uXXXX. */
static void unescape(pbuf *out, const char *s, const char *e)
{
    while (s < e) {
        if (*s == '\\' && s + 1 < e) {
            char c = s[1];
            if (c == 'n') {
                pbuf_putc(out, '\n');
                s += 2;
                continue;
            }
            if (c == 't' || c == 'r') {
                pbuf_putc(out, c == 't' ? '\t' : '\r');
                s += 2;
                continue;
            }
            if (c == '\\') {
                pbuf_putc(out, '\\');
                s += 2;
                continue;
            }
            if (c == 'u' && s + 6 <= e) {
                char hex[5] = {s[2], s[3], s[4], s[5], 0};
                unsigned long cp = strtoul(hex, NULL, 16);
                char u[4];
                int k;
                if (cp < 0x80) {
                    u[0] = (char)cp;
                    k = 1;
                } else if (cp < 0x800) {
                    u[0] = (char)(0xc0 | (cp >> 6));
                    u[1] = (char)(0x80 | (cp & 0x3f));
                    k = 2;
                } else {
                    u[0] = (char)(0xe0 | (cp >> 12));
                    u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
                    u[2] = (char)(0x80 | (cp & 0x3f));
                    k = 3;
                }
                pbuf_put(out, u, (size_t)k);
                s += 6;
                continue;
            }
        }
        pbuf_putc(out, *s++);
    }
}

/* The span invariants every split must satisfy. */
static void check_spans(const char *text, size_t len, const precis_span *sp, size_t n)
{
    size_t prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        T_CHECK(sp[i].start < sp[i].end);
        T_CHECK(sp[i].end <= len);
        T_CHECK(sp[i].start >= prev_end);
        if (sp[i].start >= sp[i].end || sp[i].end > len)
            return;
        unsigned char a = (unsigned char)text[sp[i].start];
        unsigned char z = (unsigned char)text[sp[i].end - 1];
        T_CHECK(a != ' ' && a != '\n' && a != '\t' && a != '\r');
        T_CHECK(z != ' ' && z != '\n' && z != '\t' && z != '\r');
        if (a == ' ' || a == '\n' || a == '\t' || a == '\r' || z == ' ' || z == '\n' ||
            z == '\t' || z == '\r')
            fprintf(stderr, "  untrimmed span [%zu, %zu) of %zu bytes\n", sp[i].start, sp[i].end,
                    len);
        prev_end = sp[i].end;
    }
}

static int golden_cases;

static void run_case(const char *name, const pbuf *in, const pbuf *exp)
{
    golden_cases++;
    precis_span *sp = NULL;
    size_t n = 0;
    const char *text = in->data ? in->data : "";
    T_EQ_INT(precis_split(text, in->len, &sp, &n), PRECIS_OK);
    check_spans(text, in->len, sp, n);
    pbuf got;
    pbuf_init(&got);
    for (size_t i = 0; i < n; i++) {
        pbuf_put(&got, text + sp[i].start, sp[i].end - sp[i].start);
        pbuf_putc(&got, '\n');
    }
    const char *g = got.data ? got.data : "";
    const char *x = exp->data ? exp->data : "";
    t_checks++;
    if (strcmp(g, x) != 0) {
        t_failed++;
        fprintf(stderr, "golden case '%s' differs.\n--- expected:\n%s--- got:\n%s---\n", name, x,
                g);
    }
    pbuf_free(&got);
    precis_free(sp);
}

static void test_golden(void)
{
    size_t len;
    char *buf = read_all(PRECIS_TEST_DIR "/golden/split.txt", &len);
    T_CHECK(buf != NULL);
    if (!buf)
        return;
    pbuf in, exp;
    pbuf_init(&in);
    pbuf_init(&exp);
    char name[128] = "";
    int state = 0; /* 0 before a case, 1 input, 2 expected */
    int first_in = 1;
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        if (e - p >= 4 && !strncmp(p, "=== ", 4)) {
            if (state == 2)
                run_case(name, &in, &exp);
            size_t k = (size_t)(e - p - 4) < sizeof name - 1 ? (size_t)(e - p - 4)
                                                             : sizeof name - 1;
            memcpy(name, p + 4, k);
            name[k] = '\0';
            pbuf_free(&in);
            pbuf_free(&exp);
            state = 1;
            first_in = 1;
        } else if (state == 1 && e - p == 3 && !strncmp(p, "---", 3)) {
            state = 2;
        } else if (state == 1) {
            if (!first_in)
                pbuf_putc(&in, '\n');
            unescape(&in, p, e);
            first_in = 0;
        } else if (state == 2 && e > p) {
            unescape(&exp, p, e);
            pbuf_putc(&exp, '\n');
        }
        p = e + 1;
    }
    if (state == 2)
        run_case(name, &in, &exp);
    T_CHECK(state == 2);
    pbuf_free(&in);
    pbuf_free(&exp);
    free(buf);
    fprintf(stderr, "     %d golden cases\n", golden_cases);
    T_CHECK(golden_cases >= 60);
}

/* ---- API edges ---------------------------------------------------------*/

static void test_api(void)
{
    precis_span *sp = (precis_span *)1;
    size_t n = 99;
    T_EQ_INT(precis_split(NULL, 0, &sp, &n), PRECIS_OK);
    T_EQ_INT(n, 0);
    T_CHECK(sp != NULL);
    precis_free(sp);
    T_EQ_INT(precis_split(NULL, 3, &sp, &n), PRECIS_EINVAL);
    T_EQ_INT(precis_split("a", 1, NULL, &n), PRECIS_EINVAL);
    T_EQ_INT(precis_split("a", 1, &sp, NULL), PRECIS_EINVAL);
    T_EQ_INT(precis_split(" \n\t ", 4, &sp, &n), PRECIS_OK);
    T_EQ_INT(n, 0);
    precis_free(sp);
    /* the length is honoured: no NUL terminator needed */
    T_EQ_INT(precis_split("One. Two. Three.", 9, &sp, &n), PRECIS_OK);
    T_EQ_INT(n, 2);
    if (n == 2) {
        T_EQ_INT(sp[1].start, 5);
        T_EQ_INT(sp[1].end, 9);
    }
    precis_free(sp);
}

/* The callback can stop the split early; its value comes back. */
static int stop_after_two(void *ud, size_t start, size_t end)
{
    int *count = ud;
    PRECIS_UNUSED(start);
    PRECIS_UNUSED(end);
    return ++*count == 2 ? 42 : 0;
}

static void test_callback_stop(void)
{
    int count = 0;
    const char *t = "One. Two. Three. Four.";
    T_EQ_INT(split_text(t, strlen(t), stop_after_two, &count), 42);
    T_EQ_INT(count, 2);
}

/* ---- pathological input --------------------------------------------------*/

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void split_timed(const char *what, const char *text, size_t len, precis_span **sp,
                        size_t *n)
{
    double t0 = now();
    T_EQ_INT(precis_split(text, len, sp, n), PRECIS_OK);
    double dt = now() - t0;
    fprintf(stderr, "     %s: %zu bytes, %zu spans, %.3f s\n", what, len, *n, dt);
    /* generous: linear code does this in milliseconds, quadratic in hours */
    T_CHECK(dt < 2.0);
    check_spans(text, len, *sp, *n);
}

static void test_long_no_end(void)
{
    /* 10^6 characters of words and spaces without any sentence end */
    size_t len = 1000000;
    char *t = malloc(len);
    T_CHECK(t != NULL);
    if (!t)
        return;
    for (size_t i = 0; i < len; i++)
        t[i] = (i % 6 == 5) ? ' ' : "lorem"[i % 6];
    precis_span *sp;
    size_t n;
    split_timed("10^6 chars, no end", t, len, &sp, &n);
    /* cut into pieces of at most PRECIS_MAX_SENTENCE_WORDS words */
    T_EQ_INT(n, (len / 6 + PRECIS_MAX_SENTENCE_WORDS - 1) / PRECIS_MAX_SENTENCE_WORDS);
    for (size_t i = 0; i < n; i++) {
        size_t words = 0;
        for (size_t k = sp[i].start; k < sp[i].end; k++)
            words += t[k] != ' ' && (k == sp[i].start || t[k - 1] == ' ');
        T_CHECK(words <= PRECIS_MAX_SENTENCE_WORDS);
        if (i + 1 < n)
            T_EQ_INT(words, PRECIS_MAX_SENTENCE_WORDS);
    }
    precis_free(sp);

    /* no white space at all: one piece, still linear */
    memset(t, 'a', len);
    split_timed("10^6 chars, no space", t, len, &sp, &n);
    T_EQ_INT(n, 1);
    precis_free(sp);

    /* one endless token of dots, quotes and capitals */
    for (size_t i = 0; i < len; i++)
        t[i] = ".\"A'b?U.S!a"[i % 11];
    split_timed("10^6 chars of punctuation", t, len, &sp, &n);
    precis_free(sp);

    /* many lines */
    for (size_t i = 0; i < len; i++)
        t[i] = (i % 3 == 2) ? '\n' : "Ab"[i % 3];
    split_timed("10^6 chars of short lines", t, len, &sp, &n);
    precis_free(sp);
    free(t);
}

static void test_many_short(void)
{
    /* 10^5 repetitions of "A. " */
    size_t reps = 100000, len = 3 * reps;
    char *t = malloc(len);
    T_CHECK(t != NULL);
    if (!t)
        return;
    for (size_t i = 0; i < reps; i++)
        memcpy(t + 3 * i, "A. ", 3);
    precis_span *sp;
    size_t n;
    split_timed("10^5 x 'A. '", t, len, &sp, &n);
    precis_free(sp);
    /* and of "end. " -- every stop ends a sentence */
    for (size_t i = 0; i < reps; i++)
        memcpy(t + 3 * i, i % 2 ? "b. " : "Xy.", 3);
    split_timed("10^5 x 'Xy.b. '", t, len, &sp, &n);
    precis_free(sp);
    /* and of "Mr. " titles, which never end one */
    for (size_t i = 0; i < reps; i++)
        memcpy(t + 3 * i, i % 2 ? "r. " : " M", 3);
    split_timed("10^5 x ' Mr. '", t, len, &sp, &n);
    precis_free(sp);
    free(t);
}

static void test_every_byte(void)
{
    /* every byte value, alone, between words, and after a full stop */
    for (int c = 0; c < 256; c++) {
        const char *pre[3] = {"", "Word", "End."}, *post[3] = {"", "word. Next", "\"A"};
        for (int f = 0; f < 3; f++) {
            char buf[64];
            size_t k = strlen(pre[f]);
            memcpy(buf, pre[f], k);
            buf[k++] = (char)c;
            memcpy(buf + k, post[f], strlen(post[f]));
            k += strlen(post[f]);
            precis_span *sp;
            size_t n;
            T_EQ_INT(precis_split(buf, k, &sp, &n), PRECIS_OK);
            check_spans(buf, k, sp, n);
            precis_free(sp);
        }
    }
    /* truncated multi-byte sequences at the very end */
    const char *tails[] = {"A.\xe2", "A.\xe2\x80", "A \xc2", "A\xe2\x80\x9c", "\xef\xbb",
                           "x\xe2\x80\x99", "A.\xe2\x80\xa6", "\xe2\x80\x94",
                           /* found by fuzzing: an abbreviation, then only
                              openers; a CR before a LF at a span end */
                           " P.\t\t\t\t'", "No. (", "Inc. \"", "x.\n--\r\r\r-\r\n"};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        precis_span *sp;
        size_t n;
        T_EQ_INT(precis_split(tails[i], strlen(tails[i]), &sp, &n), PRECIS_OK);
        check_spans(tails[i], strlen(tails[i]), sp, n);
        precis_free(sp);
    }
    /* random bytes, biased towards the interesting ones */
    const char alphabet[] = ".?!\"' \n\r\xe2\x80\x9c\x9d\x99\xa6\x94\xc2\xa0" "AbZ(0)-,";
    unsigned long x = 12345;
    char *t = malloc(4096);
    if (!t)
        return;
    for (int round = 0; round < 2000; round++) {
        size_t len = 1 + (size_t)(round % 4096);
        for (size_t i = 0; i < len; i++) {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            unsigned r = (unsigned)(x >> 33);
            t[i] = (r & 1) ? alphabet[(r >> 1) % (sizeof alphabet - 1)] : (char)(r >> 8);
        }
        precis_span *sp;
        size_t n;
        T_EQ_INT(precis_split(t, len, &sp, &n), PRECIS_OK);
        check_spans(t, len, sp, n);
        precis_free(sp);
    }
    free(t);
}

int main(void)
{
    T_RUN(test_golden);
    T_RUN(test_api);
    T_RUN(test_callback_stop);
    T_RUN(test_long_no_end);
    T_RUN(test_many_short);
    T_RUN(test_every_byte);
    return t_finish();
}
