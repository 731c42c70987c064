/*
 * lang_pack.c -- build tool: compiles the language packs data/lang/<code>/
 * into one C source (lang_data.c) that the library links in.
 *
 *   lang_pack OUT.c DIR...      (each DIR is data/lang/<code>)
 *
 * Every file LANG_FILES (src/lang.h) names is read if present: one entry
 * a line, '#' starts a comment, the first field is the word (lower-cased
 * here), the others are tags (m f p n first s abbr lower honorific title end
 * num strong common indef conj dir range rel additive, a number, or for units.txt the canonical unit: the last
 * field, the others the unit's word or phrase, "por ciento %"); in
 * org_phrases.txt and place_names.txt the whole line is the entry; a units.txt
 * field "+duration" is a tag, not a word (a unit of time); in first_names.txt a
 * field "=william" gives the full form of a short given name ("bill"), kept
 * where units.txt keeps the canonical unit.  Entries of one pack are
 * merged by word and sorted bytewise.  settings.txt gives the pack's number
 * format ("decimal ," and "group . space"; default "decimal ." and "group ,").
 * references.txt lists sentence openers that point at the sentence before,
 * a word or phrase a line ("at the time"), "drop" after a connective that
 * can be dropped ("however, drop"), "ok" after a phrase that is no
 * reference though it opens with one ("il y a ok"): tags LT_REFNEED /
 * LT_REFDROP / LT_REFOK on the entry, no class.  furniture.txt lists
 * page-furniture patterns, the whole line each (lower-cased here; a
 * leading "^" anchors it at the sentence start, "<" makes it a lead cut
 * off the sentence, "=" the whole sentence), kept in file order in the
 * pack's furniture array.  qualifiers.txt lists the words and phrases
 * that qualify a number after them ("more than atleast"): tag LT_QUAL, the
 * kind in val.  settings.txt may also list the suffixes glued to numbers
 * ("ordinal st nd rd th", "money m 6 bn 9").  verbs.txt lists finite verb
 * forms a word list can know (auxiliaries, modals, irregular pasts): the
 * value LANG_V_FINITE (a value, not a tag bit) unless the word has a
 * value of its own ("may", a month), no class.
 * A malformed line stops the build with "FILE:LINE: what is wrong".
 */
#include "lang.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_(f, bit) #f,
static const char *const file_names[] = {LANG_FILES(NAME_)};
#undef NAME_

typedef struct ent {
    char w[64];
    unsigned cls;
    uint64_t tags;
    long val;
    char unit[32];
} ent;

static ent *ents;
static size_t nents, capents;

static int cmp_ent(const void *a, const void *b)
{
    return strcmp(((const ent *)a)->w, ((const ent *)b)->w);
}

static ent *find_or_add(const char *w)
{
    for (size_t i = 0; i < nents; i++)
        if (!strcmp(ents[i].w, w))
            return &ents[i];
    if (nents == capents) {
        capents = capents ? capents * 2 : 256;
        ents = realloc(ents, capents * sizeof *ents);
        if (!ents) {
            fprintf(stderr, "lang_pack: out of memory\n");
            exit(1);
        }
    }
    ent *e = &ents[nents++];
    memset(e, 0, sizeof *e);
    snprintf(e->w, sizeof e->w, "%s", w);
    return e;
}

static void put_str(FILE *o, const char *s)
{
    fputc('"', o);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x80 && *p != '"' && *p != '\\' && *p >= 0x20)
            fputc(*p, o);
        else
            fprintf(o, "\\%03o", *p);
    fputc('"', o);
}

