/* test_readable.c -- summaries a reader can take alone (readable.c): one
   case per defect kind, in sentences written for the test in the style of
   real wire copy. */
#include "summary.h"
#include "readable.h"
#include "select.h"
#include <ctype.h>
#include "t.h"

static size_t join(const char *text, precis_span *sp, uint8_t *broken)
{
    size_t n = 0;
    precis_span *all = NULL;
    T_EQ_INT(precis_split(text, strlen(text), &all, &n), PRECIS_OK);
    memcpy(sp, all, n * sizeof *sp);
    precis_free(all);
    lang *L = lang_new("english");
    size_t k = readable_join(L, text, sp, n, broken);
    lang_free(L);
    return k;
}

/* whole quotations: a quote and the sentences up to its close are one
   unit; one never closed is no unit at all */
static void test_quote_units(void)
{
    static const char *const marks[][2] = {{"\"", "\""},
                                           {"\xE2\x80\x9C", "\xE2\x80\x9D"},
                                           {"``", "''"},
                                           {"\xC2\xAB", "\xC2\xBB"},
                                           {"\xE2\x80\x9E", "\xE2\x80\x9C"},
                                           {"\xE2\x80\x9A", "\xE2\x80\x98"}};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        char text[512];
        snprintf(text, sizeof text,
                 "The mayor spoke on Monday. %sWe agreed that we would do so. It was the right "
                 "call for the town,%s Mayor Okafor said. The vote is on Friday.",
                 marks[k][0], marks[k][1]);
        precis_span sp[8];
        uint8_t broken[8];
        size_t n = join(text, sp, broken);
        T_EQ_INT(n, 3);
        T_CHECK(!broken[0] && !broken[1] && !broken[2]);
        T_CHECK(strncmp(text + sp[1].start, marks[k][0], strlen(marks[k][0])) == 0);
        T_CHECK(strstr(text + sp[1].start, "Okafor said.") < text + sp[1].end);
    }
    /* open at the end of its paragraph: every sentence of it is out */
    const char *open = "He said the plan was done. \"I agreed that we would do so. We did.\n\n"
                       "The council met on Tuesday.";
    precis_span sp[8];
    uint8_t broken[8];
    size_t n = join(open, sp, broken);
    T_EQ_INT(n, 4);
    T_CHECK(!broken[0] && broken[1] && broken[2] && !broken[3]);
    /* the second half of a quote, alone */
    const char *half = "My son came home.\xE2\x80\x9D She left the room.";
    n = join(half, sp, broken);
    T_EQ_INT(n, 2);
    T_CHECK(broken[0] && !broken[1]);
    /* a question and its short attribution are one unit */
    const char *ask = "\"Is this what the town wants?\" Walsh asked. The vote is Friday.";
    n = join(ask, sp, broken);
    T_EQ_INT(n, 2);
    T_CHECK(strstr(ask + sp[0].start, "asked.") != NULL && sp[0].end > 40);
    /* ... also with a short tail after a comma */
    const char *tail = "\"What difference does it make?\" Mrs. Clinton said, her voice rising. "
                       "The hearing went on.";
    n = join(tail, sp, broken);
    T_EQ_INT(n, 2);
    T_CHECK(!broken[0] && !strncmp(tail + sp[0].end - 13, "voice rising.", 13));
    /* the last paragraph of a quotation over several paragraphs: its
       sentences before the closing mark are inside it */
    const char *last = "\xE2\x80\x9CThe war was not of his choosing.\n\n"
                       "There are those who think we should pull out. But one of them should "
                       "not lead the party.\xE2\x80\x9D\n\nThe party met on Monday.";
    n = join(last, sp, broken);
    T_EQ_INT(n, 4);
    T_CHECK(broken[1] && broken[2] && !broken[3]);
    /* a quoted question and its speaker are one sentence, however long
       the tail */
    const char *own = "\"Why now?\" Mr. Ames said, and then the council voted to close the "
                      "old bridge for the whole of the winter season.";
    n = join(own, sp, broken);
    T_EQ_INT(n, 1);
    T_CHECK(!broken[0]);
    /* a curly quotation inside another: the sentences after the inner
       one's close are still inside the outer, which never closes here */
    const char *nest = "Kristol wrote to him.\n\n\xE2\x80\x9CThe war was not \xE2\x80\x9C"
                       "a war of his choosing.\xE2\x80\x9D Republicans have supported the "
                       "effort.\n\nThe party met on Monday.";
    n = join(nest, sp, broken);
    T_CHECK(n == 4 && !broken[0] && broken[1] && broken[2] && !broken[3]);
    /* a sentence to a line: the lines after one that ends inside a
       quotation go on with it up to the line whose mark closes it (a
       straight mark alone in its line), unless they open with a mark */
    const char *lines = "The team named its coach .\n\"He is family .\nHe bleeds red . He "
                        "knows the town , \" team president Ann Ode said .\nThe coach starts "
                        "on Tuesday .\n\"We are ready .\n\"We start now , \" she said .";
    n = join(lines, sp, broken);
    T_CHECK(n == 7 && !broken[0] && broken[1] && broken[2] && broken[3] && !broken[4] &&
            broken[5] && !broken[6]);
    /* an opening curly mark typed where the closing one belongs */
    const char *typo = "\xE2\x80\x9CWho can guarantee you happiness?\xE2\x80\x9C he asked. "
                       "The crowd laughed.";
    n = join(typo, sp, broken);
    T_CHECK(n == 2 && !broken[0] && !broken[1]);
}

/* dangling references: openers that need the sentence before */
static void test_openers(void)
{
    size_t d;
    lang *L = lang_new("english");
    T_CHECK(L != NULL);
    static const char *const needs[] = {"He said the gates would stay shut.",
                                        "This was the third flood in a decade.",
                                        "Another was shot dead by police.",
                                        "A fourth was taken to hospital.",
                                        "At the time, Shin said the plan was sound.",
                                        "Here is what he can expect.",
                                        "Their homes were under water by noon.",
                                        "It passed in a 396-9 vote.",
                                        "It's a long shot bid.",
                                        "It\xE2\x80\x99s a long shot bid.",
                                        "In fact, the party may have gained more.",
                                        "Of course though it is not official yet.",
                                        "Well, it is better late than never.",
                                        "Not because Mo Cheeks was long for the job."};
    for (size_t i = 0; i < sizeof needs / sizeof needs[0]; i++)
        T_EQ_INT(readable_opener(L, needs[i], strlen(needs[i]), &d), READABLE_NEEDS_PREV);
    const char *but = "But the council voted against the plan.";
    T_EQ_INT(readable_opener(L, but, strlen(but), &d), READABLE_DROPPABLE);
    T_EQ_INT(d, 4);
    const char *however = "However, the river kept rising.";
    T_EQ_INT(readable_opener(L, however, strlen(however), &d), READABLE_DROPPABLE);
    T_EQ_INT(d, 9);
    static const char *const fine[] = {"Hector Ruiz said the gates would stay shut.",
                                       "Thistle Farm lost its barns.",
                                       "Butler County was evacuated.",
                                       "The river kept rising.",
                                       "Well-known engineer Sara Quill inspected the gates.",
                                       "Wells in Marlow ran dry.",
                                       "Nothing was saved from the barns."};
    for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
        T_EQ_INT(readable_opener(L, fine[i], strlen(fine[i]), &d), 0);
    lang_free(L);
}

static precis_cluster *cluster_of(const char *const *texts, size_t n)
{
    precis_cluster *c = precis_cluster_new();
    for (size_t i = 0; i < n; i++) {
        precis_article a = {.text = texts[i], .text_len = strlen(texts[i])};
        T_EQ_INT(precis_cluster_add(c, &a), PRECIS_OK);
    }
    return c;
}

/* The sentence of the model that contains needle. */
static const msent *find(const model *m, const precis_cluster *c, const char *needle)
{
    for (size_t i = 0; i < m->ns; i++) {
        size_t len;
        const char *t = precis_cluster_article_text(c, m->s[i].art, &len);
        const char *hit = strstr(t + m->s[i].start, needle);
        if (hit && hit < t + m->s[i].end)
            return &m->s[i];
    }
    return NULL;
}

static const char *const flood[] = {
    "Gov. Miriam Okafor-Hale ordered the Kessel floodgates opened on Saturday. "
    "\"We will not leave these families to the water,\" she said. "
    "But the farmers of the basin said they had not been warned.\n\n"
    "Okafor-Hale said in a statement. \"We cannot leave such people without help.\"\n\n"
    "\"Nobody at the ministry answered the phones on that long night.\"\n\n"
    "The investigation\n\n"
    "SEPANG, March 15 ?\n\n"
    "Out of media player. Press enter to return.\n",
    "Governor Miriam Okafor-Hale said on Saturday that the gates would open. "
    "\"We cannot leave these families alone against the water,\" Okafor-Hale said. "
    "The river crested at 9.4 meters on Sunday morning, officials said.\n"};

