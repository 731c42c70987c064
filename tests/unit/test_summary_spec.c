/* test_summary_spec.c -- the summary examples of tests/golden/summary.txt:
   each case is a small cluster written out in full and, right after it,
   the summary the library must write for it (method, budget, order and
   format as the case says).  The format is described at the top of the
   file.  A case that differs prints what the library wrote. */
#include "precis.h"
#include "t.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ARTICLES 16

/* The whole spec file, NUL-terminated (the caller frees it); NULL when it
   cannot be read. */
static char *spec_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n = f && !fseek(f, 0, SEEK_END) ? ftell(f) : -1;
    if (n >= 0 && !fseek(f, 0, SEEK_SET) && (buf = malloc((size_t)n + 1))) {
        if (fread(buf, 1, (size_t)n, f) == (size_t)n) {
            buf[n] = '\0';
        } else {
            free(buf);
            buf = NULL;
        }
    }
    if (f)
        fclose(f);
    return buf;
}

/* One case while it is read: pointers into the file's buffer, which is
   cut into NUL-terminated lines. */
typedef struct spec_case {
    const char *name;
    char *options;
    precis_article art[MAX_ARTICLES];
    size_t nart;
    char *text[MAX_ARTICLES]; /* each article's lines joined by "\n" */
    char expected[8192];
} spec_case;

/* "key=value key=value" (values without spaces) into the article. */
static void article_fields(precis_article *a, char *s)
{
    for (char *save = NULL, *kv = strtok_r(s, " ", &save); kv; kv = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq)
            continue;
        *eq = '\0';
        if (!strcmp(kv, "id"))
            a->id = eq + 1;
        else if (!strcmp(kv, "source"))
            a->source = eq + 1;
        else if (!strcmp(kv, "date"))
            a->date = eq + 1;
    }
}

/* The case's options line ("method=lead words=30 order=chrono
   format=text") into opt and fmt; 0, or -1 for a word it does not know. */
static int case_options(char *s, precis_options *opt, precis_format *fmt)
{
    precis_options_init(opt);
    *fmt = PRECIS_FORMAT_TEXT;
    for (char *save = NULL, *kv = strtok_r(s, " ", &save); kv; kv = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq)
            return -1;
        *eq++ = '\0';
        if (!strcmp(kv, "method")) {
            if (precis_method_parse(eq, &opt->method))
                return -1;
        } else if (!strcmp(kv, "format")) {
            if (precis_format_parse(eq, fmt))
                return -1;
        } else if (!strcmp(kv, "words") || !strcmp(kv, "sentences")) {
            opt->budget = (size_t)strtoul(eq, NULL, 10);
            opt->unit = kv[0] == 'w' ? PRECIS_UNIT_WORDS : PRECIS_UNIT_SENTENCES;
        } else if (!strcmp(kv, "order")) {
            opt->order = !strcmp(eq, "source") ? PRECIS_ORDER_SOURCE
                         : !strcmp(eq, "score") ? PRECIS_ORDER_SCORE
                                                : PRECIS_ORDER_CHRONO;
        } else {
            return -1;
        }
    }
    return 0;
}

static int cases_run;

static void run_case(spec_case *c)
{
    cases_run++;
    precis_options opt;
    precis_format fmt;
    char opts[256];
    snprintf(opts, sizeof opts, "%s", c->options ? c->options : "");
    T_EQ_INT(case_options(opts, &opt, &fmt), 0);
    precis_summarizer *s = precis_summarizer_new(&opt, NULL);
    precis_cluster *cl = precis_cluster_new();
    T_CHECK(s && cl);
    for (size_t i = 0; cl && i < c->nart; i++) {
        c->art[i].text = c->text[i];
        c->art[i].text_len = strlen(c->text[i]);
        T_EQ_INT(precis_cluster_add(cl, &c->art[i]), PRECIS_OK);
    }
    precis_summary *sum = NULL;
    char *out = NULL;
    size_t olen = 0;
    if (s && cl && precis_summarize(s, cl, &sum) == PRECIS_OK &&
        precis_summary_render(sum, cl, fmt, &out, &olen) == PRECIS_OK) {
        while (olen && out[olen - 1] == '\n')
            out[--olen] = '\0';
        if (strcmp(out, c->expected)) {
            t_failed++;
            fprintf(stderr, "summary case '%s' differs.\n--- expected:\n%s\n--- got:\n%s\n---\n",
                    c->name, c->expected, out);
        }
    } else {
        t_failed++;
        fprintf(stderr, "summary case '%s': no summary\n", c->name);
    }
    t_checks++;
    precis_free(out);
    precis_summary_free(sum);
    precis_cluster_free(cl);
    precis_summarizer_free(s);
}

/* Appends line to *dst (a "\n" first unless it is empty). */
static void join_line(char *dst, size_t cap, const char *line)
{
    size_t n = strlen(dst);
    snprintf(dst + n, cap - n, "%s%s", n ? "\n" : "", line);
}

static void test_spec(void)
{
    char *buf = spec_file(PRECIS_TEST_DIR "/golden/summary.txt");
    T_CHECK(buf != NULL);
    if (!buf)
        return;
    /* each article's text and the expected output are copied (joined
       lines); the other fields point into buf */
    static char texts[MAX_ARTICLES][8192];
    spec_case c;
    memset(&c, 0, sizeof c);
    int in_case = 0, part = 0; /* part: 0 options, 1 articles, 2 expected */
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save);; line = strtok_r(NULL, "\n", &save)) {
        /* strtok_r skips empty lines: article text needs none, and a
           blank line of the expected output is written "." */
        if (!line || !strncmp(line, "=== ", 4)) {
            if (in_case)
                run_case(&c);
            if (!line)
                break;
            /* the articles stay for a case that gives none */
            c.name = line + 4;
            c.options = NULL;
            c.expected[0] = '\0';
            in_case = 1;
            part = 0;
            continue;
        }
        if (!in_case)
            continue; /* the comments at the top */
        if (part == 0 && !strncmp(line, "options:", 8)) {
            c.options = line + 8 + (line[8] == ' ');
        } else if (!strncmp(line, "--- ", 4) && part < 2 && c.nart < MAX_ARTICLES) {
            if (part == 0)
                c.nart = 0; /* this case has its own articles */
            part = 1;
            c.text[c.nart] = texts[c.nart];
            texts[c.nart][0] = '\0';
            article_fields(&c.art[c.nart], line + 4);
            c.nart++;
        } else if (!strcmp(line, ">>>")) {
            part = 2;
        } else if (part == 1 && c.nart) {
            join_line(c.text[c.nart - 1], sizeof texts[0], line);
        } else if (part == 2) {
            /* a blank line of the expected output is written "." alone */
            join_line(c.expected, sizeof c.expected, strcmp(line, ".") ? line : "");
        }
    }
    free(buf);
    fprintf(stderr, "     %d summary cases\n", cases_run);
    T_CHECK(cases_run >= 8);
}

int main(void)
{
    T_RUN(test_spec);
    return t_finish();
}