static int tag_of(const char *t, uint64_t *tags, long *val, char *unit, int is_unit)
{
    static const struct {
        const char *t;
        uint64_t bit;
    } tg[] = {{"m", LT_M},          {"f", LT_F},         {"p", LT_PL},        {"n", LT_NEUT},
              {"first", LT_FIRST},      {"s", LT_SUBJ},      {"abbr", LT_DOT},    {"lower", LT_LOWER},
              {"honorific", LT_HONOR}, {"title", LT_ATITLE}, {"end", LT_AEND}, {"num", LT_ANUM},
              {"strong", LT_STRONG},   {"common", LT_COMMON},
              {"indef", LT_INDEF},     {"conj", LT_CONJ},   {"dir", LT_DIR},
              {"range", LT_RANGE},     {"rel", LT_REL},
              {"org", LT_ORGJOIN},     {"participle", LT_PART}, {"saint", LT_SAINT},
              {"factor", LT_FACTOR},   {"past", LT_PAST},   {"demonym", LT_DEMONYM},
              {"basic", LT_BASIC},     {"question", LT_QUEST}, {"agent", LT_AGENT},
              {"passive", LT_PASSIVE}, {"attrib", LT_ATTRIB},
              {"absolute", LT_ABSOLUTE}, {"attributive", LT_ATTRIBUTIVE},
              {"nosubj", LT_NOSUBJ},   {"quoting", LT_QUOTING}, {"after", LT_AFTER},
              {"generic", LT_GENERIC}, {"second", LT_SECOND},
              {"particle", LT_PARTICLE}, {"sub", LT_SUB}, {"surname", LT_SURNAME},
              {"generation", LT_GENERATION}};
    if (is_unit && t[0] == '+') { /* a tag among a unit's words: "+duration" */
        if (strcmp(t, "+duration"))
            return -1;
        *tags |= LT_DUR;
        return 0;
    }
    if (is_unit) {
        snprintf(unit, 32, "%s", t);
        return 0;
    }
    if (t[0] == '=' && t[1] && strlen(t) < 32) { /* first_names.txt: "bill m =william" */
        snprintf(unit, 32, "%s", t + 1);
        for (char *q = unit; *q; q++)
            *q = (char)tolower((unsigned char)*q);
        return 0;
    }
    if (!strcmp(t, "additive")) { /* a value, not a tag bit (lang.h) */
        *val = LANG_V_ADDITIVE;
        return 0;
    }
    for (size_t i = 0; i < sizeof tg / sizeof tg[0]; i++)
        if (!strcmp(t, tg[i].t)) {
            *tags |= tg[i].bit;
            return 0;
        }
    char *end;
    errno = 0;
    long v = strtol(t, &end, 10);
    if (*end || errno)
        return -1;
    *val = v;
    return 0;
}

/* Reads the next line of in into line (cap bytes), without its comment;
   counts lines in *lineno; 0 at the end of the file. */
static int next_line(FILE *in, char *line, int cap, unsigned *lineno)
{
    if (!fgets(line, cap, in))
        return 0;
    ++*lineno;
    char *h = strchr(line, '#');
    if (h)
        *h = 0;
    return 1;
}

/* Splits line into at most 16 blank-separated fields; their number. */
static int split_fields(char *line, char **fields)
{
    int nf = 0;
    for (char *tok = strtok(line, " \t\r\n"); tok && nf < 16; tok = strtok(NULL, " \t\r\n"))
        fields[nf++] = tok;
    return nf;
}

/* Joins fields[0..nf) with single spaces into w, whose size is cap
   (each field needs room for itself, a blank and the NUL); -1 when too
   long. */
static int join_fields(char *const *fields, int nf, char *w, size_t cap)
{
    w[0] = 0;
    for (int i = 0; i < nf; i++) {
        if (strlen(w) + strlen(fields[i]) + 2 > cap)
            return -1;
        if (i)
            strcat(w, " ");
        strcat(w, fields[i]);
    }
    return 0;
}

static void read_file(const char *dir, size_t f)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.txt", dir, file_names[f]);
    FILE *in = fopen(path, "r");
    if (!in)
        return; /* a pack may leave a class empty */
    int phrase = !strcmp(file_names[f], "org_phrases") || !strcmp(file_names[f], "place_names");
    int is_unit = !strcmp(file_names[f], "units");
    char line[1024];
    unsigned lineno = 0;
    while (next_line(in, line, sizeof line, &lineno)) {
        char *fields[16];
        int nf = split_fields(line, fields);
        if (!nf)
            continue;
        uint64_t utags = 0; /* units.txt: "+tag" fields, taken out of the words */
        if (is_unit) {
            int k = 0;
            for (int i = 0; i < nf; i++) {
                long v = 0;
                char u[32];
                if (fields[i][0] != '+')
                    fields[k++] = fields[i];
                else if (tag_of(fields[i], &utags, &v, u, 1))
                    goto bad;
            }
            nf = k;
            if (!nf)
                goto bad;
        }
        char w[64] = "";
        if (is_unit && nf >= 3) { /* a phrase unit: "por ciento %" */
            if (join_fields(fields, nf - 1, w, sizeof w))
                goto bad;
            fields[1] = fields[nf - 1];
            nf = 2;
        } else if (phrase) {
            if (join_fields(fields, nf, w, sizeof w))
                goto bad;
            nf = 1;
        } else {
            if (strlen(fields[0]) >= 33)
                goto bad;
            strcpy(w, fields[0]);
        }
        for (char *p = w; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        ent *e = find_or_add(w);
        e->cls |= 1u << f;
        e->tags |= utags;
        for (int i = 1; i < nf; i++)
            if (tag_of(fields[i], &e->tags, &e->val, e->unit, is_unit))
                goto bad;
        continue;
    bad:
        fprintf(stderr, "lang_pack: %s:%u: bad entry\n", path, lineno);
        fclose(in);
        exit(1);
    }
    fclose(in);
}

