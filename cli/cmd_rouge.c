/*
 * cmd_rouge.c -- "precis rouge": scores summaries against references with
 * the library's ROUGE-1.5.5-conformant scorer.  Line i of SUMMARIES is
 * scored against line i of every REFS file (one summary a line, as the
 * official script's SPL input with one line per summary).  Prints the
 * macro averages, or each summary's scores (--per-summary), as a table,
 * TSV or JSON; --bootstrap adds the official confidence intervals.
 */
#include "cli.h"
#include "precis.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char rouge_usage[] =
    "usage: precis rouge [options] SUMMARIES REFS [REFS2 ...]\n"
    "\n"
    "Score summaries against references, number for number as ROUGE-1.5.5.\n"
    "Each file holds one summary per line; line i of every REFS file is a\n"
    "reference for line i of SUMMARIES.  Defaults are the Multi-News\n"
    "protocol, ROUGE-1.5.5.pl -n 4 -m -2 4 -U -w 1.2 (F with alpha 0.5).\n"
    "\n"
    "measures:\n"
    "  -n N              ROUGE-1 .. ROUGE-N, N in 0..4 (default 4)\n"
    "  -x, --no-lcs      no ROUGE-L / ROUGE-W\n"
    "  -w W              ROUGE-W weight (default 1.2; 0 = no ROUGE-W)\n"
    "  -2 N, --skip N    ROUGE-S max skip distance (default 4; -1 = no\n"
    "                    limit); --no-skip: no ROUGE-S\n"
    "  -U, --su          add unigrams to ROUGE-S, i.e. ROUGE-SU (default)\n"
    "      --no-su       plain skip-bigrams (ROUGE-S)\n"
    "text:\n"
    "  -m, --stem        Porter stemming + WordNet exceptions (default)\n"
    "      --no-stem     no stemming\n"
    "  -s, --stopwords   remove the SMART stopwords\n"
    "  -l N              use only the first N words of each text (-l)\n"
    "  -b N              use only the first N bytes of each text (-b)\n"
    "      --exc-adv     \"best\"/\"better\" stem to \"well\", not \"good\" (as\n"
    "                    some official installations do; see precis(1))\n"
    "scores:\n"
    "  -p ALPHA          F = 1/(ALPHA/P + (1-ALPHA)/R) (default 0.5)\n"
    "  -f A|B            several references: A pools counts (default), B\n"
    "                    takes the best reference\n"
    "      --jackknife   several references: mean over leave-one-out sets\n"
    "      --no-jackknife  (default; ROUGE-1.5.5 does not jackknife)\n"
    "  --bootstrap N     N bootstrap resamples for confidence intervals,\n"
    "                    as the official -r N (and its \"Average\")\n"
    "  -c CONF           confidence level in percent (default 95)\n"
    "output:\n"
    "  --per-summary     each summary's R/P/F (TSV, like the official -d)\n"
    "  --format F        text (default), tsv or json\n"
    "  -h, --help        this help\n";

typedef struct rouge_file {
    const char *path;
    char *buf;
    char **line;
    size_t n;
} rouge_file;

/* Checks UTF-8 (and NUL bytes) of s[0..n); returns the offset of the first
   bad byte or SIZE_MAX. */
static size_t rouge_bad_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c == 0)
            return i;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        unsigned long cp;
        if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += k + 1;
    }
    return SIZE_MAX;
}

/* Reads a file and splits it into lines (a final newline ends the last
   line; it does not start another), checking each for UTF-8. */
static int rouge_load(rouge_file *f)
{
    char err[512];
    size_t len;
    f->buf = cli_read_file(f->path, &len, err, sizeof err);
    if (!f->buf) {
        fprintf(stderr, "precis: %s\n", err);
        return -1;
    }
    size_t cap = 0;
    f->n = 0;
    f->line = NULL;
    char *s = f->buf, *end = f->buf + len;
    while (s < end) {
        char *nl = memchr(s, '\n', (size_t)(end - s));
        char *le = nl ? nl : end;
        size_t bad = rouge_bad_utf8((const unsigned char *)s, (size_t)(le - s));
        if (bad != SIZE_MAX) {
            fprintf(stderr, "precis: %s:%zu: %s at byte %zu of the line\n", f->path,
                    f->n + 1, s[bad] ? "invalid UTF-8" : "NUL byte", bad + 1);
            return -1;
        }
        if (f->n == cap) {
            cap = cap ? cap * 2 : 1024;
            char **nlp = realloc(f->line, cap * sizeof *nlp);
            if (!nlp) {
                fprintf(stderr, "precis: %s: out of memory\n", f->path);
                return -1;
            }
            f->line = nlp;
        }
        *le = '\0';
        if (le > s && le[-1] == '\r')
            le[-1] = '\0';
        f->line[f->n++] = s;
        s = le + 1;
    }
    return 0;
}

