/*
 * cmd_rouge.c -- "precis rouge": scores summaries against references with
 * the library's ROUGE-1.5.5-conformant scorer.  Line i of SUMMARIES is
 * scored against line i of every REFS file (one summary a line, as the
 * official script's SPL input with one line per summary).  Prints the
 * macro averages, or each summary's scores (--per-summary), as a table,
 * TSV or JSON; --bootstrap adds the official confidence intervals.
 *
 * Three steps: rouge_parse (the option table into rouge_args), rouge_load
 * and rouge_score (the files, every summary's scores, the averages and
 * the bootstrap into rouge_result), then one printer per output form.
 */
#include "opts.h"

#include <errno.h>
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

enum { F_TEXT, F_TSV, F_JSON };
enum { OPT_NO_LCS = 1000, OPT_NO_SKIP, OPT_NO_SU, OPT_NO_STEM, OPT_EXC_ADV, OPT_JACKKNIFE,
       OPT_NO_JACKKNIFE, OPT_FORMAT };
#define ROUGE_MAX_FILES 256

/* What the command line asks for. */
typedef struct rouge_args {
    precis_rouge_options o;
    size_t boot; /* bootstrap resamples, 0 = none */
    double conf; /* their confidence level, percent */
    int per;     /* --per-summary */
    int fmt;     /* F_TEXT, F_TSV, F_JSON */
    const char *files[ROUGE_MAX_FILES]; /* SUMMARIES, then the REFS */
    size_t nfiles;
} rouge_args;

typedef struct rouge_file {
    const char *path;
    char *buf;
    char **line;
    size_t n;
} rouge_file;

/* What the run found: every summary's scores, their macro average and,
   with a bootstrap, its mean and interval. */
typedef struct rouge_result {
    rouge_file f[ROUGE_MAX_FILES];
    size_t n, nrefs; /* summaries, references each */
    precis_rouge *r;
    precis_rouge_scores *sc, avg, bmean, blo, bhi;
    int on[PRECIS_ROUGE_NMEASURES]; /* the measures computed */
} rouge_result;

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

/* The index of s in names[0..n), or -1. */
static int pick(const char *s, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(s, names[i]))
            return i;
    return -1;
}

/* "precis: invalid value 'V' for OPT", OPT as typed (--name, or -c). */
static int bad_value(int c, char **argv)
{
    const char *a = optarg == argv[optind - 1] ? argv[optind - 2] : argv[optind - 1];
    if (a[0] == '-' && a[1] == '-')
        fprintf(stderr, "precis: invalid value '%s' for %.*s\n", optarg, (int)strcspn(a, "="),
                a);
    else
        fprintf(stderr, "precis: invalid value '%s' for -%c\n", optarg, c);
    return EXIT_USAGE;
}

/* Option c (with optarg) into a; 0, or -1 for a bad value. */
static int rouge_opt(rouge_args *a, int c)
{
    static const char *const multi[] = {"A", "B"};
    static const char *const formats[] = {"text", "tsv", "json"};
    precis_rouge_options *o = &a->o;
    int k;
    switch (c) {
    case 'n': return parse_int(optarg, 0, 4, &o->max_n);
    case 'x': o->lcs = 0; return 0;
    case 'w': return parse_double(optarg, 0, 10, &o->w_weight);
    case '2':
        if (parse_int(optarg, -1, 100000, &o->skip))
            return -1;
        if (o->skip < 0)
            o->skip = PRECIS_ROUGE_SKIP_ANY;
        return 0;
    case OPT_NO_SKIP: o->skip = -1; return 0;
    case 'U':
    case 'u': o->su = 1; return 0;
    case OPT_NO_SU: o->su = 0; return 0;
    case 'm': o->stem = 1; return 0;
    case OPT_NO_STEM: o->stem = 0; return 0;
    case 's': o->stopwords = 1; return 0;
    case 'l': return cli_parse_size(optarg, &o->limit_words);
    case 'b': return cli_parse_size(optarg, &o->limit_bytes);
    case OPT_EXC_ADV: o->exc_adv = 1; return 0;
    case 'p': return parse_double(optarg, 0, 1, &o->alpha);
    case 'f':
        if ((k = pick(optarg, multi, 2)) < 0)
            return -1;
        o->multi = k ? PRECIS_ROUGE_BEST : PRECIS_ROUGE_AVERAGE;
        return 0;
    case OPT_JACKKNIFE: o->jackknife = 1; return 0;
    case OPT_NO_JACKKNIFE: o->jackknife = 0; return 0;
    case 'r': return cli_parse_size(optarg, &a->boot) || a->boot > 1000000 ? -1 : 0;
    case 'c': return parse_double(optarg, 0, 100, &a->conf);
    case 'd': a->per = 1; return 0;
    case OPT_FORMAT: return (a->fmt = pick(optarg, formats, 3)) < 0 ? -1 : 0;
    default: return -1;
    }
}