/* Folds the capitals of UTF-8 s in place: ASCII, and the Latin-1
   capitals A-grave .. THORN (as src/lang.c folds a word). */
static void fold(char *s)
{
    for (unsigned char *p = (unsigned char *)s; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (unsigned char)(*p + 32);
        else if (p > (unsigned char *)s && p[-1] == 0xC3 && *p >= 0x80 && *p <= 0x9E && *p != 0x97)
            *p = (unsigned char)(*p + 0x20);
}

/* The tag-only lists, which give no class of their own. */
enum { LIST_REFS, LIST_VERBS, LIST_PEOPLE };

/* DIR/references.txt (LIST_REFS): "word ... [drop|ok]" a line;
   DIR/verbs.txt (LIST_VERBS): a word a line, value LANG_V_FINITE when it
   has none, and the tag "author" (LT_AUTHOR) or "be" (LT_BE) after it; DIR/people.txt
   (LIST_PEOPLE): a common noun naming one person a line, "m" or "f" after
   it when it shows a gender (LT_PERSON, LT_M, LT_F). */
static void read_tagged(const char *dir, int list)
{
    static const char *const names[] = {"references.txt", "verbs.txt", "people.txt"};
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[list]);
    FILE *in = fopen(path, "r");
    if (!in)
        return;
    int refs = list == LIST_REFS;
    char line[1024];
    unsigned lineno = 0;
    while (next_line(in, line, sizeof line, &lineno)) {
        char *fields[16];
        int nf = split_fields(line, fields);
        if (!nf)
            continue;
        uint64_t tag = list == LIST_PEOPLE ? LT_PERSON : LT_REFNEED;
        if (list == LIST_VERBS && nf == 2 && !strcmp(fields[1], "author")) {
            tag = LT_AUTHOR;
            nf--;
        } else if (list == LIST_VERBS && nf == 2 && !strcmp(fields[1], "be")) {
            tag = LT_BE;
            nf--;
        }
        if (list == LIST_PEOPLE && nf == 2 && (!strcmp(fields[1], "m") || !strcmp(fields[1], "f"))) {
            tag |= fields[1][0] == 'm' ? LT_M : LT_F;
            nf--;
        }
        if (!refs && nf > 1)
            goto bad;
        if (refs && nf > 1 && !strcmp(fields[nf - 1], "drop")) {
            tag = LT_REFDROP;
            nf--;
        } else if (refs && nf > 1 && !strcmp(fields[nf - 1], "ok")) {
            tag = LT_REFOK;
            nf--;
        }
        char w[64];
        if (join_fields(fields, nf, w, 33)) /* at most 32 bytes (lang.c) */
            goto bad;
        fold(w);
        ent *e = find_or_add(w);
        if (list == LIST_PEOPLE) {
            e->tags |= tag;
            continue;
        }
        if (list == LIST_VERBS) {
            if (!e->val)
                e->val = LANG_V_FINITE;
            if (tag == LT_AUTHOR || tag == LT_BE)
                e->tags |= tag;
            continue;
        }
        if (e->tags & (LT_REFNEED | LT_REFDROP | LT_REFOK) & ~tag)
            goto bad; /* both kinds */
        e->tags |= tag;
        continue;
    bad:
        fprintf(stderr, "lang_pack: %s:%u: bad entry\n", path, lineno);
        fclose(in);
        exit(1);
    }
    fclose(in);
}

/* DIR/qualifiers.txt: "word ... KIND" a line, KIND about | atleast |
   atmost: tag LT_QUAL, val LANG_Q_*. */