/* named speakers, droppable connectives and one statement once */
static void test_prepare(void)
{
    precis_cluster *c = cluster_of(flood, 2);
    precis_summarizer *s = precis_summarizer_new(NULL, NULL);
    model m;
    norm *nm;
    arena *tmp;
    T_EQ_INT(summarizer_model(s, c, &m, &nm, &tmp, 1), PRECIS_OK);
    T_EQ_INT(readable_prepare(&m, c, nm, tmp, summarizer_cache(s), 0), PRECIS_OK);
    /* ", she said" gets the name */
    const msent *q = find(&m, c, "not leave these families");
    T_CHECK(q != NULL);
    if (q) {
        T_EQ_INT(q->edit, EDIT_NAME);
        T_CHECK(q->speaker && strstr(q->speaker, "Okafor-Hale"));
        size_t len;
        const char *text = precis_cluster_article_text(c, q->art, &len);
        char *out, *rep;
        size_t ol, es, ee, rl;
        T_EQ_INT(readable_apply(q, text, tmp, &out, &ol, &es, &ee, &rep, &rl), 0);
        T_CHECK(strstr(out, ",\" Miriam Okafor-Hale said.") != NULL);
        T_CHECK(strncmp(text + es, "she", ee - es) == 0 && ee - es == 3);
        /* both wordings of the statement are one variant set */
        const msent *v = find(&m, c, "alone against the water");
        T_CHECK(v != NULL && v->qvar != 0 && v->qvar == q->qvar);
    }
    /* in cased text "But" waits for its antecedent (test_drop_lower: the
       edit in lower-cased text) */
    const msent *b = find(&m, c, "But the farmers");
    T_CHECK(b != NULL);
    if (b) {
        T_EQ_INT(b->edit, EDIT_NONE);
        T_CHECK(b->flags & SENT_NEEDS_PREV);
    }
    /* a quotation of unknown speaker waits for the sentence before it */
    const msent *nb = find(&m, c, "Nobody at the ministry");
    T_CHECK(nb != NULL && nb->edit != EDIT_NAME &&
            (nb->edit == EDIT_APPEND || (nb->flags & (SENT_NEEDS_PREV | SENT_QBROKEN))));
    /* a quotation named only by the sentence before gets ", X said." in
       place of its final stop */
    const msent *u = find(&m, c, "such people without help");
    T_CHECK(u != NULL && u->edit == EDIT_APPEND);
    if (u) {
        size_t len;
        const char *text = precis_cluster_article_text(c, u->art, &len);
        char *out, *rep;
        size_t ol, es, ee, rl;
        T_EQ_INT(readable_apply(u, text, tmp, &out, &ol, &es, &ee, &rep, &rl), 0);
        T_EQ_STR(out, "\"We cannot leave such people without help,\" Miriam Okafor-Hale said.");
    }
    /* without edits, the pronoun quote waits for its sentence */
    T_EQ_INT(summarizer_model(s, c, &m, &nm, &tmp, 1), PRECIS_OK);
    T_EQ_INT(readable_prepare(&m, c, nm, tmp, summarizer_cache(s), 1), PRECIS_OK);
    q = find(&m, c, "not leave these families");
    T_CHECK(q && q->edit == EDIT_NONE && (q->flags & SENT_NEEDS_PREV));
    precis_summarizer_free(s);
    precis_cluster_free(c);
}

/* One report of one actor once: the same proposal told three ways (by
   name, by surname, by the role the cluster gives the name) is one
   statement; what the same actor did besides is another. */
static const char *const border[] = {
    "Interior Minister Dalia Fenwick proposed on Monday to close the three crossings at "
    "Hollin, Marsk and Tarn to all freight traffic until the end of the month. "
    "Prime Minister Tomas Ruud rejected the proposal hours later, saying that the harvest "
    "exports could not wait. "
    "Ruud spoke to reporters in Marsk on Tuesday. \"We will not close anything,\" he said.\n",
    "Fenwick also wants customs posts at Hollin and Tarn shut to lorries, citing fuel "
    "smuggling. "
    "Members of the harvest council met the prime minister in Marsk on Wednesday.\n",
    "The prime minister's interior minister urged the cabinet to bar trucks from Hollin "
    "and Tarn for four weeks. "
    "Ruud also invited the council members of the border towns to a harvest dinner in the "
    "capital. Two members of the council said they would attend.\n"};

static void test_statements(void)
{
    precis_cluster *c = cluster_of(border, 3);
    precis_summarizer *s = precis_summarizer_new(NULL, NULL);
    model m;
    norm *nm;
    arena *tmp;
    T_EQ_INT(summarizer_model(s, c, &m, &nm, &tmp, 1), PRECIS_OK);
    T_EQ_INT(readable_prepare(&m, c, nm, tmp, summarizer_cache(s), 0), PRECIS_OK);
    const msent *full = find(&m, c, "Interior Minister Dalia Fenwick proposed");
    const msent *surname = find(&m, c, "Fenwick also wants");
    const msent *role = find(&m, c, "interior minister urged");
    const msent *pm = find(&m, c, "Prime Minister Tomas Ruud rejected");
    const msent *dinner = find(&m, c, "Ruud also invited");
    const msent *members = find(&m, c, "Members of the harvest council");
    T_CHECK(full && surname && role && pm && dinner && members);
    if (full && surname && role && pm && dinner && members) {
        T_CHECK(full->actor != 0 && full->actor == surname->actor);
        T_CHECK(role->actor == full->actor); /* "interior minister" is Fenwick here */
        T_CHECK(pm->actor != 0 && pm->actor != full->actor && dinner->actor == pm->actor);
        T_EQ_INT(members->actor, 0); /* "members" is written lower-case too */
    }
    /* a quotation of five words needs its speaker named too */
    const msent *q = find(&m, c, "We will not close anything");
    T_CHECK(q && q->edit == EDIT_NAME && q->speaker && strstr(q->speaker, "Ruud"));
    precis_summarizer_free(s);
    for (size_t words = 40; words <= 120; words += 40) {
        precis_options o;
        precis_options_init(&o);
        o.budget = words;
        s = precis_summarizer_new(&o, NULL);
        precis_summary *sum = NULL;
        T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
        char *text = NULL;
        T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_TEXT, &text, NULL), PRECIS_OK);
        printf("--- %zu words: %s", words, text ? text : "");
        int told = (text && strstr(text, "Fenwick proposed")) +
                   (text && strstr(text, "Fenwick also wants")) +
                   (text && strstr(text, "interior minister urged"));
        T_CHECK(told <= 1);
        if (words == 120) /* the freed words go to what else was done */
            T_CHECK(text && (strstr(text, "harvest dinner") || strstr(text, "Ruud rejected")));
        precis_free(text);
        precis_summary_free(sum);
        precis_summarizer_free(s);
    }
    precis_cluster_free(c);
}

/* An abbreviated title is part of the name it stands before: "Mr. Harlow"
   is the Harlow that "Mayor Dan Harlow" names, so the two wordings of one
   report are one statement (before, "Mr" alone was taken for an opening
   function word, and the sentence had no actor). */
/* A cluster of texts and readable_prepare's view of its model, as the
   summarizer builds them (edits allowed). */
typedef struct prepared {
    precis_cluster *c;
    precis_summarizer *s;
    model m;
} prepared;

static int prepare_open(prepared *P, const char *const *texts, size_t n)
{
    norm *nm;
    arena *tmp;
    P->c = cluster_of(texts, n);
    P->s = precis_summarizer_new(NULL, NULL);
    int ok = P->s && summarizer_model(P->s, P->c, &P->m, &nm, &tmp, 1) == PRECIS_OK &&
             readable_prepare(&P->m, P->c, nm, tmp, summarizer_cache(P->s), 0) == PRECIS_OK;
    T_CHECK(ok);
    if (!ok) {
        precis_summarizer_free(P->s);
        precis_cluster_free(P->c);
    }
    return ok;
}

static void prepare_close(prepared *P)
{
    precis_summarizer_free(P->s);
    precis_cluster_free(P->c);
}

static const char *const titled[] = {
    "Mr. Harlow is expected to disclose his plans for the library during a conference "
    "call with council members on Monday evening. "
    "Sen. Ortiz said the library would stay open.\n",
    "Mayor Dan Harlow asked council members to join him for a private conference call on "
    "Monday evening, according to a note seen by reporters. "
    "Senator Ana Ortiz visited the library on Tuesday.\n"};

static void test_titled_actor(void)
{
    prepared P;
    if (!prepare_open(&P, titled, 2))
        return;
    precis_cluster *c = P.c;
    const msent *mr = find(&P.m, c, "Mr. Harlow is expected");
    const msent *full = find(&P.m, c, "Mayor Dan Harlow asked");
    const msent *sen = find(&P.m, c, "Sen. Ortiz said");
    const msent *senator = find(&P.m, c, "Senator Ana Ortiz");
    T_CHECK(mr && full && sen && senator);
    if (mr && full && sen && senator) {
        T_CHECK(mr->actor != 0 && mr->actor == full->actor);
        T_CHECK(sen->actor != 0 && sen->actor == senator->actor && sen->actor != mr->actor);
    }
    prepare_close(&P);
}

/* A quotation that opens with a connective goes on from what came before
   it; it is never edited, so it waits for its sentence.  A pronoun inside
   a quotation is the speaker's and asks for nothing. */
static const char *const connective[] = {
    "Governor Lena Marsh spoke to farmers in Dunmore on Monday. "
    "\"But there is a real chance the dam fails this week,\" Marsh said. "
    "\"This is the worst flood in forty years,\" Marsh said. "
    "\"We are moving people out street by street,\" Marsh said. "
    "\"He knows the river better than anyone,\" Marsh said of the dam keeper. "
    "\xE2\x80\x9CIt\xE2\x80\x99s completely at odds with the plan,\xE2\x80\x9D Marsh said of "
    "the levy.\n"};

/* A quotation given to a thing the reader has not met ("The agency
   added,") has no speaker a reader can place: it waits for its
   sentence.  One given to an indefinite speaker reads alone. */
static const char *const definite[] = {
    "Officials in Kessel met on Monday to discuss the flooding. "
    "The agency added, \"the dam will stay closed to all traffic until the water falls.\" "
    "A spokesman for the city said, \"the bridge will stay closed to all traffic until Friday.\"\n"};

static void test_definite_speaker(void)
{
    prepared P;
    if (!prepare_open(&P, definite, 1))
        return;
    precis_cluster *c = P.c;
    const msent *the = find(&P.m, c, "The agency added");
    const msent *a = find(&P.m, c, "A spokesman for the city");
    T_CHECK(the && a);
    if (the && a) {
        T_CHECK(the->flags & SENT_NEEDS_PREV);
        T_CHECK(!(a->flags & SENT_NEEDS_PREV));
    }
    prepare_close(&P);
}