/* The command line into a; -1 to go on, else the exit status (--help, a
   usage error). */
static int rouge_parse(rouge_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"no-lcs", no_argument, 0, 'x'},
        {"skip", required_argument, 0, '2'},
        {"no-skip", no_argument, 0, OPT_NO_SKIP},
        {"su", no_argument, 0, 'U'},
        {"no-su", no_argument, 0, OPT_NO_SU},
        {"stem", no_argument, 0, 'm'},
        {"no-stem", no_argument, 0, OPT_NO_STEM},
        {"stopwords", no_argument, 0, 's'},
        {"exc-adv", no_argument, 0, OPT_EXC_ADV},
        {"jackknife", no_argument, 0, OPT_JACKKNIFE},
        {"no-jackknife", no_argument, 0, OPT_NO_JACKKNIFE},
        {"bootstrap", required_argument, 0, 'r'},
        {"per-summary", no_argument, 0, 'd'},
        {"format", required_argument, 0, OPT_FORMAT},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    memset(a, 0, sizeof *a);
    precis_rouge_options_init(&a->o);
    a->conf = 95;
    a->fmt = F_TEXT;
    int c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "n:xw:2:Uumsl:b:p:f:r:c:dh", longopts, "rouge")) != -1) {
        if (c == -2)
            return EXIT_USAGE;
        if (c == 'h') {
            fputs(rouge_usage, stdout);
            return 0;
        }
        if (rouge_opt(a, c))
            return bad_value(c, argv);
    }
    for (; optind < argc; optind++) {
        if (a->nfiles == ROUGE_MAX_FILES) {
            fprintf(stderr, "precis: too many files\n");
            return EXIT_USAGE;
        }
        a->files[a->nfiles++] = argv[optind];
    }
    if (a->nfiles < 2)
        return cli_bad_option("rouge", "need SUMMARIES and at least one REFS file");
    if (a->o.limit_words && a->o.limit_bytes) {
        fprintf(stderr, "precis: -l and -b exclude each other\n");
        return EXIT_USAGE;
    }
    return -1;
}

/* Reads a file and splits it into lines (a final newline ends the last
   line; it does not start another), checking each for UTF-8. */