static void read_qualifiers(const char *dir)
{
    static const char *const kinds[] = {"about", "atleast", "atmost"};
    char path[4096];
    snprintf(path, sizeof path, "%s/qualifiers.txt", dir);
    FILE *in = fopen(path, "r");
    if (!in)
        return;
    char line[1024];
    unsigned lineno = 0;
    while (next_line(in, line, sizeof line, &lineno)) {
        char *fields[16];
        int nf = split_fields(line, fields);
        if (!nf)
            continue;
        long kind = 0;
        for (int k = 0; k < 3 && nf > 1; k++)
            if (!strcmp(fields[nf - 1], kinds[k]))
                kind = LANG_Q_ABOUT + k;
        char w[64];
        if (!kind || join_fields(fields, nf - 1, w, 33))
            goto bad;
        fold(w);
        ent *e = find_or_add(w);
        if (e->val && e->val != kind)
            goto bad; /* the value field is the word's other class's */
        e->tags |= LT_QUAL;
        e->val = kind;
        continue;
    bad:
        fprintf(stderr, "lang_pack: %s:%u: bad entry\n", path, lineno);
        fclose(in);
        exit(1);
    }
    fclose(in);
}

/* DIR/furniture.txt written as the array furnD[] of o; its size. */
static size_t write_furniture(FILE *o, const char *dir, int d)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/furniture.txt", dir);
    FILE *in = fopen(path, "r");
    fprintf(o, "static const lang_mark furn%d[] = {\n", d);
    size_t n = 0;
    char line[1024];
    unsigned lineno = 0;
    while (in && next_line(in, line, sizeof line, &lineno)) {
        char *b = line, *e = line + strlen(line);
        while (*b == ' ' || *b == '\t')
            b++;
        while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
            e--;
        *e = 0;
        int kind = *b == '^' ? LANG_MARK_START
                   : *b == '<' ? LANG_MARK_LEAD
                   : *b == '=' ? LANG_MARK_WHOLE
                               : LANG_MARK_ANY;
        b += kind != LANG_MARK_ANY;
        if (!*b)
            continue;
        if (strlen(b) > 255 || n == LANG_FURNITURE_MAX) {
            fprintf(stderr, "lang_pack: %s:%u: %s\n", path, lineno,
                    n == LANG_FURNITURE_MAX ? "too many patterns" : "pattern too long");
            exit(1);
        }
        fold(b);
        fputs("    {", o);
        put_str(o, b);
        fprintf(o, ", %d},\n", kind);
        n++;
    }
    if (!n)
        fputs("    {\"\", 0},\n", o);
    fputs("};\n", o);
    if (in)
        fclose(in);
    return n;
}

/* The pack's number format from DIR/settings.txt: "decimal C" (C is '.'
   or ',') and "group M..." (M: ',', '.', or "space"); "ordinal S..." and
   "money S N ..." (suffixes glued to a number: of an ordinal, and of an
   amount, standing for ten to the N) written to o as the array sufD[] of
   pack d, their number in *nsuf. */