static void test_quote_connective(void)
{
    prepared P;
    if (!prepare_open(&P, connective, 1))
        return;
    precis_cluster *c = P.c;
    const msent *but = find(&P.m, c, "But there is");
    const msent *this = find(&P.m, c, "This is the worst");
    const msent *we = find(&P.m, c, "We are moving");
    const msent *he = find(&P.m, c, "He knows the river");
    T_CHECK(but && this && we && he);
    if (but && this && we && he) {
        T_CHECK((but->flags & SENT_NEEDS_PREV) && but->edit != EDIT_DROP);
        /* cased text: a demonstrative opening a quotation points back */
        T_CHECK(this->flags & SENT_NEEDS_PREV);
        /* the speaker's own "we", and a "he" the speaker names, do not */
        T_CHECK(!(we->flags & SENT_NEEDS_PREV));
        T_CHECK(!(he->flags & SENT_NEEDS_PREV));
        /* "It’s", with its curly apostrophe, as "It's" */
        const msent *its = find(&P.m, c, "completely at odds");
        T_CHECK(its && (its->flags & SENT_NEEDS_PREV));
    }
    prepare_close(&P);
}

/* Helpers for the cases below: sentence needle's text with its edit
   applied (NULL when it has none); the summary of a cluster as text. */
static char *edited(prepared *P, const char *needle)
{
    const msent *ms = find(&P->m, P->c, needle);
    T_CHECK(ms != NULL);
    if (!ms || ms->edit == EDIT_NONE)
        return NULL;
    size_t len, ol, es, ee, rl;
    char *out = NULL, *rep;
    const char *text = precis_cluster_article_text(P->c, ms->art, &len);
    arena a;
    arena_init(&a, 4096);
    T_EQ_INT(readable_apply(ms, text, &a, &out, &ol, &es, &ee, &rep, &rl), 0);
    char *copy = out ? strdup(out) : NULL;
    arena_free(&a);
    return copy;
}

static char *summary_of(const char *const *texts, size_t n, size_t words)
{
    precis_cluster *c = cluster_of(texts, n);
    precis_options o;
    precis_options_init(&o);
    o.budget = words;
    precis_summarizer *s = precis_summarizer_new(&o, NULL);
    precis_summary *sum = NULL;
    char *text = NULL;
    T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
    T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_TEXT, &text, NULL), PRECIS_OK);
    printf("--- %zu words: %s", words, text ? text : "");
    precis_summary_free(sum);
    precis_summarizer_free(s);
    precis_cluster_free(c);
    return text;
}

/* A photo caption kept with the text has no finite verb: noun phrases and
   prepositions only.  It is never taken; sentences whose verb the lists
   know only by its ending or place are. */
static const char *const captions[] = {
    "Members of the relief convoy at the river gate in Marlow on Sunday.\n\n"
    "The convoy reached Marlow on Sunday after two days on flooded roads, officials said. "
    "Forecasters expect more rain in the valley by Tuesday. "
    "The governor speaks to the convoy drivers in Marlow on Monday.\n",
    "Volunteers unloaded water and blankets at the Marlow town hall on Sunday. "
    "A view of the main street of Marlow from the church tower on Sunday. "
    "Mayor Anton Weiner and his wife, Ilse Weiner, with the convoy crew in Marlow in 2011.\n"};

static void test_verbless(void)
{
    prepared P;
    if (!prepare_open(&P, captions, 2))
        return;
    const msent *cap = find(&P.m, P.c, "Members of the relief convoy");
    const msent *view = find(&P.m, P.c, "A view of the main street");
    const msent *reached = find(&P.m, P.c, "The convoy reached");
    const msent *expect = find(&P.m, P.c, "Forecasters expect");
    const msent *speaks = find(&P.m, P.c, "The governor speaks");
    const msent *unloaded = find(&P.m, P.c, "Volunteers unloaded");
    const msent *wife = find(&P.m, P.c, "Mayor Anton Weiner and his wife");
    T_CHECK(cap && view && reached && expect && speaks && unloaded && wife);
    if (cap && view && reached && expect && speaks && unloaded && wife) {
        T_CHECK(wife->flags & SENT_QBROKEN); /* "his wife" is no "the workers strike" */
        T_CHECK(cap->flags & SENT_QBROKEN);
        T_CHECK(view->flags & SENT_QBROKEN);
        T_CHECK(!(reached->flags & SENT_QBROKEN) && !(expect->flags & SENT_QBROKEN) &&
                !(speaks->flags & SENT_QBROKEN) && !(unloaded->flags & SENT_QBROKEN));
    }
    prepare_close(&P);
    char *text = summary_of(captions, 2, 400);
    T_CHECK(text && !strstr(text, "Members of the relief convoy") &&
            !strstr(text, "A view of the main street") && strstr(text, "The convoy reached"));
    precis_free(text);
}

/* A person the summary first names by the surname alone is given the full
   name the cluster writes ("Scott said" after "Florida Gov. Rick Scott"
   in another article), at the first mention only. */
static const char *const surnames[] = {
    "Harbour Gov. Rick Halvorsen ordered the ferries to stay in port on Friday as the storm "
    "neared the coast. Mr. Halvorsen is expected to speak again on Saturday morning. "
    "The Halvorsen administration closed the schools.\n",
    "\"We are not taking any chances with this storm,\" Halvorsen said on Friday. The harbour "
    "master said the last ferry left at noon. However, Halvorsen kept the bridges open.\n",
    "The Romney-Ryan Medicare plan and the Paul Ryan Medicare bill were debated on Monday. "
    "Medicare spending rose again in June, the budget office said.\n"};

static void test_given_name(void)
{
    prepared P;
    if (!prepare_open(&P, surnames, 3))
        return;
    char *quote = edited(&P, "We are not taking any chances");
    /* with the office the cluster writes before his name, its place
       word too ("Harbour Gov.", as "Florida Gov. Rick Scott") */
    T_CHECK(quote && strstr(quote, ",\" Harbour Gov. Rick Halvorsen said on Friday."));
    free(quote);
    char *mr = edited(&P, "Mr. Halvorsen is expected");
    T_CHECK(mr && !strncmp(mr, "Harbour Gov. Rick Halvorsen is expected", 39));
    free(mr);
    T_CHECK(edited(&P, "The Halvorsen administration") == NULL); /* no person there */
    /* a capital set off by a comma is no given name of his */
    char *however = edited(&P, "kept the bridges");
    T_CHECK(however && !strncmp(however, "However, Harbour Gov. Rick Halvorsen kept", 41));
    free(however);
    T_CHECK(edited(&P, "Harbour Gov. Rick Halvorsen") == NULL);
    /* "Ryan" is a given name, but not in front of "Medicare" */
    T_CHECK(edited(&P, "Medicare spending rose") == NULL);
    prepare_close(&P);
    for (size_t words = 20; words <= 80; words += 30) {
        char *text = summary_of(surnames, 3, words);
        const char *first = text ? strstr(text, "Halvorsen") : NULL;
        /* "The Halvorsen administration" names no one */
        while (first && first - text >= 4 && !strncmp(first - 4, "The ", 4))
            first = strstr(first + 9, "Halvorsen");
        T_CHECK(first && first - text >= 5 && !strncmp(first - 5, "Rick ", 5));
        /* the full name once: a later mention stays as written */
        const char *again = first ? strstr(first + 9, "Rick Halvorsen") : NULL;
        T_CHECK(!again || (again > text + 13 && !strncmp(again - 13, "Harbour Gov. ", 13)));
        precis_free(text);
    }
}

/* Reported speech whose quoted fragment a sentence before it in the
   summary has told is a repeat; not when it goes on right after the
   sentence before it in its article, which it elaborates. */
static const char *const fragment[] = {
    "The Keld council called the new ferry plan a \"costly mistake\" on Monday.\n"
    "It was at a meeting in the town hall that the mayor called the plan a \"costly "
    "mistake\" before the vote.\n"
    "The vote on the harbour budget was put off until the end of May.\n"
    "Councillors repeated that the plan drawn up by the harbour board was a \"costly "
    "mistake.\"\n"};

static void test_fragment_repeat(void)
{
    prepared P;
    if (!prepare_open(&P, fragment, 1))
        return;
    const msent *lead = find(&P.m, P.c, "The Keld council called");
    const msent *hall = find(&P.m, P.c, "It was at a meeting");
    const msent *again = find(&P.m, P.c, "Councillors repeated");
    T_CHECK(lead && hall && again);
    if (lead && hall && again) {
        uint32_t out[1] = {(uint32_t)(lead - P.m.s)};
        T_CHECK(again->qfn == 2);
        T_CHECK(readable_repeat(&P.m, again, out, 1));
        T_CHECK(!readable_repeat(&P.m, hall, out, 1)); /* right after the lead */
    }
    prepare_close(&P);
}

/* A role in lower case comes only from the sentence's own article:
   another article's "former ferry captain Jon Dahl" may be another man
   of that name; an office ("Harbour Gov.") comes from any. */
static const char *const roles_elsewhere[] = {
    "The Keld ferry company dismissed Jon Dahl on Monday after one season as its chief.\n"
    "Jon Dahl said he would appeal against the decision of the board.\n",
    "A court in Tarn fined former ferry captain Jon Dahl for speeding on Friday.\n"
    "The court heard that Jon Dahl drove at twice the limit near the school.\n"};

static void test_role_elsewhere(void)
{
    prepared P;
    if (!prepare_open(&P, roles_elsewhere, 2))
        return;
    T_CHECK(edited(&P, "would appeal") == NULL); /* the Keld article names no role */
    char *own = edited(&P, "drove at twice");
    T_CHECK(own && !strncmp(own, "The court heard that former ferry captain Jon Dahl", 50));
    free(own);
    prepare_close(&P);
}

/* A surname that is a given name too ("Craig") and a given name the
   pack does not know, after a title ("Chief Zorvan Craig"), still name a
   person: "Craig said" becomes "Border Patrol Chief Zorvan Craig said".  But a bare given
   name that no speech verb or honorific makes a surname is left alone
   ("Craig, 6, was found"); "Deputy Assistant Secretary" names no one,
   nor "St. Louis Friday".  Two given names for one surname ("Michael", "Mike") are named by
   the quote's speaker. */
