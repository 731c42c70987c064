/*
 * test_regress.c -- one test per bug found by fuzzing or by the hostile
 * and allocation-failure tests, each with the smallest input that showed
 * it.  The sanitizer build (make asan) is what turns most of these from
 * silent into failing; the plain build checks the results.
 */
#include "precis.h"
#include "t.h"

/* fuzz_rouge: a text whose only line has no tokens ("," here) left the
   sentence-token array NULL, and the ROUGE-L/W pass computed NULL + 0
   before checking the sentence was empty (clang UBSan: "applying zero
   offset to null pointer", rouge.c rouge_lcs_stats).  As reference and as
   peer. */
static void test_rouge_tokenless_line(void)
{
    precis_rouge *r = precis_rouge_new(NULL, NULL);
    T_CHECK(r != NULL);
    precis_rouge_scores sc;
    const char *refs[] = {","};
    T_EQ_INT(precis_rouge_score(r, "a cat sat", refs, 1, &sc), PRECIS_OK);
    T_CHECK(sc.m[PRECIS_ROUGE_L].f == 0);
    const char *refs2[] = {"a cat sat"};
    T_EQ_INT(precis_rouge_score(r, ",", refs2, 1, &sc), PRECIS_OK);
    T_CHECK(sc.m[PRECIS_ROUGE_L].f == 0);
    const char *refs3[] = {"!!\n\na cat\n,"};
    T_EQ_INT(precis_rouge_score(r, "a cat\n...", refs3, 1, &sc), PRECIS_OK);
    T_CHECK(sc.m[PRECIS_ROUGE_1].r > 0.99);
    precis_rouge_free(r);
}

int main(void)
{
    T_RUN(test_rouge_tokenless_line);
    return t_finish();
}
