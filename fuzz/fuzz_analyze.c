/* fuzz_analyze.c -- the analysis stage (copies, quotes, facts, conflicts,
   timeline) and the report writers.  The first three bytes are the
   summarizer options (fuzz_options: method, unit, order, budget,
   threshold); the fourth chooses the call and the outputs:

     bit 0      precis_summarize_analyze (summary + analysis) or
                precis_analyze (analysis only)
     bits 1-2   report: JSON, HTML, both, or both without the summary
     bits 3-4   which articles get a date (none, every other, all, all
                the same date)
     bit 5      titles and sources on the articles
     bit 6      the summary's own renderings too (every format)

   The rest is split on 0xFF bytes into up to 24 articles.  Every index,
   span and string of the analysis is checked against the cluster, the
   timeline must hold each article once, and each report must be a
   NUL-terminated string of its stated length. */
#include "fuzz_common.h"

#include <math.h>

static void check_span(const precis_cluster *c, size_t art, size_t start, size_t end)
{
    size_t alen = 0;
    FUZZ_CHECK(art < precis_cluster_size(c));
    FUZZ_CHECK(precis_cluster_article_text(c, art, &alen) != NULL);
    FUZZ_CHECK(start <= end && end <= alen);
}

static void check_list(const size_t *v, size_t n, size_t first, size_t bound)
{
    FUZZ_CHECK(n >= 1 && v != NULL && v[0] == first);
    for (size_t k = 0; k < n; k++)
        FUZZ_CHECK(v[k] < bound);
}

/* A quote's articles: ascending, in range, its own article among them
   (the one whose wording it shows, not always the first). */
static void check_members(const size_t *v, size_t n, size_t own, size_t bound)
{
    FUZZ_CHECK(n >= 1 && v != NULL);
    int found = 0;
    for (size_t k = 0; k < n; k++) {
        FUZZ_CHECK(v[k] < bound && (k == 0 || v[k - 1] < v[k]));
        found |= v[k] == own;
    }
    FUZZ_CHECK(found);
}

static void check_analysis(const precis_analysis *an, const precis_cluster *c)
{
    size_t na = precis_cluster_size(c);
    const precis_copy *cp;
    size_t n = precis_analysis_copies(an, &cp);
    FUZZ_CHECK((n == 0) == (cp == NULL));
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(cp[i].a < cp[i].b && cp[i].b < na);
        FUZZ_CHECK(cp[i].shared >= 1);
        FUZZ_CHECK(cp[i].resemblance >= 0 && cp[i].resemblance <= 1);
        FUZZ_CHECK(cp[i].a_in_b >= 0 && cp[i].a_in_b <= 1);
        FUZZ_CHECK(cp[i].b_in_a >= 0 && cp[i].b_in_a <= 1);
        FUZZ_CHECK(cp[i].resemblance <= cp[i].a_in_b && cp[i].resemblance <= cp[i].b_in_a);
        FUZZ_CHECK((unsigned)cp[i].kind <= PRECIS_COPY_UPDATE);
        FUZZ_CHECK(strcmp(precis_copy_kind_name(cp[i].kind), "unknown") != 0);
    }
    const precis_quote *q;
    size_t nq = precis_analysis_quotes(an, &q);
    for (size_t i = 0; i < nq; i++) {
        FUZZ_CHECK(q[i].text != NULL);
        check_span(c, q[i].article, q[i].start, q[i].end);
        check_members(q[i].articles, q[i].n_articles, q[i].article, na);
        FUZZ_CHECK(q[i].variant <= i && q[i].variant < nq);
    }
    const precis_fact *f;
    size_t nf = precis_analysis_facts(an, &f);
    for (size_t i = 0; i < nf; i++) {
        FUZZ_CHECK((unsigned)f[i].kind <= PRECIS_FACT_PLACE);
        FUZZ_CHECK(strcmp(precis_fact_kind_name(f[i].kind), "unknown") != 0);
        FUZZ_CHECK(f[i].text != NULL && f[i].key != NULL);
        FUZZ_CHECK(!isnan(f[i].value));
        check_span(c, f[i].article, f[i].start, f[i].end);
        check_list(f[i].articles, f[i].n_articles, f[i].article, na);
        FUZZ_CHECK(f[i].n_variants == 0 || f[i].variants != NULL);
        for (size_t k = 0; k < f[i].n_variants; k++)
            FUZZ_CHECK(f[i].variants[k] != NULL);
    }
    const precis_conflict *cf;
    size_t ncf = precis_analysis_conflicts(an, &cf);
    for (size_t i = 0; i < ncf; i++) {
        FUZZ_CHECK(cf[i].a < nf && cf[i].b < nf && cf[i].a != cf[i].b);
        FUZZ_CHECK(f[cf[i].a].kind == PRECIS_FACT_NUMBER && f[cf[i].b].kind == PRECIS_FACT_NUMBER);
    }
    const precis_timeline_entry *t;
    size_t nt = precis_analysis_timeline(an, &t);
    FUZZ_CHECK(nt == na);
    uint8_t seen[24] = {0};
    size_t total_new = 0;
    for (size_t i = 0; i < nt; i++) {
        FUZZ_CHECK(t[i].article < na && !seen[t[i].article]);
        seen[t[i].article] = 1;
        FUZZ_CHECK(!t[i].dated == !t[i].when);
        for (size_t k = 0; k < t[i].n_added; k++)
            check_span(c, t[i].article, t[i].added[k].start, t[i].added[k].end);
        for (size_t k = 0; k < t[i].n_new_facts; k++)
            FUZZ_CHECK(t[i].new_facts[k] < nf);
        total_new += t[i].n_new_facts;
    }
    FUZZ_CHECK(total_new == nf); /* each fact is new in exactly one article */
}