static const char *const given_too[] = {
    "Border Patrol Chief Zorvan Craig said on Friday that the crossing would close at noon. "
    "Deputy Assistant Secretary Lena Morrow visited the crossing.\n",
    "\"Everyone must enter through the front door,\" Craig said at the crossing. "
    "Craig, a boy of six, was found by the guards near the fence. "
    "The Assistant Secretary praised the guards. The guards beat the visitors 65-53 in St. "
    "Louis Friday. The visitors lost again on Friday night.\n"};

static const char *const two_given[] = {
    "\"They will put the criminals back in charge,\" Michael Ellery, the director of the "
    "growers' group, said on Thursday.\n",
    "Mike Ellery of the growers' group echoed the governor. \"They will put the criminals "
    "back in charge of the trade,\" Ellery said.\n"};

static void test_given_too(void)
{
    prepared P;
    if (!prepare_open(&P, given_too, 2))
        return;
    char *q = edited(&P, "Everyone must enter");
    T_CHECK(q && strstr(q, ",\" Border Patrol Chief Zorvan Craig said at the crossing."));
    free(q);
    T_CHECK(edited(&P, "Craig, a boy of six") == NULL);
    T_CHECK(edited(&P, "The Assistant Secretary praised") == NULL);
    T_CHECK(edited(&P, "The visitors lost again") == NULL); /* no "Louis Friday" */
    prepare_close(&P);
    if (!prepare_open(&P, two_given, 2))
        return;
    char *e = edited(&P, "back in charge of the trade");
    T_CHECK(e && strstr(e, ",\" Michael Ellery said."));
    free(e);
    prepare_close(&P);
}

/* A speaker the summary has already named is named again by the
   surname alone ("Hutchinson said", not "Asa Hutchinson said" twice), but
   not after another person of that surname ("Ivanka Okonjo"). */
static const char *const named_before[] = {
    "Harbour Mayor Paul Okonjo met the ferry owners on Friday. The owners asked for the "
    "port to stay open over the weekend. \"Every ferry stays in port until the wind "
    "drops,\" he said.\n"};

static void test_known_surname(void)
{
    prepared P;
    if (!prepare_open(&P, named_before, 1))
        return;
    const msent *ms = find(&P.m, P.c, "Every ferry stays in port");
    lang *L = lang_new("english");
    T_CHECK(ms && ms->edit == EDIT_NAME && L);
    if (ms && L && ms->edit == EDIT_NAME) {
        const char *cases[] = {"Okonjo met the owners.", "Mayor Okonjo met the owners.",
                               "Paul A. Okonjo met the owners.", "The owners met Okonjo.",
                               "Mr. Okonjo met the owners."};
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            const char *sur = readable_known_surname(ms, L, cases[i], strlen(cases[i]));
            T_CHECK(sur && !strcmp(sur, "Okonjo"));
        }
        const char *other[] = {"Ivanka Okonjo met the owners.", "The owners met Okonjos.",
                               "Nobody met the owners."};
        for (size_t i = 0; i < sizeof other / sizeof *other; i++)
            T_CHECK(readable_known_surname(ms, L, other[i], strlen(other[i])) == NULL);
    }
    lang_free(L);
    prepare_close(&P);
}

/* One given name written with and without its accent ("Raúl", "Raul") is
   one person's: the bare surname is still named in full. */
static const char *const accented[] = {
    "Rep. Raúl Ibarra of Idaho said he would run for the post on Friday.\n",
    "Raul Ibarra, a second-term congressman, is a favourite of the party's right.\n",
    "Only in Congress since 2010, Ibarra would be the first Latino to hold the post.\n"};

static void test_given_accent(void)
{
    prepared P;
    if (!prepare_open(&P, accented, 3))
        return;
    char *e = edited(&P, "Only in Congress since 2010");
    T_CHECK(e && (strstr(e, "Raúl Ibarra would") || strstr(e, "Raul Ibarra would")));
    free(e);
    prepare_close(&P);
}

/* The office before a name at its first mention in the summary, its
   capitalised words with it ("Foreign Minister", not only "Minister"),
   written with another spelling of the given name ("Sergei" for
   "Sergey"); not from a headline's capitals; and only at the sentence's
   first mention of the surname ("lawyers for President Trump ... whether
   Trump obstructed justice"). */
static const char *const office[] = {
    "Putin Rejects Call By Foreign Minister Sergei Lavrov\n"
    "President Ivan Dorn refused on Friday a call by Foreign Minister Sergei Lavrov to close "
    "the border crossings.\n",
    "Sergey Lavrov called on Friday for the closure of the three border crossings in the "
    "north.\n"
    "Lawyers for Minister Lavrov said on Friday that Lavrov had not been told of the refusal.\n"};

static void test_office(void)
{
    prepared P;
    if (!prepare_open(&P, office, 2))
        return;
    char *e = edited(&P, "Sergey Lavrov called");
    T_CHECK(e && !strncmp(e, "Foreign Minister Sergey Lavrov called", 37));
    free(e);
    /* a second mention in the sentence stays: the first names him */
    e = edited(&P, "Lawyers for Minister Lavrov");
    T_CHECK(!e || !strstr(e, "that Foreign Minister"));
    free(e);
    prepare_close(&P);
}

/* A sentence may need two edits: "But" dropped and the surname named in
   full are one replaced span, the text between kept; either alone is made
   when the other is not needed. */
static const char *const two_edits[] = {
    "Harbour Mayor Paul Okonjo met the ferry owners on Friday.\n",
    "The owners asked for the port to stay open over the weekend. But Mr. Okonjo refused to "
    "let any ferry leave before Sunday.\n"};

/* Lower-cased text (where connectives still go by an edit): "but" and
   "also" both dropped, as one replaced span. */
static const char *const two_lower[] = {
    "rescue crews reached the last village on sunday evening, officials said.\n",
    "the owners asked for the port to stay open over the weekend. but the ministry also "
    "announced a ban on river fishing until the end of the month.\n"};

static void test_two_edits(void)
{
    prepared P;
    if (!prepare_open(&P, two_edits, 2))
        return;
    /* cased: "But" waits for its antecedent; the full name is an edit */
    char *given = edited(&P, "But Mr. Okonjo refused");
    T_CHECK(given && !strcmp(given, "But Harbour Mayor Paul Okonjo refused to let any ferry leave "
                                    "before Sunday."));
    free(given);
    const msent *cs = find(&P.m, P.c, "But Mr. Okonjo refused");
    T_CHECK(cs && (cs->flags & SENT_NEEDS_PREV) && cs->edit == EDIT_GIVEN);
    prepare_close(&P);
    if (!prepare_open(&P, two_lower, 2))
        return;
    char *both = edited(&P, "but the ministry also");
    T_CHECK(both &&
            !strcmp(both, "The ministry announced a ban on river fishing until the end of the month."));
    free(both);
    const msent *ms = find(&P.m, P.c, "but the ministry also");
    if (ms) {
        T_EQ_INT(ms->edit, EDIT_DROP);
        T_EQ_INT(readable_edit2(ms), EDIT_ALSO);
        arena a;
        arena_init(&a, 4096);
        size_t len, ol, es, ee, rl;
        char *out = NULL, *rep = NULL;
        const char *text = precis_cluster_article_text(P.c, ms->art, &len);
        T_EQ_INT(readable_apply_some(ms, text, READABLE_EDIT1, &a, &out, &ol, &es, &ee, &rep,
                                     &rl),
                 0);
        T_CHECK(out && !strncmp(out, "The ministry also announced", 27));
        T_EQ_INT(readable_apply_some(ms, text, READABLE_EDIT2, &a, &out, &ol, &es, &ee, &rep,
                                     &rl),
                 0);
        T_CHECK(out && !strncmp(out, "but the ministry announced", 26));
        arena_free(&a);
    }
    prepare_close(&P);
}

/* "but" dropped and the next letter capitalised, in lower-cased text */
static void test_drop_lower(void)
{
    static const char *const lower[] = {
        "the gates were opened on saturday. but the farmers of the basin said they had not "
        "been warned.\n"};
    prepared P;
    if (!prepare_open(&P, lower, 1))
        return;
    char *out = edited(&P, "but the farmers");
    T_CHECK(out && !strncmp(out, "The farmers of the basin", 24));
    free(out);
    prepare_close(&P);
}

/* "The ministry also announced ..." tells of something said before: in
   cased text it waits for the sentence before it (in lower-cased text
   "also" goes by an edit, test_two_edits); "also known as", "but also"
   and "who also" are no such "also". */
static const char *const also[] = {
    "The ministry also announced a ban on river fishing until the end of the month. "
    "The Marlow dam, also known as the Kessel barrage, held through the night. "
    "Engineer Sara Quill, who also served on the 1998 inquiry, inspected the gates.\n",
    "Rescue crews reached the last stranded village on Sunday evening, officials said. "
    "Crews also cleared the road to the care home in Tarn.\n"};

static void test_also(void)
{
    prepared P;
    if (!prepare_open(&P, also, 2))
        return;
    /* cased text: the sentence waits for its antecedent */
    const msent *ban = find(&P.m, P.c, "The ministry also announced");
    T_CHECK(ban && ban->edit == EDIT_NONE && (ban->flags & SENT_NEEDS_PREV));
    T_CHECK(edited(&P, "also known as") == NULL);
    T_CHECK(edited(&P, "who also served") == NULL);
    prepare_close(&P);
    char *text = summary_of(also, 2, 400);
    T_CHECK(text && !strstr(text, "ministry also") && strstr(text, "also known as"));
    precis_free(text);
}

/* The same fact told twice in other words, with its names and numbers:
   one of the two. */
static const char *const visit[] = {
    "Premier Ana Kovac will travel to Norland on July 13 for a working visit with King "
    "Edvard, ending months of declined invitations, her office said.\n",
    "Kovac will visit Norland on the 13th of July and meet King Edvard at the palace, the "
    "Norland embassy said on Thursday. The two leaders last met in 2019.\n",
    "Farm prices in Norland fell for a third month in June, the statistics office said.\n"};