static int parse_size(const char *s, size_t *out)
{
    char *e;
    errno = 0;
    unsigned long long v = strtoull(s, &e, 10);
    if (errno || e == s || *e || s[0] == '-')
        return -1;
    *out = (size_t)v;
    return 0;
}

static int parse_int(const char *s, long lo, long hi, int *out)
{
    char *e;
    errno = 0;
    long v = strtol(s, &e, 10);
    if (errno || e == s || *e || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static int parse_double(const char *s, double lo, double hi, double *out)
{
    char *e;
    errno = 0;
    double v = strtod(s, &e);
    if (errno || e == s || *e || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

/* The official script sorts its evaluations by id as strings; with ids
   1..n that is this order, which its bootstrap (and so its printed
   "Average") depends on. */
static int cmp_id(const void *a, const void *b)
{
    char x[32], y[32];
    snprintf(x, sizeof x, "%zu", *(const size_t *)a + 1);
    snprintf(y, sizeof y, "%zu", *(const size_t *)b + 1);
    return strcmp(x, y);
}

static const char *tsv_name(const precis_rouge *r, int m, char *buf, size_t cap)
{
    const char *name = precis_rouge_measure_name(r, m);
    snprintf(buf, cap, "R%s", strncmp(name, "ROUGE-", 6) ? name : name + 6);
    return buf;
}

int cmd_rouge(int argc, char **argv)
{
    precis_rouge_options o;
    precis_rouge_options_init(&o);
    size_t boot = 0;
    double conf = 95;
    int per = 0;
    enum { F_TEXT, F_TSV, F_JSON } fmt = F_TEXT;
    const char *files[256];
    size_t nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define NEEDV()                                                                  \
    do {                                                                         \
        if (!v) {                                                                \
            fprintf(stderr, "precis: %s needs a value\n", a);              \
            return EXIT_USAGE;                                                   \
        }                                                                        \
        i++;                                                                     \
    } while (0)
#define BAD()                                                                    \
    do {                                                                         \
        fprintf(stderr, "precis: invalid value '%s' for %s\n", v, a);      \
        return EXIT_USAGE;                                                       \
    } while (0)
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(rouge_usage, stdout);
            return 0;
        } else if (!strcmp(a, "-n")) {
            NEEDV();
            if (parse_int(v, 0, 4, &o.max_n))
                BAD();
        } else if (!strcmp(a, "-x") || !strcmp(a, "--no-lcs")) {
            o.lcs = 0;
        } else if (!strcmp(a, "-w")) {
            NEEDV();
            if (parse_double(v, 0, 10, &o.w_weight))
                BAD();
        } else if (!strcmp(a, "-2") || !strcmp(a, "--skip")) {
            NEEDV();
            if (parse_int(v, -1, 100000, &o.skip))
                BAD();
            if (o.skip < 0)
                o.skip = PRECIS_ROUGE_SKIP_ANY;
        } else if (!strcmp(a, "--no-skip")) {
            o.skip = -1;
        } else if (!strcmp(a, "-U") || !strcmp(a, "-u") || !strcmp(a, "--su")) {
            o.su = 1;
        } else if (!strcmp(a, "--no-su")) {
            o.su = 0;
        } else if (!strcmp(a, "-m") || !strcmp(a, "--stem")) {
            o.stem = 1;
        } else if (!strcmp(a, "--no-stem")) {
            o.stem = 0;
        } else if (!strcmp(a, "-s") || !strcmp(a, "--stopwords")) {
            o.stopwords = 1;
        } else if (!strcmp(a, "-l")) {
            NEEDV();
            if (parse_size(v, &o.limit_words))
                BAD();
        } else if (!strcmp(a, "-b")) {
            NEEDV();
            if (parse_size(v, &o.limit_bytes))
                BAD();
        } else if (!strcmp(a, "--exc-adv")) {
            o.exc_adv = 1;
        } else if (!strcmp(a, "-p")) {
            NEEDV();
            if (parse_double(v, 0, 1, &o.alpha))
                BAD();
        } else if (!strcmp(a, "-f")) {
            NEEDV();
            if (!strcmp(v, "A"))
                o.multi = PRECIS_ROUGE_AVERAGE;
            else if (!strcmp(v, "B"))
                o.multi = PRECIS_ROUGE_BEST;
            else
                BAD();
        } else if (!strcmp(a, "--jackknife")) {
            o.jackknife = 1;
        } else if (!strcmp(a, "--no-jackknife")) {
            o.jackknife = 0;
        } else if (!strcmp(a, "--bootstrap") || !strcmp(a, "-r")) {
            NEEDV();
            if (parse_size(v, &boot) || boot > 1000000)
                BAD();
        } else if (!strcmp(a, "-c")) {
            NEEDV();
            if (parse_double(v, 0, 100, &conf))
                BAD();
        } else if (!strcmp(a, "--per-summary") || !strcmp(a, "-d")) {
            per = 1;
        } else if (!strcmp(a, "--format")) {
            NEEDV();
            if (!strcmp(v, "text"))
                fmt = F_TEXT;
            else if (!strcmp(v, "tsv"))
                fmt = F_TSV;
            else if (!strcmp(v, "json"))
                fmt = F_JSON;
            else
                BAD();
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "precis: rouge: unknown option %s\nusage: precis rouge [options] "
                            "SUMMARIES REFS ...; 'precis rouge --help' lists the options\n", a);
            return EXIT_USAGE;
        } else if (nfiles < sizeof files / sizeof *files) {
            files[nfiles++] = a;
        } else {
            fprintf(stderr, "precis: too many files\n");
            return EXIT_USAGE;
        }
#undef NEEDV
#undef BAD
    }
    if (nfiles < 2) {
        fprintf(stderr, "precis: rouge: need SUMMARIES and at least one REFS file\nusage: "
                        "precis rouge [options] SUMMARIES REFS ...; 'precis rouge --help' "
                        "lists the options\n");
        return EXIT_USAGE;
    }
    if (o.limit_words && o.limit_bytes) {
        fprintf(stderr, "precis: -l and -b exclude each other\n");
        return EXIT_USAGE;
    }

    int rc = EXIT_FATAL;
    rouge_file f[256];
    memset(f, 0, sizeof f);
    precis_rouge *r = NULL;
    precis_rouge_scores *sc = NULL;
    const char **refs = NULL;
    size_t *ord = NULL;
    for (size_t k = 0; k < nfiles; k++) {
        f[k].path = files[k];
        if (rouge_load(&f[k]))
            goto done;
        if (k > 0 && f[k].n != f[0].n) {
            fprintf(stderr,
                    "precis: %s has %zu lines but %s has %zu: line i of each REFS file "
                    "must be a reference for line i of the summaries\n",
                    f[k].path, f[k].n, f[0].path, f[0].n);
            goto done;
        }
    }
    size_t n = f[0].n, nrefs = nfiles - 1;
    if (n == 0) {
        fprintf(stderr, "precis: %s has no summaries\n", f[0].path);
        goto done;
    }
    precis_status st;
    r = precis_rouge_new(&o, &st);
    if (!r) {
        fprintf(stderr, "precis: %s\n", precis_strerror(st));
        goto done;
    }
    sc = malloc(n * sizeof *sc);
    refs = malloc(nrefs * sizeof *refs);
    if (!sc || !refs) {
        fprintf(stderr, "precis: out of memory\n");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < nrefs; k++)
            refs[k] = f[k + 1].line[i];
        st = precis_rouge_score(r, f[0].line[i], refs, nrefs, &sc[i]);
        if (st != PRECIS_OK) {
            fprintf(stderr, "precis: %s:%zu: %s\n", f[0].path, i + 1,
                    precis_rouge_error(r));
            goto done;
        }
    }
    precis_rouge_scores avg, bmean, blo, bhi;
    precis_rouge_average(sc, n, &avg);
    if (boot) {
        ord = malloc(n * sizeof *ord);
        precis_rouge_scores *sorted = malloc(n * sizeof *sorted);
        if (!ord || !sorted) {
            free(sorted);
            fprintf(stderr, "precis: out of memory\n");
            goto done;
        }
        for (size_t i = 0; i < n; i++)
            ord[i] = i;
        qsort(ord, n, sizeof *ord, cmp_id);
        for (size_t i = 0; i < n; i++)
            sorted[i] = sc[ord[i]];
        st = precis_rouge_bootstrap(sorted, n, boot, conf, &bmean, &blo, &bhi);
        free(sorted);
        if (st != PRECIS_OK) {
            fprintf(stderr, "precis: bootstrap: %s\n", precis_strerror(st));
            goto done;
        }
    }

    int on[PRECIS_ROUGE_NMEASURES], non = 0;
    for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
        if ((on[m] = precis_rouge_measure_on(r, m)))
            non++;
    char nb[32];
    if (fmt == F_JSON) {
        printf("{\"n\":%zu,\"references\":%zu,\"measures\":{", n, nrefs);
        int first = 1;
        for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++) {
            if (!on[m])
                continue;
            printf("%s\"%s\":{\"r\":%.5f,\"p\":%.5f,\"f\":%.5f", first ? "" : ",",
                   precis_rouge_measure_name(r, m), avg.m[m].r, avg.m[m].p, avg.m[m].f);
            if (boot)
                printf(",\"bootstrap\":{\"resamples\":%zu,\"conf\":%g,"
                       "\"average\":{\"r\":%.5f,\"p\":%.5f,\"f\":%.5f},"
                       "\"lo\":{\"r\":%.5f,\"p\":%.5f,\"f\":%.5f},"
                       "\"hi\":{\"r\":%.5f,\"p\":%.5f,\"f\":%.5f}}",
                       boot, conf, bmean.m[m].r, bmean.m[m].p, bmean.m[m].f, blo.m[m].r,
                       blo.m[m].p, blo.m[m].f, bhi.m[m].r, bhi.m[m].p, bhi.m[m].f);
            printf("}");
            first = 0;
        }
        printf("}");
        if (per) {
            printf(",\"per_summary\":[");
            for (size_t i = 0; i < n; i++) {
                printf("%s{\"index\":%zu", i ? "," : "", i);
                for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
                    if (on[m])
                        printf(",\"%s\":[%.5f,%.5f,%.5f]", precis_rouge_measure_name(r, m),
                               sc[i].m[m].r, sc[i].m[m].p, sc[i].m[m].f);
                printf("}");
            }
            printf("]");
        }
        printf("}\n");
    } else if (per || fmt == F_TSV) {
        if (per) {
            printf("index");
            for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
                if (on[m]) {
                    tsv_name(r, m, nb, sizeof nb);
                    printf("\t%s_R\t%s_P\t%s_F", nb, nb, nb);
                }
            printf("\n");
            for (size_t i = 0; i < n; i++) {
                printf("%zu", i);
                for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
                    if (on[m])
                        printf("\t%.5f\t%.5f\t%.5f", sc[i].m[m].r, sc[i].m[m].p, sc[i].m[m].f);
                printf("\n");
            }
        } else {
            printf("measure\tR\tP\tF%s\n", boot ? "\tboot_R\tboot_P\tboot_F\tF_lo\tF_hi" : "");
            for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++) {
                if (!on[m])
                    continue;
                printf("%s\t%.5f\t%.5f\t%.5f", precis_rouge_measure_name(r, m), avg.m[m].r,
                       avg.m[m].p, avg.m[m].f);
                if (boot)
                    printf("\t%.5f\t%.5f\t%.5f\t%.5f\t%.5f", bmean.m[m].r, bmean.m[m].p,
                           bmean.m[m].f, blo.m[m].f, bhi.m[m].f);
                printf("\n");
            }
        }
    } else {
        printf("%zu summaries, %zu reference%s each; macro averages\n\n", n, nrefs,
               nrefs == 1 ? "" : "s");
        printf("%-12s %8s %8s %8s\n", "measure", "R", "P", "F");
        for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
            if (on[m])
                printf("%-12s %8.5f %8.5f %8.5f\n", precis_rouge_measure_name(r, m), avg.m[m].r,
                       avg.m[m].p, avg.m[m].f);
        if (boot) {
            printf("\nbootstrap, %zu resamples (as ROUGE-1.5.5 -r %zu -c %g prints them):\n",
                   boot, boot, conf);
            for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++) {
                if (!on[m])
                    continue;
                const char *nm = precis_rouge_measure_name(r, m);
                const char *lab[3] = {"R", "P", "F"};
                for (int q = 0; q < 3; q++) {
                    double vm = q == 0 ? bmean.m[m].r : q == 1 ? bmean.m[m].p : bmean.m[m].f;
                    double vl = q == 0 ? blo.m[m].r : q == 1 ? blo.m[m].p : blo.m[m].f;
                    double vh = q == 0 ? bhi.m[m].r : q == 1 ? bhi.m[m].p : bhi.m[m].f;
                    printf("%s Average_%s: %.5f (%g%%-conf.int. %.5f - %.5f)\n", nm, lab[q], vm,
                           conf, vl, vh);
                }
            }
        }
    }
    rc = fflush(stdout) == 0 ? 0 : EXIT_FATAL;
done:
    precis_rouge_free(r);
    free(sc);
    free(refs);
    free(ord);
    for (size_t k = 0; k < nfiles; k++) {
        free(f[k].buf);
        free(f[k].line);
    }
    return rc;
}