static int rouge_load_file(rouge_file *f)
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
        size_t bad;
        if (precis_utf8_check(s, (size_t)(le - s), &bad)) {
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

/* Every file, with as many lines as the summaries; 0 or -1 (reported). */
static int rouge_load(const rouge_args *a, rouge_result *res)
{
    rouge_file *f = res->f;
    for (size_t k = 0; k < a->nfiles; k++) {
        f[k].path = a->files[k];
        if (rouge_load_file(&f[k]))
            return -1;
        if (k > 0 && f[k].n != f[0].n) {
            fprintf(stderr,
                    "precis: %s has %zu lines but %s has %zu: line i of each REFS file "
                    "must be a reference for line i of the summaries\n",
                    f[k].path, f[k].n, f[0].path, f[0].n);
            return -1;
        }
    }
    res->n = f[0].n;
    res->nrefs = a->nfiles - 1;
    if (res->n == 0) {
        fprintf(stderr, "precis: %s has no summaries\n", f[0].path);
        return -1;
    }
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

/* The bootstrap over the scores in the official script's order. */
static int rouge_bootstrap(const rouge_args *a, rouge_result *res)
{
    size_t n = res->n, *ord = malloc(n * sizeof *ord);
    precis_rouge_scores *sorted = malloc(n * sizeof *sorted);
    if (!ord || !sorted) {
        free(ord);
        free(sorted);
        fprintf(stderr, "precis: out of memory\n");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        ord[i] = i;
    qsort(ord, n, sizeof *ord, cmp_id);
    for (size_t i = 0; i < n; i++)
        sorted[i] = res->sc[ord[i]];
    precis_status st =
        precis_rouge_bootstrap(sorted, n, a->boot, a->conf, &res->bmean, &res->blo, &res->bhi);
    free(sorted);
    free(ord);
    if (st != PRECIS_OK) {
        fprintf(stderr, "precis: bootstrap: %s\n", precis_strerror(st));
        return -1;
    }
    return 0;
}

/* Scores line i of the summaries against line i of every REFS file, then
   the averages (and the bootstrap); 0 or -1 (reported). */
static int rouge_score(const rouge_args *a, rouge_result *res)
{
    precis_status st;
    res->r = precis_rouge_new(&a->o, &st);
    if (!res->r) {
        fprintf(stderr, "precis: %s\n", precis_strerror(st));
        return -1;
    }
    size_t n = res->n, nrefs = res->nrefs;
    const char **refs = malloc(nrefs * sizeof *refs);
    res->sc = malloc(n * sizeof *res->sc);
    if (!res->sc || !refs) {
        free(refs);
        fprintf(stderr, "precis: out of memory\n");
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < nrefs; k++)
            refs[k] = res->f[k + 1].line[i];
        st = precis_rouge_score(res->r, res->f[0].line[i], refs, nrefs, &res->sc[i]);
        if (st != PRECIS_OK) {
            fprintf(stderr, "precis: %s:%zu: %s\n", res->f[0].path, i + 1,
                    precis_rouge_error(res->r));
            free(refs);
            return -1;
        }
    }
    free(refs);
    precis_rouge_average(res->sc, n, &res->avg);
    for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
        res->on[m] = precis_rouge_measure_on(res->r, m);
    return a->boot ? rouge_bootstrap(a, res) : 0;
}

static void print_json(const rouge_args *a, const rouge_result *res)
{
    const precis_rouge_scores *avg = &res->avg, *bm = &res->bmean, *lo = &res->blo,
                              *hi = &res->bhi;
    printf("{\"n\":%zu,\"references\":%zu,\"measures\":{", res->n, res->nrefs);
    int first = 1;
    for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++) {
        if (!res->on[m])
            continue;
        printf("%s\"%s\":{\"r\":%.5f,\"p\":%.5f,\"f\":%.5f", first ? "" : ",",
               precis_rouge_measure_name(res->r, m), avg->m[m].r, avg->m[m].p, avg->m[m].f);
        if (a->boot)
            printf(",\"bootstrap\":{\"resamples\":%zu,\"conf\":%g,"
                   "\"average\":{\"r\":%.5f,\"p\":%.5f,\"f\":%.5f},"
                   "\"lo\":{\"r\":%.5f,\"p\":%.5f,\"f\":%.5f},"
                   "\"hi\":{\"r\":%.5f,\"p\":%.5f,\"f\":%.5f}}",
                   a->boot, a->conf, bm->m[m].r, bm->m[m].p, bm->m[m].f, lo->m[m].r,
                   lo->m[m].p, lo->m[m].f, hi->m[m].r, hi->m[m].p, hi->m[m].f);
        printf("}");
        first = 0;
    }
    printf("}");
    if (a->per) {
        printf(",\"per_summary\":[");
        for (size_t i = 0; i < res->n; i++) {
            const precis_rouge_scores *sc = &res->sc[i];
            printf("%s{\"index\":%zu", i ? "," : "", i);
            for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
                if (res->on[m])
                    printf(",\"%s\":[%.5f,%.5f,%.5f]", precis_rouge_measure_name(res->r, m),
                           sc->m[m].r, sc->m[m].p, sc->m[m].f);
            printf("}");
        }
        printf("]");
    }
    printf("}\n");
}

/* Each summary's R/P/F, one TSV row each (the official -d). */
static void print_per_summary(const rouge_result *res)
{
    printf("index");
    for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
        if (res->on[m]) {
            const char *name = precis_rouge_measure_name(res->r, m);
            if (!strncmp(name, "ROUGE-", 6))
                name += 6;
            printf("\tR%s_R\tR%s_P\tR%s_F", name, name, name);
        }
    printf("\n");
    for (size_t i = 0; i < res->n; i++) {
        printf("%zu", i);
        for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
            if (res->on[m])
                printf("\t%.5f\t%.5f\t%.5f", res->sc[i].m[m].r, res->sc[i].m[m].p,
                       res->sc[i].m[m].f);
        printf("\n");
    }
}

static void print_tsv(const rouge_args *a, const rouge_result *res)
{
    printf("measure\tR\tP\tF%s\n", a->boot ? "\tboot_R\tboot_P\tboot_F\tF_lo\tF_hi" : "");
    for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++) {
        if (!res->on[m])
            continue;
        const precis_rouge_prf *v = &res->avg.m[m], *bm = &res->bmean.m[m];
        printf("%s\t%.5f\t%.5f\t%.5f", precis_rouge_measure_name(res->r, m), v->r, v->p, v->f);
        if (a->boot)
            printf("\t%.5f\t%.5f\t%.5f\t%.5f\t%.5f", bm->r, bm->p, bm->f, res->blo.m[m].f,
                   res->bhi.m[m].f);
        printf("\n");
    }
}