static void test_repeat(void)
{
    prepared P;
    if (!prepare_open(&P, visit, 3))
        return;
    const msent *a = find(&P.m, P.c, "Premier Ana Kovac will travel");
    const msent *b = find(&P.m, P.c, "Kovac will visit Norland");
    const msent *f = find(&P.m, P.c, "Farm prices in Norland");
    T_CHECK(a && b && f);
    if (a && b && f) {
        uint32_t ia = (uint32_t)(a - P.m.s), ib = (uint32_t)(b - P.m.s);
        T_CHECK(readable_repeat(&P.m, b, &ia, 1) && readable_repeat(&P.m, a, &ib, 1));
        T_CHECK(!readable_repeat(&P.m, f, &ia, 1));
    }
    prepare_close(&P);
    char *text = summary_of(visit, 3, 400);
    T_CHECK(text && !(strstr(text, "Kovac will travel") && strstr(text, "Kovac will visit")));
    T_CHECK(text && strstr(text, "Farm prices"));
    precis_free(text);
}

/* Another article's lead that tells the event a summary sentence told
   is a repeat ("Voters in Velia cast ballots ..." after "Velia voted
   Sunday ..."), also when it adds a detail ("... under President Ivo
   Marek on Sunday, with turnout at 93 percent"): readers call it the
   event told twice.  A sentence sharing no name is not. */
static const char *const leads[] = {
    "Velia voted Sunday in a parliamentary election meant to show a break with the past. "
    "Observers said little had changed.\n",
    "Voters in Velia cast ballots Sunday in a parliamentary election hailed by the "
    "government. The count ended on Monday.\n",
    "Velia held its first parliamentary election under President Ivo Marek on Sunday, with "
    "turnout at 93 percent. Results are due Tuesday.\n"};

static void test_repeat_leads(void)
{
    prepared P;
    if (!prepare_open(&P, leads, 3))
        return;
    const msent *a = find(&P.m, P.c, "Velia voted Sunday");
    const msent *b = find(&P.m, P.c, "Voters in Velia");
    const msent *c = find(&P.m, P.c, "Velia held its first");
    const msent *d = find(&P.m, P.c, "Observers said little");
    T_CHECK(a && b && c && d);
    if (a && b && c && d) {
        uint32_t ia = (uint32_t)(a - P.m.s), ib = (uint32_t)(b - P.m.s);
        T_CHECK(readable_repeat(&P.m, b, &ia, 1));
        /* the event told again, with details: read by hand, a repeat
           all the same */
        T_CHECK(readable_repeat(&P.m, c, &ia, 1));
        T_CHECK(!readable_repeat(&P.m, d, &ib, 1)); /* no name shared */
    }
    prepare_close(&P);
}

/* A sentence opening with a definite description of a thing ("The
   backlash built quickly ...") waits for a summary sentence that tells of
   it; a description identified where it stands ("The port of Keld"), a
   role, a body or a name does not.  The summary opens with a sentence
   that can open it, and "The backlash" goes after the sentence that tells
   of the backlash. */
static const char *const described[] = {
    "\"We will not apologise for a word of it,\" Mayor Ilse Varga said on Monday.\n"
    "The port of Keld reopened on Monday after a two-day strike.\n"
    "Varga has been mayor since 2019.\n"
    "The backlash built quickly over the weekend as council members called for her "
    "resignation.\n",
    "Mayor Ilse Varga of Keld faced a growing backlash on Monday over her remarks about the "
    "dock workers.\n"
    "The president of the council, Pia Lund, said the remarks were unworthy of the office.\n"
    "The police said the protest outside the town hall was peaceful.\n"};

static void test_definite_opener(void)
{
    prepared P;
    if (!prepare_open(&P, described, 2))
        return;
    const msent *back = find(&P.m, P.c, "The backlash built");
    const msent *port = find(&P.m, P.c, "The port of Keld");
    const msent *pres = find(&P.m, P.c, "The president of the council");
    const msent *pol = find(&P.m, P.c, "The police said");
    T_CHECK(back && port && pres && pol);
    if (back && port && pres && pol) {
        T_EQ_INT(back->ndef, 2); /* "backlash", "built" */
        T_EQ_INT(port->ndef, 0);
        /* "The president of the council" opens no description; "said
           the remarks" points back at "her remarks" */
        T_CHECK(pres->ndef == 1 && pres->dterm != pres->term);
        T_EQ_INT(pol->ndef, 0);
    }
    prepare_close(&P);
    for (size_t words = 40; words <= 80; words += 40) {
        char *text = summary_of(described, 2, words);
        const char *b = text ? strstr(text, "The backlash built") : NULL;
        const char *told = text ? strstr(text, "growing backlash") : NULL;
        const char *before = text ? strstr(text, "mayor since 2019. The backlash") : NULL;
        T_CHECK(text && (!b || (told && told < b) || before));
        T_CHECK(text && text[0] != '"'); /* a quotation does not open it */
        precis_free(text);
    }
    /* lower-cased text: "the" opening a sentence is not told apart */
    static const char *const lower[] = {
        "the backlash built quickly over the weekend as council members called for her "
        "resignation.\n"};
    if (prepare_open(&P, lower, 1)) {
        const msent *lb = find(&P.m, P.c, "the backlash built");
        T_CHECK(lb && lb->ndef == 0);
        prepare_close(&P);
    }
}

/* Definite descriptions inside a sentence that point back at what its
   article told before ("apologized for the remarks ... after the video
   was released", "dismissed that criticism."): each must be told by the
   summary first.  Not a first mention, not one identified where it
   stands, not "that" as a conjunction. */
static const char *const mentioned[] = {
    "Councillor Anton Weiner called the dock workers lazy at a fundraiser at the Keld port on "
    "Friday.\n"
    "A video of the remarks drew sharp criticism from the union on Saturday.\n"
    "Weiner apologized for the remarks in a written statement after the video was released.\n"
    "Allies of Weiner on the Keld council dismissed that criticism.\n"
    "Weiner said that workers at the port deserve respect.\n"
    "Weiner visited the port of Keld on Monday to meet union leaders.\n"
    "He met the harbour master in the morning.\n",
    "Union leaders in Keld said on Monday they would accept an apology from Councillor Anton "
    "Weiner over his comments about dock workers.\n"
    "The strike at the container terminal entered its third week on Monday.\n"};

static void test_definite_mentions(void)
{
    prepared P;
    if (!prepare_open(&P, mentioned, 2))
        return;
    const msent *apol = find(&P.m, P.c, "Weiner apologized");
    const msent *crit = find(&P.m, P.c, "Allies of Weiner");
    const msent *conj = find(&P.m, P.c, "Weiner said that");
    const msent *keld = find(&P.m, P.c, "Weiner visited");
    const msent *first = find(&P.m, P.c, "A video of the remarks");
    T_CHECK(apol && crit && conj && keld && first);
    if (apol && crit && conj && keld && first) {
        /* two descriptions, one word each: "remarks", "video" */
        T_EQ_INT(apol->ndef, 2);
        T_EQ_INT(apol->dstart, 3);
        T_EQ_INT(crit->ndef, 1);   /* "that criticism." */
        T_EQ_INT(conj->ndef, 0);   /* "said that workers at the port" */
        T_EQ_INT(keld->ndef, 0);   /* "the port of Keld" */
        T_EQ_INT(first->ndef, 0);  /* the remarks first told here... */
    }
    prepare_close(&P);
    /* a body many share, as the possessor ("the group's secretary"),
       points back at the group its article named */
    static const char *const group[] = {
        "The Keld Dockers, a group of 400 port workers, called a strike on Friday.\n"
        "Ola Berg, the group\xE2\x80\x99s secretary, said work would stop until May.\n"
        "Hundreds of dockers joined a march to the town hall on Sunday afternoon.\n"
        "Police followed the march along the harbour road for an hour.\n",
        "Rail staff in Keld voted on Monday to join the dock strike in the port.\n"
        "Per Holm, the company's chief, said the trains would run on Tuesday.\n"};
    if (!prepare_open(&P, group, 2))
        return;
    const msent *berg = find(&P.m, P.c, "Ola Berg"), *holm = find(&P.m, P.c, "Per Holm");
    T_CHECK(berg && berg->ndef == 1);
    T_CHECK(holm && holm->ndef == 0); /* no company told before it */
    /* a month's name in lower case is a word: "the march" is told before */
    const msent *walk = find(&P.m, P.c, "Police followed");
    T_CHECK(walk && walk->ndef == 1);
    prepare_close(&P);
    /* in any summary, "Weiner apologized for the remarks ... the video"
       comes after the remarks and the video are told, or not at all */
    for (size_t words = 20; words <= 80; words += 20) {
        char *text = summary_of(mentioned, 2, words);
        const char *a = text ? strstr(text, "Weiner apologized") : NULL;
        const char *r = text ? strstr(text, "remarks") : NULL;
        const char *v = text ? strstr(text, "video") : NULL;
        T_CHECK(text && (!a || (r && r < a && v && v < a) ||
                         strstr(text, "drew sharp criticism from the union on Saturday. Weiner "
                                      "apologized")));
        precis_free(text);
    }
}

/* Reported speech closed by a pronoun ("Catherine Gomes lived in that
   apartment , he said .") waits for the sentence naming "he"; a name, or
   "said he would", does not. */