static void render_report(const precis_summary *sum, const precis_analysis *an,
                          const precis_cluster *c, precis_format fmt)
{
    char *out = NULL;
    size_t len = 0;
    precis_status st = precis_report_render(sum, an, c, fmt, &out, &len);
    FUZZ_CHECK(st == PRECIS_OK || st == PRECIS_ENOMEM);
    if (!st) {
        FUZZ_CHECK(out != NULL && strlen(out) == len && len > 0);
        precis_free(out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    precis_options o;
    fuzz_options(&data, &size, &o);
    unsigned mode = fuzz_byte(&data, &size);
    precis_status st;
    precis_summarizer *s = precis_summarizer_new(&o, &st);
    FUZZ_CHECK(s != NULL);
    precis_cluster *c = precis_cluster_new();
    FUZZ_CHECK(c != NULL);
    static const char *const dates[] = {"2016-12-30", "2016-12-29T23:10Z", "2016", "2016-12",
                                        "2016-12-30T08:00:00+03:00", "garbage"};
    static const char *const sources[] = {"Wire", "The Courier", NULL, "<b>&\"x\"</b>"};
    size_t i = 0, k = 0;
    while (i <= size && k < 24) {
        const uint8_t *e = memchr(data + i, 0xff, size - i);
        size_t end = e ? (size_t)(e - data) : size;
        precis_article a = {0};
        a.text = (const char *)data + i;
        a.text_len = end - i;
        switch ((mode >> 3) & 3) {
        case 1: a.date = (k & 1) ? dates[k % 6] : NULL; break;
        case 2: a.date = dates[k % 6]; break;
        case 3: a.date = dates[0]; break;
        default: break;
        }
        if (mode & 0x20) {
            a.source = sources[k % 4];
            a.title = (k & 1) ? "A <title> & \"more\"" : NULL;
        }
        size_t before = precis_cluster_size(c);
        st = precis_cluster_add(c, &a);
        FUZZ_CHECK(st <= 0);
        FUZZ_CHECK(precis_cluster_size(c) == before + (st == PRECIS_OK));
        k++;
        if (!e)
            break;
        i = end + 1;
    }
    precis_summary *sum = NULL;
    precis_analysis *an = NULL;
    st = (mode & 1) ? precis_summarize_analyze(s, c, &sum, &an) : precis_analyze(s, c, &an);
    FUZZ_CHECK(st <= 0);
    if (st) {
        FUZZ_CHECK(an == NULL && sum == NULL);
        FUZZ_CHECK(precis_summarizer_error(s) != NULL);
    } else {
        FUZZ_CHECK(an != NULL && ((mode & 1) == 0 || sum != NULL));
        check_analysis(an, c);
        switch ((mode >> 1) & 3) {
        case 0: render_report(sum, an, c, PRECIS_FORMAT_JSON); break;
        case 1: render_report(sum, an, c, PRECIS_FORMAT_HTML); break;
        case 2:
            render_report(sum, an, c, PRECIS_FORMAT_JSON);
            render_report(sum, an, c, PRECIS_FORMAT_HTML);
            break;
        default:
            render_report(NULL, an, c, PRECIS_FORMAT_JSON);
            render_report(NULL, an, c, PRECIS_FORMAT_HTML);
            if (sum) /* the summary alone, no analysis */
                render_report(sum, NULL, c, PRECIS_FORMAT_HTML);
            break;
        }
        if (sum && (mode & 0x40))
            fuzz_summarize_render(s, c);
    }
    precis_analysis_free(an);
    precis_summary_free(sum);
    precis_cluster_free(c);
    precis_summarizer_free(s);
    return 0;
}
