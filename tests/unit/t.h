/* t.h -- the tiny assertion harness of precis's unit tests.  A test file
   defines test functions, lists them in main() with T_RUN, and returns
   t_finish().  Failures print file:line and the expression. */
#ifndef PRECIS_T_H
#define PRECIS_T_H
#include <stdio.h>
#include <string.h>

static int t_failed, t_checks;
#define T_CHECK(cond)                                                            \
    do {                                                                         \
        t_checks++;                                                              \
        if (!(cond)) {                                                           \
            t_failed++;                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                        \
    } while (0)
#define T_EQ_INT(a, b)                                                           \
    do {                                                                         \
        long long t_a = (long long)(a), t_b = (long long)(b);                    \
        t_checks++;                                                              \
        if (t_a != t_b) {                                                        \
            t_failed++;                                                          \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, \
                    t_a, t_b);                                                   \
        }                                                                        \
    } while (0)
#define T_EQ_STR(a, b)                                                           \
    do {                                                                         \
        const char *t_a = (a), *t_b = (b);                                       \
        t_checks++;                                                              \
        if (!t_a || !t_b || strcmp(t_a, t_b) != 0) {                             \
            t_failed++;                                                          \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
                    #a, t_a ? t_a : "(null)", t_b ? t_b : "(null)");             \
        }                                                                        \
    } while (0)
#define T_RUN(fn)                                                                \
    do {                                                                         \
        int t_before = t_failed;                                                 \
        fn();                                                                    \
        fprintf(stderr, "%s %s\n", t_failed == t_before ? "ok  " : "FAIL", #fn);  \
    } while (0)
static int t_finish(void)
{
    fprintf(stderr, "%d checks, %d failed\n", t_checks, t_failed);
    return t_failed ? 1 : 0;
}
#endif