static void read_settings(FILE *o, const char *dir, int d, char *decimal, char group[4],
                          size_t *nsuf)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/settings.txt", dir);
    *decimal = '.';
    strcpy(group, ",");
    *nsuf = 0;
    fprintf(o, "static const lang_suffix suf%d[] = {\n", d);
    FILE *in = fopen(path, "r");
    char line[1024];
    unsigned lineno = 0;
    while (in && next_line(in, line, sizeof line, &lineno)) {
        char *key = strtok(line, " \t\r\n");
        if (!key)
            continue;
        char *v = strtok(NULL, " \t\r\n");
        int money = !strcmp(key, "money");
        if ((money || !strcmp(key, "ordinal")) && v) {
            for (; v; v = strtok(NULL, " \t\r\n")) {
                long n = 0;
                if (money) {
                    char *num = strtok(NULL, " \t\r\n"), *end = NULL;
                    n = num ? strtol(num, &end, 10) : 0;
                    if (!num || *end || n < 1 || n > 12)
                        break;
                }
                size_t k = 0;
                while (v[k] >= 'a' && v[k] <= 'z')
                    k++;
                if (v[k] || k > 8)
                    break;
                fputs("    {", o);
                put_str(o, v);
                fprintf(o, ", %ld},\n", n);
                ++*nsuf;
            }
            if (!v)
                continue;
        }
        if (!strcmp(key, "decimal") && v && (!strcmp(v, ".") || !strcmp(v, ",")) &&
            !strtok(NULL, " \t\r\n")) {
            *decimal = v[0];
            continue;
        }
        if (!strcmp(key, "group") && v) {
            size_t n = 0;
            for (; v && n < 3; v = strtok(NULL, " \t\r\n")) {
                if (!strcmp(v, ".") || !strcmp(v, ","))
                    group[n++] = v[0];
                else if (!strcmp(v, "space"))
                    group[n++] = ' ';
                else
                    break;
            }
            group[n] = 0;
            if (!v)
                continue;
        }
        fprintf(stderr, "lang_pack: %s:%u: bad setting\n", path, lineno);
        fclose(in);
        exit(1);
    }
    if (!*nsuf)
        fputs("    {\"\", 0},\n", o);
    fputs("};\n", o);
    if (in)
        fclose(in);
    if (strchr(group, *decimal)) {
        fprintf(stderr, "lang_pack: %s: the decimal mark also groups thousands\n", path);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: lang_pack OUT.c DIR...\n");
        return 2;
    }
    FILE *o = fopen(argv[1], "w");
    if (!o) {
        fprintf(stderr, "lang_pack: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    fprintf(o, "/* Generated from data/lang by cmake/lang_pack.c; do not edit. */\n"
               "#include \"lang.h\"\n\n");
    int npacks = argc - 2;
    size_t *nfurn = calloc((size_t)npacks + 1, sizeof *nfurn);
    size_t *nsuf = calloc((size_t)npacks + 1, sizeof *nsuf);
    char *decimal = calloc((size_t)npacks + 1, 1);
    char(*group)[4] = calloc((size_t)npacks + 1, sizeof *group);
    if (!nfurn || !nsuf || !decimal || !group) {
        fprintf(stderr, "lang_pack: out of memory\n");
        return 1;
    }
    for (int d = 0; d < npacks; d++) {
        nents = 0;
        for (size_t f = 0; f < LANG_NFILES; f++)
            read_file(argv[d + 2], f);
        read_tagged(argv[d + 2], LIST_REFS);
        read_qualifiers(argv[d + 2]);
        read_tagged(argv[d + 2], LIST_VERBS); /* after every value of another kind */
        read_tagged(argv[d + 2], LIST_PEOPLE);
        qsort(ents, nents, sizeof *ents, cmp_ent);
        fprintf(o, "static const lang_word pack%d[] = {\n", d);
        for (size_t i = 0; i < nents; i++) {
            fputs("    {", o);
            put_str(o, ents[i].w);
            fprintf(o, ", 0x%xu, 0x%llxull, %ld, ", ents[i].cls, (unsigned long long)ents[i].tags,
                    ents[i].val);
            if (ents[i].unit[0])
                put_str(o, ents[i].unit);
            else
                fputs("NULL", o);
            fputs("},\n", o);
        }
        if (!nents)
            fputs("    {\"\", 0, 0, 0, NULL},\n", o);
        fputs("};\n", o);
        nfurn[d] = write_furniture(o, argv[d + 2], d);
        read_settings(o, argv[d + 2], d, &decimal[d], group[d], &nsuf[d]);
    }
    fprintf(o, "\nconst lang_pack precis_lang_packs[] = {\n");
    for (int d = 0; d < npacks; d++) {
        const char *code = strrchr(argv[d + 2], '/');
        code = code ? code + 1 : argv[d + 2];
        fputs("    {", o);
        put_str(o, code);
        fprintf(o, ", pack%d, sizeof pack%d / sizeof pack%d[0], {'%c', ", d, d, d, decimal[d]);
        put_str(o, group[d]);
        fprintf(o, ", suf%d, %zu}, furn%d, %zu},\n", d, nsuf[d], d, nfurn[d]);
    }
    if (!npacks)
        fputs("    {\"\", NULL, 0, {'.', \",\", NULL, 0}, NULL, 0},\n", o);
    fprintf(o, "};\nconst size_t precis_lang_npacks = %d;\n", npacks);
    free(ents);
    free(nfurn);
    free(nsuf);
    free(decimal);
    free(group);
    if (fclose(o)) {
        fprintf(stderr, "lang_pack: %s: write failed\n", argv[1]);
        return 1;
    }
    return 0;
}