static void test_pronoun_said(void)
{
    static const char *const said[] = {
        "Police Chief Anton Weiner spoke to reporters outside the Keld port on Friday .\n"
        "Ilse Varga lived in that apartment near the port , he said .\n"
        "The fire started in the kitchen of the apartment , Weiner said .\n"
        "Weiner said he would ask the council for more firefighters in Keld .\n"
        "On Saturday , he visited the firefighters at the station .\n"
        "In Keld , the harbour stayed open for the ferries all weekend .\n"
        "According to the minutes , she asked for two more crews .\n"
        "In a statement released Tuesday afternoon , they thanked the crews .\n"
        "Weiner , however , refused to close the harbour .\n"
        "The rules, though, would not apply to the ferries .\n"
        "Weiner and Varga , both councillors , voted for the harbour plan on Monday .\n"};
    prepared P;
    if (!prepare_open(&P, said, 1))
        return;
    const msent *he = find(&P.m, P.c, "Ilse Varga lived");
    const msent *named = find(&P.m, P.c, "The fire started");
    const msent *would = find(&P.m, P.c, "Weiner said he would");
    T_CHECK(he && (he->flags & SENT_NEEDS_PREV));
    T_CHECK(named && !(named->flags & SENT_NEEDS_PREV));
    T_CHECK(would && !(would->flags & SENT_NEEDS_PREV));
    /* a pronoun after a short opening adverbial dangles the same */
    const msent *sat = find(&P.m, P.c, "On Saturday , he visited");
    const msent *keld = find(&P.m, P.c, "In Keld , the harbour");
    T_CHECK(sat && (sat->flags & SENT_NEEDS_PREV));
    T_CHECK(keld && !(keld->flags & SENT_NEEDS_PREV));
    const msent *acc = find(&P.m, P.c, "According to the minutes");
    T_CHECK(acc && (acc->flags & SENT_NEEDS_PREV));
    const msent *stmt = find(&P.m, P.c, "In a statement released");
    T_CHECK(stmt && (stmt->flags & SENT_NEEDS_PREV));
    /* a connective set off by commas after a short subject */
    const msent *how = find(&P.m, P.c, "Weiner , however");
    const msent *tho = find(&P.m, P.c, "The rules, though");
    const msent *both = find(&P.m, P.c, "Weiner and Varga");
    T_CHECK(how && (how->flags & SENT_NEEDS_PREV));
    T_CHECK(tho && (tho->flags & SENT_NEEDS_PREV));
    T_CHECK(both && !(both->flags & SENT_NEEDS_PREV));
    prepare_close(&P);
}

/* A headline or a deck kept as an article's first lines, alone on its
   line and with no article, demonstrative or pronoun, is never taken;
   running text is. */
static void test_headline(void)
{
    static const char *const heads[] = {
        "Keld council cuts harbour budget .\n"
        "Ferry crews fear for Tarn route .\n"
        "The council of Keld voted 7-2 on Friday to cut the harbour budget by a third .\n"
        "Councillor Ilse Varga voted no . Ferries run daily .\n",
        "Mayor Anton Weiner of Keld said on Friday that the harbour would stay open .\n"};
    prepared P;
    if (!prepare_open(&P, heads, 2))
        return;
    const msent *h1 = find(&P.m, P.c, "Keld council cuts");
    const msent *h2 = find(&P.m, P.c, "Ferry crews fear");
    const msent *lead = find(&P.m, P.c, "The council of Keld voted");
    const msent *run = find(&P.m, P.c, "Ferries run daily");
    T_CHECK(h1 && (h1->flags & SENT_QBROKEN));
    T_CHECK(h2 && (h2->flags & SENT_QBROKEN));
    T_CHECK(lead && !(lead->flags & SENT_QBROKEN));
    T_CHECK(run && !(run->flags & SENT_QBROKEN)); /* not alone on its line */
    prepare_close(&P);
}

/* First person outside quotation marks reads as the summary's own voice:
   never taken in cased text, unless the sentence names its speaker. */
static const char *const firsts[] = {
    "Councillor Anton Weiner called the dock workers lazy at a fundraiser in Keld on Friday.\n"
    "I was scared when the lights went out at the fundraiser.\n"
    "\"I was scared when the lights went out,\" Weiner said.\n"
    "The US sanctions on Keld were announced on Friday.\n"
    "Weiner told reporters on Friday that we should wait for the report.\n"
    "My daughter has been shot near the Keld port.\n"
    "We'll get to hear more of her quips in Keld next March.\n"};

static void test_first_person(void)
{
    prepared P;
    if (!prepare_open(&P, firsts, 1))
        return;
    const char *broken[] = {"I was scared when", "My daughter", "We'll get to hear"};
    const char *fine[] = {"\"I was scared", "The US sanctions", "Weiner told reporters"};
    for (size_t i = 0; i < 3; i++) {
        const msent *ms = find(&P.m, P.c, broken[i]);
        T_CHECK(ms && (ms->flags & SENT_QBROKEN));
    }
    for (size_t i = 0; i < 3; i++) {
        const msent *ms = find(&P.m, P.c, fine[i]);
        T_CHECK(ms && !(ms->flags & SENT_QBROKEN));
    }
    prepare_close(&P);
}

/* In cased text a sentence attributed with a verb of answer or addition
   ("replied", "added", "demurred", "agreed that") waits for the sentence
   before it; the same verbs in other senses do not. */
static const char *const answered[] = {
    "Mayor Anton Weiner met reporters in Keld on Monday. Weiner replied, \"You know I am not "
    "going to talk about this anymore.\" \"Yes, the town can help,\" Councillor Rick Santo "
    "added. Councillor Jim Jordan demurred. Governor Lena Trump agreed that the plan was a "
    "problem.\n",
    "Councillor Newt Gingrich and Rick Santo were the only two who agreed to attend the "
    "meeting in Keld. Reid's remarks added another voice to the debate over the Keld port.\n"};

static void test_answers(void)
{
    prepared P;
    if (!prepare_open(&P, answered, 2))
        return;
    const char *needs[] = {"Weiner replied", "Yes, the town can help", "Jim Jordan demurred",
                           "Lena Trump agreed that"};
    const char *alone[] = {"Councillor Newt Gingrich", "Reid's remarks added"};
    for (size_t i = 0; i < 4; i++) {
        const msent *ms = find(&P.m, P.c, needs[i]);
        T_CHECK(ms && (ms->flags & SENT_NEEDS_PREV));
    }
    for (size_t i = 0; i < 2; i++) {
        const msent *ms = find(&P.m, P.c, alone[i]);
        T_CHECK(ms && !(ms->flags & SENT_NEEDS_PREV));
    }
    prepare_close(&P);
}

/* A person's first mention carries the title the cluster writes before
   that given name ("Lt. Gov. Tim Murray"), unless the sentence gives one,
   names the office after the name, or the title is another bearer's of
   the surname. */
static const char *const title_names[] = {
    "Lt. Gov. Tim Murray met the ferry owners in Keld on Friday. Vice President Dick Varga "
    "and Sen. Bob Corker arrived later. Harbour Chairman Michael Steele spoke first. "
    "CEO Dan Cathy of the ferry line came too. On the quay, Outgoing Harbour Board economic "
    "adviser Lena Summers counted the ships.\n",
    "\"He is cool,\" Murray said of the new harbour master. \"We have one house,\" Bob Corker "
    "said. Mary Varga, a lawyer, said the port would open. Michael Steele, chairman of the "
    "harbour board, said nothing. The ferry line's president Dan Cathy said the boats would "
    "sail. Lena Summers made the count at dawn.\n"};

static void test_title(void)
{
    prepared P;
    if (!prepare_open(&P, title_names, 2))
        return;
    char *murray = edited(&P, "Murray said of");
    T_CHECK(murray && strstr(murray, "\" Lt. Gov. Tim Murray said of"));
    free(murray);
    char *corker = edited(&P, "Bob Corker said");
    T_CHECK(corker && strstr(corker, "\" Sen. Bob Corker said."));
    free(corker);
    T_CHECK(edited(&P, "Sen. Bob Corker arrived") == NULL); /* titled already */
    T_CHECK(edited(&P, "Mary Varga, a lawyer") == NULL);   /* Dick's title, not hers */
    T_CHECK(edited(&P, "Michael Steele, chairman") == NULL); /* the office follows */
    T_CHECK(edited(&P, "president Dan Cathy said") == NULL);  /* a role before it */
    /* a role written in lower case, with its capitalised modifiers */
    char *summers = edited(&P, "Lena Summers made");
    T_CHECK(summers && strstr(summers, "Outgoing Harbour Board economic adviser Lena Summers made"));
    free(summers);
    prepare_close(&P);
}

/* An attribution alone, its quotation too long to go with it, is never
   taken ("Trump tweeted."). */
static void test_lone_attribution(void)
{
    static const char *const lone[] = {
        "Mayor Ilse Varga wrote on Monday. \"The port is open. The ships are in. The cranes "
        "work. The strike is over. The queue is gone. The town is glad. We thank the crews.\" "
        "Varga tweeted. The council met in Keld on Tuesday.\n"};
    prepared P;
    if (!prepare_open(&P, lone, 1))
        return;
    const msent *t = find(&P.m, P.c, "Varga tweeted");
    T_CHECK(t && (t->flags & SENT_QBROKEN) && t->end - t->start < 20);
    prepare_close(&P);
    /* the same with the stop spaced off (PTB text, a sentence a line) */
    static const char *const spaced[] = {
        "Mayor Ilse Varga wrote on Monday .\n`` The port is open . The ships are in . The "
        "cranes work . The strike is over . The queue is gone . The town is glad . We thank "
        "the crews . ''\nEyewitness News asked .\nThe council met in Keld on Tuesday .\n"};
    if (!prepare_open(&P, spaced, 1))
        return;
    t = find(&P.m, P.c, "Eyewitness News asked");
    T_CHECK(t && (t->flags & SENT_QBROKEN));
    prepare_close(&P);
    /* nor a short quotation alone with no speaker, but after the
       sentence before it */
    static const char *const bare[] = {
        "Rescue crews searched the Keld harbour on Monday.\n\n\"We feared the worst\". "
        "Nobody looked for him in the port of Keld.\n"};
    if (!prepare_open(&P, bare, 1))
        return;
    const msent *q = find(&P.m, P.c, "We feared the worst");
    T_CHECK(q && (q->flags & SENT_NEEDS_PREV));
    prepare_close(&P);
}

/* A name and its common-word form meet ("Nuclear Tests", "nuclear
   tests"; "Norland", "Norlandic"): the same fact told in a quotation and
   in a report is one.  Two acts on one subject that share their names
   and little else are two facts ("Kovac said Norland would not expel
   anyone" after "Berg called for the expulsion of 12 Velian envoys"). */
