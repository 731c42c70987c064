/* test_seed_report.c -- the analysis report on the real seed cluster
   (../shared/data/seed-cluster): 003 (Lavrov proposes expelling 35
   diplomats) is the early version of 001 (Putin refuses), so the pair is
   an update whose earlier version is 003, and the timeline puts 003
   before 001; 002 republishes 000 with additions.  Skipped (exit 77) when
   the data is absent. */
#include "precis.h"
#include "t.h"
#include "t_load.h"

static const precis_copy *pair(const precis_analysis *an, size_t a, size_t b)
{
    const precis_copy *cp;
    size_t n = precis_analysis_copies(an, &cp);
    for (size_t i = 0; i < n; i++)
        if (cp[i].a == a && cp[i].b == b)
            return &cp[i];
    return NULL;
}

static precis_cluster *seed;

static void test_update(void)
{
    precis_summarizer *s = precis_summarizer_new(NULL, NULL);
    precis_analysis *an = NULL;
    T_EQ_INT(precis_analyze(s, seed, &an), PRECIS_OK);
    const precis_copy *p = pair(an, 1, 3);
    T_CHECK(p && p->kind == PRECIS_COPY_UPDATE);
    T_CHECK(p && p->earlier == 3);
    T_CHECK(!strcmp(precis_copy_kind_name(PRECIS_COPY_UPDATE), "update"));
    p = pair(an, 0, 2);
    T_CHECK(p && p->kind == PRECIS_COPY_A_IN_B);
    const precis_timeline_entry *te;
    size_t nt = precis_analysis_timeline(an, &te), at1 = nt, at3 = nt;
    for (size_t k = 0; k < nt; k++) {
        if (te[k].article == 1)
            at1 = k;
        if (te[k].article == 3)
            at3 = k;
    }
    T_CHECK(at3 < at1 && at1 < nt); /* the early version first */
    /* the JSON report names the earlier version */
    precis_summary *sum = NULL;
    T_EQ_INT(precis_summarize(s, seed, &sum), PRECIS_OK);
    char *out = NULL;
    size_t len = 0;
    T_EQ_INT(precis_report_render(sum, an, seed, PRECIS_FORMAT_JSON, &out, &len), PRECIS_OK);
    T_CHECK(out && strstr(out, "\"verdict\":\"update\",\"earlier\":\"003_") != NULL);
    precis_free(out);
    precis_summary_free(sum);
    precis_analysis_free(an);
    precis_summarizer_free(s);
}

int main(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/seed-cluster", PRECIS_SHARED_DATA);
    (void)t_load_jsonl; /* t_load.h: only the directory loader here */
    seed = t_load_dir(dir);
    if (!seed) {
        printf("skipped: %s not found (evaluation data is optional)\n", dir);
        return 77;
    }
    T_RUN(test_update);
    precis_cluster_free(seed);
    return t_finish();
}
