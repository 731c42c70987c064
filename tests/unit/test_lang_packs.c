/* test_lang_packs.c -- the Spanish, French and Italian packs (data/lang/es,
   fr, it) picked by language name, and their words at work: the lookup
   (titles with gender, number words, multipliers, months, weekdays,
   speech verbs, "según"/"selon"/"secondo"), the normaliser's stop
   words, the splitter
   keeping "Sra.", "M." and "Dott." inside a sentence, and one short news
   text per language (written for this test) through precis_analyze: a
   title before a name, a number word with its value, a speech verb
   finding a quote's speaker, a date. */
#include "split.h"
#include "lang.h"
#include "norm.h"
#include "precis.h"
#include "t.h"

#include <string.h>

/* ---- the lookup ------------------------------------------------------- */

static const lang_word *word(const lang *l, const char *w)
{
    return lang_word_of(l, w, strlen(w));
}

static void test_pick(void)
{
    T_CHECK(lang_pack_find("spanish") && !strcmp(lang_pack_find("spanish")->code, "es"));
    T_CHECK(lang_pack_find("es") == lang_pack_find("spanish"));
    T_CHECK(lang_pack_find("french") && !strcmp(lang_pack_find("french")->code, "fr"));
    T_CHECK(lang_pack_find("fr") == lang_pack_find("french"));
    T_CHECK(lang_pack_find("italian") && !strcmp(lang_pack_find("italian")->code, "it"));
    T_CHECK(lang_pack_find("it") == lang_pack_find("italian"));
    T_CHECK(lang_pack_find("english") != lang_pack_find("spanish"));
    /* a Snowball language without a pack gets an empty table */
    lang *de = lang_new("german");
    T_CHECK(de && !lang_get_pack(de) && !word(de, "und"));
    lang_free(de);
}

static void test_words_es(void)
{
    lang *l = lang_new("spanish");
    T_CHECK(l != NULL);
    if (!l)
        return;
    const lang_word *e = word(l, "Sra");
    T_CHECK(e && (e->cls & LW_TITLE) && (e->tags & LT_F) && (e->cls & LW_ABBR));
    e = word(l, "ministro");
    T_CHECK(e && (e->cls & LW_TITLE) && (e->tags & LT_M));
    e = word(l, "veintidós");
    T_CHECK(e && (e->cls & LW_NUMW) && e->val == 22);
    e = word(l, "millones");
    T_CHECK(e && (e->cls & LW_MULT) && e->val == 6);
    e = word(l, "Marzo");
    T_CHECK(e && (e->cls & LW_MONTH) && e->val == 3);
    e = word(l, "miércoles");
    T_CHECK(e && (e->cls & LW_WDAY) && e->val == 3);
    T_CHECK(lang_class(l, "dijo", 4) & LW_SAY);
    T_CHECK(lang_class(l, "Según", strlen("Según")) & LW_ACC); /* É-style capital folded */
    T_CHECK(lang_class(l, "de", 2) & LW_STOP);
    e = word(l, "ella");
    T_CHECK(e && (e->cls & LW_PRON) && (e->tags & LT_F) && (e->tags & LT_SUBJ));
    e = word(l, "kilómetros");
    T_CHECK(e && (e->cls & LW_UNIT) && e->unit && !strcmp(e->unit, "kilometers"));
    T_CHECK(lang_phrase(l, "Casa", 4, "Blanca", 6) != NULL);
    /* an English word is no Spanish one */
    T_CHECK(!word(l, "said"));
    lang_free(l);
}

static void test_words_fr(void)
{
    lang *l = lang_new("french");
    T_CHECK(l != NULL);
    if (!l)
        return;
    const lang_word *e = word(l, "Mme");
    T_CHECK(e && (e->cls & LW_TITLE) && (e->tags & LT_F));
    e = word(l, "M");
    T_CHECK(e && (e->cls & LW_TITLE) && (e->tags & LT_M) && (e->cls & LW_ABBR));
    e = word(l, "quatre-vingt-douze");
    T_CHECK(e && (e->cls & LW_NUMW) && e->val == 92);
    e = word(l, "soixante-et-onze");
    T_CHECK(e && (e->cls & LW_NUMW) && e->val == 71);
    e = word(l, "milliards");
    T_CHECK(e && (e->cls & LW_MULT) && e->val == 9);
    e = word(l, "août");
    T_CHECK(e && (e->cls & LW_MONTH) && e->val == 8);
    e = word(l, "Dimanche");
    T_CHECK(e && (e->cls & LW_WDAY) && e->val == 7);
    T_CHECK(lang_class(l, "déclaré", strlen("déclaré")) & LW_SAY);
    T_CHECK(lang_class(l, "selon", 5) & LW_ACC);
    e = word(l, "a-t-elle");
    T_CHECK(e && (e->cls & LW_PRON) && (e->tags & LT_F) && (e->tags & LT_SUBJ));
    T_CHECK(lang_class(l, "les", 3) & LW_STOP);
    lang_free(l);
}