static const char *const tests_told[] = {
    "\"Norland has agreed to suspend all Weapons Tests and close a major test site,\" King "
    "Edvard said on Friday.\n",
    "Norlandic leader Edvard's announcement that his nation will suspend weapons tests and "
    "close its testing site was welcomed in Velia.\n",
    "Premier Ana Kovac said on Friday that Norland would not expel anyone and would wait for "
    "the talks.\n",
    "Foreign Minister Jon Berg on Friday called for the expulsion of 12 Velian envoys and the "
    "closure of two Velian offices in Norland after Velia imposed new sanctions on Norland "
    "over the election.\n"};

static void test_repeat_forms(void)
{
    prepared P;
    if (!prepare_open(&P, tests_told, 4))
        return;
    const msent *a = find(&P.m, P.c, "\"Norland has agreed");
    const msent *b = find(&P.m, P.c, "Norlandic leader");
    const msent *x = find(&P.m, P.c, "Premier Ana Kovac said");
    const msent *y = find(&P.m, P.c, "Foreign Minister Jon Berg");
    T_CHECK(a && b && x && y);
    if (a && b && x && y) {
        uint32_t ia = (uint32_t)(a - P.m.s), iy = (uint32_t)(y - P.m.s);
        T_CHECK(readable_repeat(&P.m, b, &ia, 1));
        T_CHECK(!readable_repeat(&P.m, x, &iy, 1));
    }
    prepare_close(&P);
}

/* a generous budget takes every sentence a reader can take alone, and
   no furniture, open quote, repeat or dangling sentence */
static void test_summary(void)
{
    precis_cluster *c = cluster_of(flood, 2);
    for (int eo = 0; eo < 2; eo++) {
        precis_options o;
        precis_options_init(&o);
        o.budget = 400;
        o.extract_only = eo;
        precis_summarizer *s = precis_summarizer_new(&o, NULL);
        precis_summary *sum = NULL;
        T_EQ_INT(precis_summarize(s, c, &sum), PRECIS_OK);
        char *text = NULL;
        T_EQ_INT(precis_summary_render(sum, c, PRECIS_FORMAT_JSON, &text, NULL), PRECIS_OK);
        T_CHECK(text && !strstr(text, "The investigation"));
        T_CHECK(text && !strstr(text, "SEPANG"));
        T_CHECK(text && !strstr(text, "media player"));
        T_CHECK(text && !strstr(text, "Press enter"));
        /* one wording of the statement */
        T_CHECK(text && !(strstr(text, "families to the water") &&
                          strstr(text, "alone against the water")));
        /* "But" stays only right after the sentence before it */
        const char *but = text ? strstr(text, "\"summary\":") : NULL;
        but = but ? strstr(but, "But the farmers") : NULL;
        if (but)
            T_CHECK(but > text + 30 && strncmp(but - 11, "he said. ", 9) != 0 &&
                    strstr(text, "families to the water,\\\" ") != NULL);
        if (!eo) {
            /* the quotation taken names its speaker by an edit listed
               in the JSON ("she" -> the name, or the name appended) */
            T_CHECK(text && strstr(text, "\"edits\":[{") != NULL &&
                    strstr(text, "Okafor-Hale said.\"}") != NULL);
        } else {
            T_CHECK(text && strstr(text, "\"edits\":[{") == NULL);
            /* only right after the sentence that names the speaker */
            const char *h = text ? strstr(text, "\\\"We cannot leave such") : NULL;
            T_CHECK(!h || (h - text >= 15 && !strncmp(h - 15, "in a statement.", 15)));
        }
        printf("%s", text ? text : "");
        precis_free(text);
        precis_summary_free(sum);
        precis_summarizer_free(s);
    }
    precis_cluster_free(c);
}

/* A given name after "St." names a place: "Tea party organizers" is not
   the first mention of a "Louis Tea" to be named in full. */
static const char *const saint_place[] = {
    "Tea party organizers disputed claims of racism on Tuesday and called on the civil "
    "rights group to withdraw its resolution.\n",
    "Civil rights leaders approved a resolution condemning racism within the tea party on "
    "Tuesday.\n"
    "The St. Louis Tea Party Coalition issued its own resolution against the group on "
    "Wednesday.\n"};

static const char *const san_place[] = {
    "Chargers defensive lineman Jamal Okafor was arrested early Sunday on suspicion of drunken "
    "driving, the highway patrol said.\n",
    "The team said it was aware of the arrest of its lineman on Sunday.\n"
    "The San Diego Chargers play the Denver Broncos on Sunday.\n"};

static void test_saint_place(void)
{
    char *text = summary_of(saint_place, 2, 22);
    T_CHECK(text && strstr(text, "Tea party organizers") && !strstr(text, "Louis Tea party"));
    free(text);
    /* "San" too (the pack's saint tag): not "Diego Chargers defensive lineman" */
    text = summary_of(san_place, 2, 20);
    T_CHECK(text && strstr(text, "Chargers defensive") && !strstr(text, "Diego Chargers"));
    free(text);
}

/* A scraped page's deck or caption stands above the dateline that opens
   the story ("WASHINGTON — ..."): it is never taken, and the anchor's
   run starts at the dateline, whatever the caption told before it. */
static const char *const decked[] = {
    "Mayor Ilse Varga and her husband, Tom Varga, greeted the ferry crews at the Keld harbour "
    "on Tuesday.\n"
    "KELD — Mayor Ilse Varga said on Tuesday that the ferry service to Tarn would end in May "
    "after the council cut the harbour budget by a third.\n"
    "Councillors voted 7-2 on Friday for the cut, which saves 2 million crowns a year.\n"
    "Union leaders in Keld said the crews would strike on Monday.\n",
    "The council of Keld voted 7-2 on Friday to cut the harbour budget by a third.\n"
    "Union leaders said crews would strike on Monday.\n"};

static void test_dateline_body(void)
{
    char *text = summary_of(decked, 1, 60);
    T_CHECK(text && !strncmp(text, "Mayor Ilse Varga said on Tuesday", 32));
    T_CHECK(text && !strstr(text, "greeted"));
    free(text);
    text = summary_of(decked, 2, 120);
    T_CHECK(text && !strstr(text, "greeted"));
    free(text);
}

/* A line that trails off in an ellipsis is a teaser cut short ("... and
   taking over will be former Portland Trailblazers Coach . . .") and never
   a summary sentence, whatever its words; the same line ending in a stop
   is taken. */
static const char *const teased[] = {
    "The Keld ferry service to Tarn will end in May, the council said on Tuesday.\n"
    "Councillors voted on Friday to cut the harbour budget and the ferry service to Tarn "
    "will be replaced by a bus . . .\n",
    "The Keld council cut the harbour budget on Friday, ending the ferry service to Tarn in "
    "May.\n"
    "Union leaders said ferry crews would strike on Monday \u2026\n"};

static void test_trailing_ellipsis(void)
{
    char *text = summary_of(teased, 2, 120);
    T_CHECK(text && !strstr(text, "bus") && !strstr(text, "strike"));
    free(text);
    static const char *const ended[] = {
        "The Keld ferry service to Tarn will end in May, the council said on Tuesday.\n"
        "Councillors voted on Friday to cut the harbour budget and the ferry service to Tarn "
        "will be replaced by a bus.\n",
        "The Keld council cut the harbour budget on Friday, ending the ferry service to Tarn in "
        "May.\n"
        "Union leaders said ferry crews would strike on Monday.\n"};
    text = summary_of(ended, 2, 120);
    T_CHECK(text && (strstr(text, "bus") || strstr(text, "strike")));
    free(text);
    /* an aside in parentheses: never; the same words without them: yes */
    static const char *const aside[] = {
        "The Keld ferry service to Tarn will end in May, the council said on Tuesday.\n"
        "(The council made waves by very loudly promising a new ferry to Tarn last year.)\n",
        "The Keld council cut the harbour budget on Friday, ending the ferry service to Tarn in "
        "May.\n"
        "The council promised a new ferry to Tarn last year.\n"};
    text = summary_of(aside, 2, 120);
    T_CHECK(text && !strstr(text, "waves") && strstr(text, "promised a new ferry"));
    free(text);
}

/* A sentence speaking to the reader outside quotation marks is a letter
   or an aside quoted with its marks lost ("... your comment is more than
   an embarrassment."): never a summary sentence; inside quotation marks,
   with its speaker named, it is. */
static const char *const addressed[] = {
    "Mayor Ilse Varga of Keld said on Monday that the ferry service to Tarn would end in May.\n"
    "At a time when the harbour needs every crew it has, your decision to end the ferry "
    "service is more than a mistake.\n",
    "The Keld council voted on Monday to end the ferry service to Tarn in May.\n"
    "\"Your decision to end the ferry service is a mistake,\" union leader Per Holm told "
    "the mayor.\n"};

static void test_second_person(void)
{
    char *text = summary_of(addressed, 2, 120);
    T_CHECK(text && !strstr(text, "more than a mistake"));
    T_CHECK(text && strstr(text, "Per Holm told"));
    free(text);
    /* the first person outside quotation marks, its apostrophe straight
       or curly ("We'll", "We\u2019ll") */
    static const char *const first[] = {
        "The Keld council voted on Monday to end the ferry service to Tarn in May.\n"
        "We'll keep the ferry running until May, as the council promised in April.\n"
        "We\xE2\x80\x99ll keep the bus running until June, as the council promised in "
        "March.\n"};
    prepared P;
    if (!prepare_open(&P, first, 1))
        return;
    const msent *straight = find(&P.m, P.c, "the ferry running");
    const msent *curly = find(&P.m, P.c, "the bus running");
    T_CHECK(straight && (straight->flags & SENT_QBROKEN));
    T_CHECK(curly && (curly->flags & SENT_QBROKEN));
    prepare_close(&P);
}

/* The anchor article (select.c): in cased news the summary is the lead
   section of the article that best tells what the cluster's concepts
   say, in its order -- not a sentence from the middle of another article
   that leans on what the summary never told ("The evacuation order was
   lifted ...").  The run leaves out a caption and a sentence telling a
   fact again in detail ("... 1,150 of them from the east bank ..."), and
   after a sentence left out goes on only with one that reads alone ("She
   said ..." does not).  Lower-cased text has no anchor. */