/* The table of macro averages, and the bootstrap lines as ROUGE-1.5.5
   prints them. */
static void print_text(const rouge_args *a, const rouge_result *res)
{
    printf("%zu summaries, %zu reference%s each; macro averages\n\n", res->n, res->nrefs,
           res->nrefs == 1 ? "" : "s");
    printf("%-12s %8s %8s %8s\n", "measure", "R", "P", "F");
    for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++)
        if (res->on[m])
            printf("%-12s %8.5f %8.5f %8.5f\n", precis_rouge_measure_name(res->r, m),
                   res->avg.m[m].r, res->avg.m[m].p, res->avg.m[m].f);
    if (!a->boot)
        return;
    printf("\nbootstrap, %zu resamples (as ROUGE-1.5.5 -r %zu -c %g prints them):\n", a->boot,
           a->boot, a->conf);
    for (int m = 0; m < PRECIS_ROUGE_NMEASURES; m++) {
        if (!res->on[m])
            continue;
        const char *nm = precis_rouge_measure_name(res->r, m);
        const precis_rouge_prf *bm = &res->bmean.m[m], *lo = &res->blo.m[m],
                               *hi = &res->bhi.m[m];
        printf("%s Average_R: %.5f (%g%%-conf.int. %.5f - %.5f)\n", nm, bm->r, a->conf, lo->r,
               hi->r);
        printf("%s Average_P: %.5f (%g%%-conf.int. %.5f - %.5f)\n", nm, bm->p, a->conf, lo->p,
               hi->p);
        printf("%s Average_F: %.5f (%g%%-conf.int. %.5f - %.5f)\n", nm, bm->f, a->conf, lo->f,
               hi->f);
    }
}

int cmd_rouge(int argc, char **argv)
{
    rouge_args a;
    int rc = rouge_parse(&a, argc, argv);
    if (rc >= 0)
        return rc;
    rouge_result res;
    memset(&res, 0, sizeof res);
    rc = EXIT_FATAL;
    if (!rouge_load(&a, &res) && !rouge_score(&a, &res)) {
        if (a.fmt == F_JSON)
            print_json(&a, &res);
        else if (a.per)
            print_per_summary(&res);
        else if (a.fmt == F_TSV)
            print_tsv(&a, &res);
        else
            print_text(&a, &res);
        rc = fflush(stdout) == 0 ? 0 : EXIT_FATAL;
    }
    precis_rouge_free(res.r);
    free(res.sc);
    for (size_t k = 0; k < a.nfiles; k++) {
        free(res.f[k].buf);
        free(res.f[k].line);
    }
    return rc;
}