static void test_words_it(void)
{
    lang *l = lang_new("italian");
    T_CHECK(l != NULL);
    if (!l)
        return;
    const lang_word *e = word(l, "Dott");
    T_CHECK(e && (e->cls & LW_TITLE) && (e->tags & LT_M) && (e->cls & LW_ABBR));
    e = word(l, "trentotto");
    T_CHECK(e && (e->cls & LW_NUMW) && e->val == 38);
    e = word(l, "ventitré");
    T_CHECK(e && (e->cls & LW_NUMW) && e->val == 23);
    e = word(l, "tremila");
    T_CHECK(e && (e->cls & LW_NUMW) && e->val == 3000);
    e = word(l, "miliardi");
    T_CHECK(e && (e->cls & LW_MULT) && e->val == 9);
    e = word(l, "settembre");
    T_CHECK(e && (e->cls & LW_MONTH) && e->val == 9);
    e = word(l, "venerdì");
    T_CHECK(e && (e->cls & LW_WDAY) && e->val == 5);
    T_CHECK(lang_class(l, "dichiarato", 10) & LW_SAY);
    T_CHECK(lang_class(l, "secondo", 7) & LW_ACC);
    T_CHECK(lang_class(l, "della", 5) & LW_STOP);
    lang_free(l);
}

/* ---- the normaliser's stop words -------------------------------------- */

typedef struct stops {
    int flag[8];
    size_t n;
} stops;

static int stop_cb(void *ud, uint32_t stem, int stop, size_t start, size_t end)
{
    stops *s = ud;
    (void)stem;
    (void)start;
    (void)end;
    if (s->n < 8)
        s->flag[s->n] = stop;
    s->n++;
    return 0;
}

/* The stop flags of the words of text in language name, as a string of
   0 and 1. */
static void stop_flags(const char *name, const char *text, char *out)
{
    precis_status st;
    norm *n = norm_new(name, &st);
    stops s = {{0}, 0};
    T_CHECK(n && !norm_tokens(n, text, strlen(text), stop_cb, &s));
    for (size_t i = 0; i < s.n && i < 8; i++)
        out[i] = s.flag[i] ? '1' : '0';
    out[s.n < 8 ? s.n : 8] = 0;
    norm_free(n);
}

static void test_stop(void)
{
    char f[9];
    stop_flags("spanish", "La casa de Ortega", f);
    T_EQ_STR(f, "1010");
    stop_flags("french", "Les digues du Rhône", f);
    T_EQ_STR(f, "1010");
    stop_flags("italian", "Il ponte della valle", f);
    T_EQ_STR(f, "1010");
    stop_flags("german", "Die Brücke und der Fluss", f); /* no pack: no stop words */
    T_EQ_STR(f, "00000");
}

/* ---- the splitter ----------------------------------------------------- */

static int count_cb(void *ud, size_t start, size_t end)
{
    (void)start;
    (void)end;
    (*(size_t *)ud)++;
    return 0;
}

static size_t sentences(const char *pack, const char *text)
{
    size_t n = 0;
    T_EQ_INT(split_text_lang(pack ? lang_pack_find(pack) : NULL, text, strlen(text), count_cb, &n),
             0);
    return n;
}

static void test_split(void)
{
    const char *es = "La jueza recibió a la Sra. Ortega y a la Dra. Ruiz en su despacho. "
                     "Después habló el Sr. Gómez.";
    T_EQ_INT(sentences("es", es), 2);
    T_EQ_INT(sentences("en", es), 4); /* the English pack has no "Sra.", "Dra." */
    const char *fr = "Le préfet a salué M. Le Goff et Mme Martin devant la mairie. "
                     "Ensuite, M. Dubois a pris la parole.";
    T_EQ_INT(sentences("fr", fr), 2);
    const char *it = "Il sindaco ha ricevuto il Dott. Bianchi e l'Avv. Conti in municipio. "
                     "Poi ha parlato il Prof. Esposito.";
    T_EQ_INT(sentences("it", it), 2);
    T_EQ_INT(sentences("en", it), 4); /* no "Dott.", "Avv." in English */
    /* a sentence still ends at an ordinary word */
    T_EQ_INT(sentences("es", "Llegó tarde. Nadie lo esperaba."), 2);
    /* "EE. UU." goes on before a lower-case verb, ends before an opener */
    T_EQ_INT(sentences("es", "Fue una represalia por un atentado del que EE. UU. "
                             "responsabilizó al régimen libio. Nadie lo esperaba."),
             2);
    T_EQ_INT(sentences("es", "Llegaron las sanciones de EE. UU. El régimen calló."), 2);
}

/* ---- the analysis of one text ----------------------------------------- */

typedef struct run {
    precis_summarizer *s;
    precis_cluster *c;
    precis_analysis *an;
    const precis_quote *q;
    size_t nq;
    const precis_fact *f;
    size_t nf;
} run;