static const char *const anchored[] = {
    "Floodwater from the Larrow River broke through a levee in Portville on Saturday, forcing "
    "about 1,200 residents from their homes, officials said.\n"
    "Rescue boats on the flooded main street of Portville on Saturday. (Photo: Jan "
    "Novak/Eastmarch Police)\n"
    "The earthen levee gave way near St. Anselm's Church shortly before dawn after four days "
    "of heavy rain across Eastmarch province.\n"
    "Mayor Ellen Varga said the city had opened three shelters for the evacuated residents.\n"
    "The 1,200 Portville residents forced from their homes included 1,150 from the east bank, "
    "officials said.\n"
    "She said the shelters could hold everyone for a week.\n"
    "Forecasters expect the Larrow River to crest in Portville on Sunday evening.\n",
    "The Larrow River broke through a levee in Portville on Saturday and about 1,200 "
    "residents left their homes in the city, officials said.\n"
    "The evacuation order was lifted for the west bank by Saturday evening, officials said.\n",
    "Four days of heavy rain across Eastmarch province drove the Larrow River over its banks "
    "on Saturday.\n"
    "The earthen levee in Portville gave way before dawn, officials said.\n"
    "Mayor Ellen Varga opened three shelters in the city.\n"
    "The levee was last raised in 1987.\n"};

static void test_anchor_run(void)
{
    char *text = summary_of(anchored, 3, 80);
    T_CHECK(text != NULL);
    if (!text)
        return;
    /* the first article's lead section, in its order */
    const char *a = strstr(text, "Floodwater from the Larrow River");
    const char *b = strstr(text, "The earthen levee gave way");
    const char *c = strstr(text, "Mayor Ellen Varga said");
    T_CHECK(a == text && b && c && b < c);
    T_CHECK(!strstr(text, "main street") && !strstr(text, "Photo")); /* the caption */
    T_CHECK(!strstr(text, "1,150"));       /* the detail told again */
    T_CHECK(!strstr(text, "She said"));    /* after a sentence left out */
    T_CHECK(!strstr(text, "evacuation order"));
    free(text);

    /* the flags: set in cased text, none in the same text lower-cased */
    for (int lower = 0; lower < 2; lower++) {
        char *low[3];
        for (size_t i = 0; i < 3; i++) {
            low[i] = strdup(anchored[i]);
            for (char *p = low[i]; lower && *p; p++)
                *p = (char)tolower((unsigned char)*p);
        }
        prepared P;
        if (!prepare_open(&P, (const char *const *)low, 3)) {
            for (size_t i = 0; i < 3; i++)
                free(low[i]);
            return;
        }
        precis_options o;
        precis_options_init(&o);
        o.budget = 80;
        select_params sp;
        select_params_default(&sp);
        arena ar;
        arena_init(&ar, 1 << 16);
        uint32_t *pick = arena_alloc(&ar, P.m.ns * sizeof *pick);
        size_t k = pick ? select_run(&P.m, &o, &sp, pick, &ar) : 0;
        size_t anchored_n = 0;
        for (size_t i = 0; i < k; i++)
            anchored_n += !!(P.m.s[pick[i]].flags & SENT_ANCHOR);
        T_CHECK(k > 0);
        if (lower)
            T_EQ_INT(anchored_n, 0);
        else
            T_CHECK(anchored_n >= 3);
        arena_free(&ar);
        prepare_close(&P);
        for (size_t i = 0; i < 3; i++)
            free(low[i]);
    }
}

/* A short sentence past its article's lead is a fragment of its context
   ("Israel uncovered secret Iranian files.", a tweet's line): taken only
   right after the sentence before it, never as a fill on its own. */
static const char *const short_fill[] = {
    "The Keld council voted on Monday to close the ferry service to Tarn in May.\n"
    "The vote followed a long debate about the cost of the harbour and its crews.\n"
    "Councillors said the bus service would replace the ferry for the island's 900 people.\n"
    "Tarn lost its ferry.\n",
    "Keld councillors closed the Tarn ferry service on Monday after a long debate.\n"
    "The island of Tarn has 900 people and one school.\n"};

static void test_short_alone(void)
{
    prepared P;
    if (!prepare_open(&P, short_fill, 2))
        return;
    const msent *lost = find(&P.m, P.c, "Tarn lost its ferry");
    const msent *lead = find(&P.m, P.c, "The Keld council voted");
    T_CHECK(lost && (lost->flags & SENT_NEEDS_PREV));
    T_CHECK(lead && !(lead->flags & SENT_NEEDS_PREV)); /* a lead stands alone */
    prepare_close(&P);
    for (size_t words = 30; words <= 120; words += 30) {
        char *text = summary_of(short_fill, 2, words);
        const char *t = text ? strstr(text, "Tarn lost its ferry") : NULL;
        T_CHECK(text && (!t || (t > text + 12 && !strncmp(t - 12, "900 people. ", 12))));
        free(text);
    }
}

/* A quotation whose attribution lost its verb ("\"...,\" Mayor Ilse
   Varga during a televised address.") is never taken; with its verb it
   is.  Nor is a sentence leading into the quotation after it ("... as the
   mayor continues."). */
static const char *const unsaid[] = {
    "The Keld council voted on Monday to close the ferry service to Tarn in May.\n"
    "\"The ferry has lost money every year for a decade,\" Mayor Ilse Varga during a "
    "televised address carried by the island's radio.\n",
    "Keld councillors closed the Tarn ferry service on Monday after a long debate.\n"
    "\"The island will have a bus to the bridge every hour,\" Mayor Ilse Varga said in a "
    "televised address.\n"
    "A recording of the old ferry horn plays in the hall as the mayor continues.\n"
    "\"We will keep the horn on the quay for the children of the island.\"\n"};

static void test_unsaid(void)
{
    prepared P;
    if (!prepare_open(&P, unsaid, 2))
        return;
    const msent *lost = find(&P.m, P.c, "lost money");
    const msent *said = find(&P.m, P.c, "bus to the bridge");
    T_CHECK(lost && (lost->flags & SENT_QBROKEN));
    T_CHECK(said && !(said->flags & SENT_QBROKEN));
    /* a sentence leading into the quotation that follows it */
    const msent *into = find(&P.m, P.c, "as the mayor continues");
    T_CHECK(into && (into->flags & SENT_QBROKEN));
    prepare_close(&P);
}

/* Page furniture is the page's own words, not the same words in the
   story: "Advertisement" opening a sentence, a cookie notice, a player's
   prompt; not "a new advertisement that will run", "Nabisco cookies", "a
   bit of JavaScript", "customers can sign up for alerts". */
static const char *const furnished[] = {
    "A new advertisement that will run in Florida attempts to stoke anxiety over the policy.\n"
    "The plant, which makes Nabisco cookies and crackers, employs about 100 people.\n"
    "The update fixes a flaw exploited through a bit of JavaScript on hacked sites.\n"
    "Customers can sign up for alerts on the carrier's Web site before the launch.\n",
    "Advertisement The measure was introduced on Monday by three members of the house.\n"
    "This site uses cookies to improve your experience of the pages you visit.\n"
    "Please enable JavaScript to watch this video of the launch in the city.\n"
    "Sign up for our newsletter to get the latest updates on the launch.\n"
    "Updated: Rail staff in Keld voted on Monday to join the strike at the port.\n"};

static void test_furniture_words(void)
{
    prepared P;
    if (!prepare_open(&P, furnished, 2))
        return;
    static const char *const story[] = {"new advertisement", "Nabisco cookies", "bit of JavaScript",
                                        "sign up for alerts"};
    static const char *const page[] = {"uses cookies", "enable JavaScript", "Sign up for our"};
    for (size_t i = 0; i < 4; i++) {
        const msent *a = find(&P.m, P.c, story[i]), *b = i < 3 ? find(&P.m, P.c, page[i]) : NULL;
        T_CHECK(a && !(a->flags & SENT_JUNK));
        T_CHECK(i == 3 || (b && (b->flags & SENT_JUNK)));
    }
    /* "Advertisement" opening a sentence is cut off it */
    const msent *ad = find(&P.m, P.c, "The measure was");
    size_t len;
    const char *t = ad ? precis_cluster_article_text(P.c, ad->art, &len) : NULL;
    T_CHECK(ad && !(ad->flags & SENT_JUNK) && !strncmp(t + ad->start, "The measure", 11));
    /* ... as "Updated:" is */
    const msent *up = find(&P.m, P.c, "Rail staff");
    t = up ? precis_cluster_article_text(P.c, up->art, &len) : NULL;
    T_CHECK(up && !strncmp(t + up->start, "Rail staff", 10));
    prepare_close(&P);
}

int main(void)
{
    T_RUN(test_quote_units);
    T_RUN(test_openers);
    T_RUN(test_prepare);
    T_RUN(test_statements);
    T_RUN(test_titled_actor);
    T_RUN(test_quote_connective);
    T_RUN(test_definite_speaker);
    T_RUN(test_summary);
    T_RUN(test_verbless);
    T_RUN(test_given_name);
    T_RUN(test_given_too);
    T_RUN(test_given_accent);
    T_RUN(test_known_surname);
    T_RUN(test_two_edits);
    T_RUN(test_drop_lower);
    T_RUN(test_also);
    T_RUN(test_repeat);
    T_RUN(test_repeat_forms);
    T_RUN(test_repeat_leads);
    T_RUN(test_definite_opener);
    T_RUN(test_answers);
    T_RUN(test_definite_mentions);
    T_RUN(test_first_person);
    T_RUN(test_headline);
    T_RUN(test_pronoun_said);
    T_RUN(test_title);
    T_RUN(test_lone_attribution);
    T_RUN(test_anchor_run);
    T_RUN(test_saint_place);
    T_RUN(test_dateline_body);
    T_RUN(test_trailing_ellipsis);
    T_RUN(test_office);
    T_RUN(test_second_person);
    T_RUN(test_furniture_words);
    T_RUN(test_short_alone);
    T_RUN(test_unsaid);
    T_RUN(test_role_elsewhere);
    T_RUN(test_fragment_repeat);
    return t_finish();
}