static int run_text(run *r, const char *language, const char *text)
{
    memset(r, 0, sizeof *r);
    precis_options o;
    precis_options_init(&o);
    o.lang = language;
    precis_status st;
    r->s = precis_summarizer_new(&o, &st);
    r->c = precis_cluster_new();
    T_CHECK(r->s && r->c);
    if (!r->s || !r->c)
        return -1;
    precis_article a = {"1", "test", "2024-03-14", NULL, text, strlen(text)};
    T_EQ_INT(precis_cluster_add(r->c, &a), PRECIS_OK);
    T_EQ_INT(precis_analyze(r->s, r->c, &r->an), PRECIS_OK);
    if (!r->an)
        return -1;
    r->nq = precis_analysis_quotes(r->an, &r->q);
    r->nf = precis_analysis_facts(r->an, &r->f);
    return 0;
}

static void run_free(run *r)
{
    precis_analysis_free(r->an);
    precis_cluster_free(r->c);
    precis_summarizer_free(r->s);
}

/* The speaker of the quote containing needle ("(none)" without one,
   "(no quote)" when there is no such quote). */
static const char *speaker(const run *r, const char *needle)
{
    for (size_t i = 0; i < r->nq; i++)
        if (strstr(r->q[i].text, needle))
            return r->q[i].speaker ? r->q[i].speaker : "(none)";
    return "(no quote)";
}

static const precis_fact *fact(const run *r, precis_fact_kind k, const char *key)
{
    for (size_t i = 0; i < r->nf; i++)
        if (r->f[i].kind == k && !strcmp(r->f[i].key, key))
            return &r->f[i];
    return NULL;
}

static double value(const run *r, const char *key)
{
    const precis_fact *f = fact(r, PRECIS_FACT_NUMBER, key);
    return f ? f->value : -1;
}

/* One text per language and what its analysis must find: two quotes
   with their speakers (needle, speaker), a person, numbers (key, value)
   and dates (key). */
typedef struct expect {
    const char *lang, *text;
    const char *quote[2][2];
    const char *person;
    struct {
        const char *key;
        double value;
    } num[3];
    const char *date[2];
} expect;

static const expect texts[] = {
    {"spanish",
     "La Sra. Carmen Ortega visitó el miércoles 13 de marzo de 2024 los pueblos inundados. "
     "\"Vamos a reconstruir cada escuela antes del invierno\", dijo Ortega a los periodistas. "
     "Veintidós pueblos siguen sin electricidad y dos mil soldados trabajan en la zona.\n\n"
     "«Nadie se quedará sin techo», aseguró el alcalde Luis Ferrer. "
     "Las lluvias dejaron cien heridos.",
     {{"reconstruir cada escuela", "Carmen Ortega"}, {"Nadie se quedará", "Luis Ferrer"}},
     "Carmen Ortega",
     {{"pueblos", 22}, {"soldados", 2000}, {"heridos", 100}},
     {"2024-03-13", "wednesday"}},
    {"french",
     "M. Laurent Dubois, ministre de l'Intérieur, a visité jeudi 14 mars 2024 les quartiers "
     "inondés de Lyon. \"Nous ne laisserons personne sans abri\", a-t-il déclaré devant la "
     "presse. Quatre-vingt-douze familles ont été relogées et deux cents soldats sont "
     "arrivés.\n\n"
     "« Les digues tiendront jusqu'à lundi », selon Mme Claire Martin.",
     {{"personne sans abri", "Laurent Dubois"}, {"Les digues tiendront", "Claire Martin"}},
     "Laurent Dubois",
     {{"familles", 92}, {"soldats", 200}, {NULL, 0}},
     {"2024-03-14", "thursday"}},
    {"italian",
     "Il sindaco Marco Rossi ha incontrato martedì 12 marzo 2024 il Dott. Paolo Bianchi in "
     "prefettura. Rossi ha detto: \"Ricostruiremo ogni ponte entro l'estate\". "
     "Trentacinque famiglie sono ancora fuori casa e tremila volontari lavorano nella "
     "valle.\n\n"
     "«Serve più tempo per le strade», spiega Bianchi.",
     {{"Ricostruiremo ogni ponte", "Marco Rossi"}, {"Serve più tempo", "Paolo Bianchi"}},
     "Paolo Bianchi",
     {{"famiglie", 35}, {"volontari", 3000}, {NULL, 0}},
     {"2024-03-12", "tuesday"}},
};

static void test_texts(void)
{
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const expect *e = &texts[i];
        run r;
        if (!run_text(&r, e->lang, e->text)) {
            for (int k = 0; k < 2; k++)
                T_EQ_STR(speaker(&r, e->quote[k][0]), e->quote[k][1]);
            T_CHECK(fact(&r, PRECIS_FACT_PERSON, e->person) != NULL);
            for (int k = 0; k < 3 && e->num[k].key; k++)
                T_CHECK(value(&r, e->num[k].key) == e->num[k].value);
            for (int k = 0; k < 2 && e->date[k]; k++)
                T_CHECK(fact(&r, PRECIS_FACT_DATE, e->date[k]) != NULL);
        }
        run_free(&r);
    }
}

int main(void)
{
    T_RUN(test_pick);
    T_RUN(test_words_es);
    T_RUN(test_words_fr);
    T_RUN(test_words_it);
    T_RUN(test_stop);
    T_RUN(test_split);
    T_RUN(test_texts);
    return t_finish();
}
