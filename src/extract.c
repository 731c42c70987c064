/*
 * extract.c -- the article's main text from a parsed page: the stage
 * after html.c has decoded and parsed the page, before the text enters a
 * cluster like any other article.
 *
 * The rules, in general terms (none names a site):
 *
 *  1. Never content: scripts, styles, embedded objects, form controls,
 *     the document head, and whatever the page hides (the hidden
 *     attribute, aria-hidden="true", display:none / visibility:hidden).
 *  2. Boilerplate ("negative") subtrees: <nav>, <aside>, <footer>,
 *     <header>, <figure>/<figcaption>, and elements whose class or id
 *     names navigation, sharing, social widgets, related or recommended
 *     links, comments, newsletters and subscriptions, cookie/consent
 *     notices, advertising and sponsorship, captions and credits, bylines
 *     and author boxes, tags, breadcrumbs, sidebars, pop-ups.  A class or
 *     id that also names the body or content ("article-body",
 *     "entry-content") is not negative.
 *  3. The page is cut into paragraphs at block boundaries (<p>, <div>,
 *     <li>, headings, <br>, table cells ...).  A paragraph is "good" when
 *     it reads as prose: long enough, few of its characters inside links,
 *     sentence punctuation; "bad" when it is mostly link text or a short
 *     fragment.  Paragraphs under a negative subtree count as neither.
 *  4. The article container is the element maximising
 *         good characters - ALPHA * bad characters
 *     over its subtree (a maximum-weight subtree: the smallest element
 *     that holds most of the prose and little of the rest).  When the page
 *     marks its body (itemprop="articleBody") and that element holds prose,
 *     it is the container.
 *  5. Inside the container every paragraph is kept except negative
 *     subtrees, link-dominated paragraphs, the title heading, byline and
 *     date lines, and short stock phrases of page furniture
 *     ("Advertisement", "Read more", "Share this", ...).
 *
 * Cost: one walk of the tree to cut paragraphs (text copied once into one
 * buffer), one pass over the elements in reverse document order to sum
 * subtrees, one pass to pick, one to write.  Linear in the page.
 */
#include "html.h"

#include <stdint.h>

#define ALPHA 1.0 /* weight of bad characters against good ones */
#define GOOD_MIN_CHARS 30 /* a shorter paragraph is never "good" */
#define TEASER_UP 3
#define TEASER_MAX_PARAS 4
#define TEASER_MAX_CHARS 700
#define TEASER_W 1.0 /* weight of a teaser's characters against a container */
#define NEG_KEEP 0.5      /* share of the page's prose above which a
                             negative-looking element is the article */

enum {
    F_DROP = 1,     /* never content (rule 1) */
    F_NEG = 2,      /* boilerplate subtree (rule 2) */
    F_BLOCK = 4,    /* starts a new paragraph */
    F_HEADING = 8,  /* h1..h6 */
    F_H1 = 16,      /* h1 */
    F_LINK = 32,    /* <a> */
    F_BODYPROP = 64 /* itemprop="articleBody" */
};

typedef struct ex_elem {
    uint32_t parent; /* index, UINT32_MAX for a root */
    uint32_t end;    /* one past the last descendant's index (preorder) */
    uint32_t neg;    /* nearest negative element at or above, or UINT32_MAX */
    uint32_t flags;
    double score;    /* good - ALPHA * bad over the subtree */
    double good;     /* good characters over the subtree */
    uint32_t nparas; /* paragraphs in the subtree */
    uint32_t nlinkp; /* of which link-dominated (a headline link) */
    size_t chars;    /* characters of the subtree's paragraphs */
} ex_elem;

typedef struct ex_para {
    size_t start, end; /* in ex.text */
    size_t chars;      /* characters (code points, spaces excluded) */
    size_t link_chars; /* of which inside <a> */
    size_t punct;      /* sentence punctuation . , ; : ! ? */
    uint32_t owner;    /* the element whose block it belongs to */
    uint32_t heading;  /* F_HEADING / F_H1 bits of the owner chain */
} ex_para;

/* Small per-page caches: libxml2 interns tag names in the document's
   dictionary, so a name's flags are looked up by its pointer; class and
   id values repeat across a page, so rule 2 is remembered by hash. */
#define TAG_CACHE 128
#define ATTR_CACHE 512
typedef struct ex_cache {
    const xmlChar *tag[TAG_CACHE];
    uint32_t tagf[TAG_CACHE];
    uint64_t attr[ATTR_CACHE]; /* hash | 1, 0 = empty */
    unsigned char attrneg[ATTR_CACHE];
} ex_cache;

typedef struct ex {
    ex_elem *el;
    size_t nel, capel;
    ex_para *pa;
    size_t npa, cappa;
    pbuf text;
    ex_cache cache;
    /* the paragraph being cut */
    size_t cur_start, cur_chars, cur_link, cur_punct;
    uint32_t cur_owner, cur_heading;
    int space;
    int oom;
    /* where the parse is: the open element, and how deep inside a dropped
       subtree or a link it is */
    uint32_t open;
    size_t drop_depth, link_depth;
} ex;

/* ---- small helpers ---------------------------------------------------- */

int html_eq(const xmlChar *a, const char *b)
{
    if (!a)
        return 0;
    for (; *a && *b; a++, b++) {
        unsigned char x = *a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y + 32);
        if (x != y)
            return 0;
    }
    return *a == 0 && *b == 0;
}

const char *html_attr(const xmlChar **atts, const char *name)
{
    for (; atts && atts[0]; atts += 2)
        if (html_eq(atts[0], name))
            return atts[1] ? (const char *)atts[1] : "";
    return NULL;
}

static int name_in(const xmlChar *name, const char *const *list)
{
    for (; *list; list++)
        if (html_eq(name, *list))
            return 1;
    return 0;
}

static const char *const drop_tags[] = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "video", "audio", "button", "select", "option", "textarea",
    "input", "head", "title", "meta", "link", "map", "source", "track", "dialog", NULL};
static const char *const neg_tags[] = {"nav", "aside", "footer", "header", "figure",
                                       "figcaption", "menu", NULL};
static const char *const block_tags[] = {
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption",
    "section", "article", "main", "body", "html", "address", "center", "details", "summary",
    "fieldset", "form", "hr", "hgroup", "nav", "aside", "footer", "header", "figure",
    "figcaption", "menu", "legend", NULL};

int html_is_block(const xmlChar *name) { return name_in(name, block_tags); }

/* Words of class/id values that name boilerplate.  Matched as substrings
   of the lower-cased value, so "relatedStories" and "social-share" hit. */
static const char *const neg_sub[] = {
    "comment", "share", "sharing", "social", "related", "recommend", "newsletter",
    "subscri", "signup", "sign-up", "cookie", "consent", "gdpr", "advert", "sponsor",
    "promo", "outbrain", "taboola", "sidebar", "breadcrumb", "caption", "credit", "byline",
    "author", "masthead", "footer", "popular", "trending", "disqus", "toolbar", "widget",
    "modal", "popup", "pop-up", "skip-link", "sr-only", "visually-hidden", "screen-reader",
    "screenreader", "pagination", "read-more", "readmore", "more-stories", "morestories",
    "dateline", "timestamp", "published", "print-only", "hidden", "tooltip", "banner",
    "newsfeed", "most-read", "mostread", "follow", "login", "paywall-prompt", "topics",
    "keywords", "contributor", "bio", NULL};
/* ... and as whole words (split at non-alphanumerics), for short ones. */
static const char *const neg_word[] = {"ad", "ads", "nav", "navbar", "menu", "tag", "tags",
                                       "meta", "hide", "tools", "links", "header", "dfp",
                                       "gpt", "rail", "aside", "extra", "email", "date",
                                       "time", "print", "masthead", NULL};
/* A class/id with one of these words is the content, never negative. */
static const char *const pos_word[] = {"body", "content", "main", "text", "entry",
                                       "articlebody", "storybody", "postbody", NULL};

/* Calls f on each alphanumeric word of s (lower-cased, up to 63 bytes);
   stops at the first non-zero return and returns it. */
static int each_word(const char *s, int (*f)(const char *w))
{
    char w[64];
    size_t k = 0;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            if (k < sizeof w - 1)
                w[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
            if (k) {
                w[k] = 0;
                int r = f(w);
                if (r)
                    return r;
                k = 0;
            }
            if (!c)
                return 0;
        }
    }
}

static int word_neg(const char *w)
{
    for (const char *const *p = neg_word; *p; p++)
        if (w[0] == (*p)[0] && !strcmp(w, *p))
            return 1;
    return 0;
}

static int word_pos(const char *w)
{
    for (const char *const *p = pos_word; *p; p++)
        if (w[0] == (*p)[0] && !strcmp(w, *p))
            return 1;
    return 0;
}

/* Lower-cased copy of s into buf (cap bytes, truncated). */
static void lower_into(const char *s, char *buf, size_t cap)
{
    size_t k = 0;
    for (; *s && k + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[k] = 0;
}

/* Rule 2 for one class or id value: 1 negative, 0 not. */
static int attr_negative(const char *v)
{
    if (!v || !*v)
        return 0;
    if (each_word(v, word_pos))
        return 0;
    if (each_word(v, word_neg))
        return 1;
    char low[256];
    lower_into(v, low, sizeof low);
    for (const char *const *p = neg_sub; *p; p++) {
        const char *hit = strstr(low, *p);
        /* "commentary" is an opinion piece, not the comments */
        if (hit && !(!strcmp(*p, "comment") && !strncmp(hit, "commentary", 10)))
            return 1;
    }
    return 0;
}

static int style_hidden(const char *st)
{
    if (!st)
        return 0;
    char low[256], sq[256];
    lower_into(st, low, sizeof low);
    size_t k = 0;
    for (const char *p = low; *p && k + 1 < sizeof sq; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n')
            sq[k++] = *p;
    sq[k] = 0;
    return strstr(sq, "display:none") || strstr(sq, "visibility:hidden");
}

/* Flags that depend on the tag name alone (F_NEG here: a negative tag). */
enum { T_KEEP = 1u << 16, T_ARTICLE = 1u << 17 };

static uint32_t tag_flags(const xmlChar *nm)
{
    uint32_t f = 0;
    if (name_in(nm, drop_tags))
        return F_DROP;
    if (name_in(nm, block_tags))
        f |= F_BLOCK;
    if (nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6' && !nm[2]) {
        f |= F_HEADING;
        if (nm[1] == '1')
            f |= F_H1;
    }
    if (html_eq(nm, "a"))
        f |= F_LINK;
    if (html_eq(nm, "html") || html_eq(nm, "body") || html_eq(nm, "main"))
        f |= T_KEEP;
    else if (html_eq(nm, "article"))
        f |= T_ARTICLE;
    else if (name_in(nm, neg_tags))
        f |= F_NEG;
    return f;
}

static uint32_t tag_flags_cached(ex_cache *c, const xmlChar *nm)
{
    size_t h = ((uintptr_t)nm >> 4) % TAG_CACHE;
    if (c->tag[h] != nm) {
        c->tag[h] = nm;
        c->tagf[h] = tag_flags(nm);
    }
    return c->tagf[h];
}

static int attr_negative_cached(ex_cache *c, const char *v)
{
    if (!v || !*v)
        return 0;
    uint64_t h = hash_bytes(v, strlen(v)) | 1;
    size_t slot = (size_t)(h >> 32) % ATTR_CACHE;
    if (c->attr[slot] != h) {
        c->attr[slot] = h;
        c->attrneg[slot] = (unsigned char)attr_negative(v);
    }
    return c->attrneg[slot];
}

static int role_negative(const char *role)
{
    static const char *const roles[] = {"navigation", "complementary", "contentinfo",
                                        "banner", "dialog", "alert", NULL};
    return role && name_in((const xmlChar *)role, roles);
}

/* The flags of element n (rules 1 and 2). */
static uint32_t elem_flags(ex_cache *c, const xmlChar *name, const xmlChar **atts)
{
    uint32_t tf = tag_flags_cached(c, name);
    if (tf & F_DROP)
        return F_DROP;
    uint32_t f = tf & (F_BLOCK | F_HEADING | F_H1 | F_LINK);
    const char *cls = NULL, *id = NULL, *role = NULL;
    for (; atts && atts[0]; atts += 2) {
        const char *v = atts[1] ? (const char *)atts[1] : "";
        const xmlChar *an = atts[0];
        switch (an[0] | 32) {
        case 'h':
            if (html_eq(an, "hidden"))
                return F_DROP;
            break;
        case 's':
            if (html_eq(an, "style") && style_hidden(v))
                return F_DROP;
            break;
        case 'a':
            if (html_eq(an, "aria-hidden") && html_eq((const xmlChar *)v, "true"))
                return F_DROP;
            break;
        case 'i':
            if (html_eq(an, "id"))
                id = v;
            else if (html_eq(an, "itemprop") && strstr(v, "articleBody"))
                f |= F_BODYPROP;
            break;
        case 'c':
            if (html_eq(an, "class"))
                cls = v;
            break;
        case 'r':
            if (html_eq(an, "role"))
                role = v;
            break;
        default:
            break;
        }
    }
    if ((tf & T_KEEP) || (f & F_BODYPROP))
        return f;
    if (tf & F_NEG)
        return f | F_NEG;
    if (role_negative(role))
        return f | F_NEG;
    if (tf & T_ARTICLE)
        return f;
    if (attr_negative_cached(c, cls) || attr_negative_cached(c, id))
        f |= F_NEG;
    return f;
}

/* ---- text with collapsed whitespace ----------------------------------- */

/* Appends text s to out: whitespace runs (ASCII and no-break space) become
   one pending space, zero-width characters and soft hyphens vanish.
   Counts characters and sentence punctuation when the counters are given. */
static void put_text(pbuf *out, const unsigned char *s, size_t len, int *space,
                     size_t *chars, size_t *punct)
{
    size_t nc = 0, np = 0;
    const unsigned char *end = s + len;
    while (s < end) {
        size_t left = (size_t)(end - s);
        unsigned char c = *s;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            *space = 1;
            s++;
            continue;
        }
        if (c == 0xC2 && left >= 2 && s[1] == 0xA0) { /* no-break space */
            *space = 1;
            s += 2;
            continue;
        }
        if (c == 0xC2 && left >= 2 && s[1] == 0xAD) { /* soft hyphen */
            s += 2;
            continue;
        }
        if (c == 0xE2 && left >= 3 && s[1] == 0x80 && (s[2] >= 0x8B && s[2] <= 0x8F)) { /* ZW*, LRM, RLM */
            s += 3;
            continue;
        }
        if (c == 0xE2 && left >= 3 && s[1] == 0x81 && s[2] == 0xA0) { /* word joiner */
            s += 3;
            continue;
        }
        if (c == 0xEF && left >= 3 && s[1] == 0xBB && s[2] == 0xBF) { /* BOM / ZWNBSP */
            s += 3;
            continue;
        }
        if (*space && out->len > 0 && out->data[out->len - 1] != '\n')
            pbuf_putc(out, ' ');
        *space = 0;
        /* copy one run of ordinary bytes */
        const unsigned char *r = s;
        while (r < end && *r != ' ' && *r != '\n' && *r != '\t' && *r != '\r' && *r != '\f' &&
               *r != '\v' && *r != 0xC2 && *r != 0xE2 && *r != 0xEF) {
            if ((*r & 0xC0) != 0x80)
                nc++;
            if (*r == '.' || *r == ',' || *r == ';' || *r == ':' || *r == '!' || *r == '?')
                np++;
            else if (*r == 0xE3 && end - r >= 3 && r[1] == 0x80 && (r[2] == 0x81 || r[2] == 0x82))
                np++; /* CJK 、 。 */
            r++;
        }
        if (r == s) { /* a lead byte of the special cases that was not one */
            if (c == 0xEF && left >= 3 && s[1] == 0xBC &&
                (s[2] == 0x8C || s[2] == 0x81 || s[2] == 0x9F || s[2] == 0x9B || s[2] == 0x9A))
                np++; /* full-width ， ！ ？ ； ： */
            r++;
            while (r < end && (*r & 0xC0) == 0x80)
                r++;
            nc++;
        }
        pbuf_put(out, (const char *)s, (size_t)(r - s));
        s = r;
    }
    if (chars)
        *chars += nc;
    if (punct)
        *punct += np;
}

void extract_put_text(pbuf *out, const char *s, size_t n, int *space)
{
    put_text(out, (const unsigned char *)s, n, space, NULL, NULL);
}

/* ---- cutting paragraphs ------------------------------------------------ */

static void ex_flush(ex *x)
{
    /* trim the trailing space never written: put_text writes spaces only
       before text, so nothing to trim */
    if (x->cur_chars > 0) {
        if (x->npa == x->cappa) {
            size_t nc = x->cappa ? x->cappa * 2 : 256;
            ex_para *np = prealloc(x->pa, pmul(nc, sizeof *np));
            if (!np) {
                x->oom = 1;
                return;
            }
            x->pa = np;
            x->cappa = nc;
        }
        ex_para *p = &x->pa[x->npa++];
        p->start = x->cur_start;
        p->end = x->text.len;
        p->chars = x->cur_chars;
        p->link_chars = x->cur_link;
        p->punct = x->cur_punct;
        p->owner = x->cur_owner;
        p->heading = x->cur_heading;
        pbuf_putc(&x->text, '\n');
    } else {
        x->text.len = x->cur_start; /* drop a paragraph of spaces only */
        if (x->text.data)
            x->text.data[x->text.len] = 0;
    }
    x->cur_start = x->text.len;
    x->cur_chars = x->cur_link = x->cur_punct = 0;
    x->space = 1;
}

/* Heading bits of element i and its ancestors up to the first block. */
static uint32_t heading_bits(const ex *x, uint32_t i)
{
    while (i != UINT32_MAX) {
        if (x->el[i].flags & F_HEADING)
            return x->el[i].flags & (F_HEADING | F_H1);
        if (x->el[i].flags & F_BLOCK)
            return 0;
        i = x->el[i].parent;
    }
    return 0;
}

/* Nearest block element at or above i (the paragraph's owner). */
static uint32_t block_owner(const ex *x, uint32_t i)
{
    while (i != UINT32_MAX && !(x->el[i].flags & F_BLOCK))
        i = x->el[i].parent;
    return i;
}

/* The parser's events.  An element opens: dropped subtrees are skipped
   whole (only their depth is counted); others get an entry, and a block
   ends the paragraph being cut.  Text goes to the current paragraph.  An
   element closes: a block ends the paragraph again.  libxml2 closes every
   element it opened (implied end tags included), so the events nest. */
void extract_start(ex *x, const xmlChar *name, const xmlChar **atts)
{
    if (x->oom)
        return;
    if (x->drop_depth) {
        x->drop_depth++;
        return;
    }
    uint32_t f = elem_flags(&x->cache, name, atts);
    if (f & F_DROP) {
        x->drop_depth = 1;
        return;
    }
    if (x->nel == x->capel) {
        size_t nc = x->capel ? x->capel * 2 : 1024;
        ex_elem *ne = nc < UINT32_MAX ? prealloc(x->el, pmul(nc, sizeof *ne)) : NULL;
        if (!ne) {
            x->oom = 1;
            return;
        }
        x->el = ne;
        x->capel = nc;
    }
    uint32_t me = (uint32_t)x->nel++, parent = x->open;
    ex_elem *e = &x->el[me];
    e->parent = parent;
    e->flags = f;
    e->end = me + 1;
    e->score = e->good = 0;
    e->nparas = e->nlinkp = 0;
    e->chars = 0;
    e->neg = (f & F_NEG) ? me : parent != UINT32_MAX ? x->el[parent].neg : UINT32_MAX;
    if (f & F_BLOCK)
        ex_flush(x);
    if (f & F_LINK)
        x->link_depth++;
    x->open = me;
}

void extract_end(ex *x)
{
    if (x->oom)
        return;
    if (x->drop_depth) {
        x->drop_depth--;
        return;
    }
    uint32_t me = x->open;
    if (me == UINT32_MAX)
        return;
    if (x->el[me].flags & F_BLOCK)
        ex_flush(x);
    if ((x->el[me].flags & F_LINK) && x->link_depth)
        x->link_depth--;
    x->el[me].end = (uint32_t)x->nel;
    x->open = x->el[me].parent;
}

void extract_chars(ex *x, const xmlChar *s, int n)
{
    if (x->oom || x->drop_depth || x->open == UINT32_MAX || n <= 0)
        return;
    if (x->cur_chars == 0 && x->text.len == x->cur_start) {
        x->cur_owner = block_owner(x, x->open);
        x->cur_heading = heading_bits(x, x->open);
    }
    size_t before = x->cur_chars;
    put_text(&x->text, s, (size_t)n, &x->space, &x->cur_chars, &x->cur_punct);
    if (x->link_depth)
        x->cur_link += x->cur_chars - before;
}

ex *extract_new(void)
{
    ex *x = pcalloc(1, sizeof *x);
    if (!x)
        return NULL;
    pbuf_init(&x->text);
    x->space = 1;
    x->cur_owner = UINT32_MAX;
    x->open = UINT32_MAX;
    return x;
}

void extract_free(ex *x)
{
    if (!x)
        return;
    pfree(x->el);
    pfree(x->pa);
    pbuf_free(&x->text);
    pfree(x);
}

/* ---- judging paragraphs ------------------------------------------------ */

static int para_good(const ex_para *p)
{
    if (p->heading)
        return 0;
    if (p->chars < GOOD_MIN_CHARS)
        return 0;
    if (p->link_chars * 10 > p->chars * 3)
        return 0;
    if (p->chars < 80 && p->punct == 0)
        return 0;
    return 1;
}

static int para_bad(const ex_para *p)
{
    if (p->heading)
        return 0;
    if (p->link_chars * 2 > p->chars)
        return 1;
    return p->chars < GOOD_MIN_CHARS && p->punct == 0;
}

/* Lower-cased copy of s[0..n) into buf (cap bytes), trailing spaces and
   punctuation dropped. */
static size_t lower_trim(const char *s, size_t n, char *buf, size_t cap)
{
    size_t k = 0;
    for (; k < n && k < cap - 1; k++) {
        unsigned char c = (unsigned char)s[k];
        buf[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    while (k && (buf[k - 1] == ' ' || buf[k - 1] == '.' || buf[k - 1] == ':' ||
                 buf[k - 1] == '!' || buf[k - 1] == '>' || buf[k - 1] == '|'))
        k--;
    buf[k] = 0;
    return k;
}

/* Page furniture by its words: a short paragraph that is one of the
   stock lines of widgets and labels ("Advertisement", "Share", "Tags",
   "Related content", "Don't miss"), or starts with one of their phrases
   ("Read more", "Sign up", "Follow us", "Image copyright", "Photo:"). */
static int stock_phrase(const char *s, size_t n)
{
    static const char *const whole[] = {
        "advert", "advertisement", "advertisment", "ad", "ads", "share", "shares", "tags",
        "tag", "topics", "related", "related content", "related articles", "related stories",
        "related coverage", "related posts", "related news", "don't miss", "don’t miss",
        "more", "more stories", "comments", "print", "email", "e-mail", "menu", "close",
        "loading", "tweet", "video", "photos", "gallery", "next", "previous", "back to top",
        "trending", "most read", "most popular", "recommended", "sponsored", "newsletter",
        "subscribe", "share this", "share this article", "share this story", "see also",
        "read more", "read next", "more from", "you may also like", "you might also like",
        "recommended for you", "popular", "latest", "latest news", "top stories",
        "this slideshow requires javascript", "tell us what you think", NULL};
    static const char *const prefix[] = {
        "advertisement", "sponsored content", "story continues", "continue reading",
        "read more", "read next", "read also", "related:", "see also:", "more:", "share this",
        "share on ", "share via", "click here", "sign up", "subscribe to", "subscribe for",
        "follow us", "follow @", "like us on", "image:", "image copyright", "image caption",
        "photo:", "photograph:", "picture:", "credit:", "getty images", "photo by ",
        "photo credit", "(ap photo", "file photo", "©", "copyright ©", "all rights reserved",
        "leave a comment", "we use cookies", "skip to ", "next article", "previous article",
        "updated:", "published:", "posted:", "last updated", "open in app", "download the app",
        "get the app", "watch:", "watch the video", "listen:", "listen to this", NULL};
    char low[96];
    size_t k = lower_trim(s, n, low, sizeof low);
    for (const char *const *p = whole; *p; p++)
        if (!strcmp(low, *p))
            return 1;
    for (const char *const *p = prefix; *p; p++)
        if (!strncmp(low, *p, strlen(*p)))
            return 1;
    (void)k;
    return 0;
}

/* A promotion of the site's own newsletter or app, which articles end on. */
static int promo_line(const char *s, size_t n)
{
    static const char *const prefix[] = {"get the latest", "sign up for", "subscribe to",
                                         "download our app", "download the", NULL};
    char low[32];
    lower_trim(s, n, low, sizeof low);
    for (const char *const *p = prefix; *p; p++)
        if (!strncmp(low, *p, strlen(*p)))
            return 1;
    return 0;
}

/* A caption's credit at the end: "(Image: GETTY)", "(Photo: AP)". */
static int credit_tail(const char *s, size_t n)
{
    if (n < 4 || s[n - 1] != ')')
        return 0;
    size_t open = n;
    while (open > 0 && s[open - 1] != '(' && n - open < 60)
        open--;
    if (open == 0 || s[open - 1] != '(')
        return 0;
    char low[24];
    lower_trim(s + open, n - open, low, sizeof low);
    static const char *const heads[] = {"image", "photo", "picture", "pic", "credit",
                                        "getty", "ap photo", "reuters", "afp", NULL};
    for (const char *const *p = heads; *p; p++)
        if (!strncmp(low, *p, strlen(*p)))
            return 1;
    return 0;
}

/* Case-insensitive substring search in s[0..n) for an ASCII word. */
static int has_word(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && ((unsigned char)s[i + j] | 32) == (unsigned char)w[j])
            j++;
        if (j == k)
            return 1;
    }
    return 0;
}

/* A cookie or consent notice. */
static int cookie_notice(const char *s, size_t n, size_t chars)
{
    return chars < 600 && has_word(s, n, "cookie") &&
           (has_word(s, n, "website") || has_word(s, n, "browsing") ||
            has_word(s, n, "consent") || has_word(s, n, "privacy") ||
            has_word(s, n, "this site"));
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of a run of ASCII letters at s[0..n). */
static size_t alpha_run(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && ((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z'))
        k++;
    return k;
}

static int month_word(const char *s, size_t k)
{
    static const char *const m[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec", NULL};
    if (k < 3)
        return 0;
    for (const char *const *p = m; *p; p++)
        if ((s[0] | 32) == (*p)[0] && (s[1] | 32) == (*p)[1] && (s[2] | 32) == (*p)[2])
            return 1;
    return 0;
}

/* Does the line open with a date ("05/10/2018", "2019-11-20",
   "November 20, 2019", "Tue, 19 Nov 2019")?  The date-and-name lines of
   article headers do. */
static int starts_with_date(const char *s, size_t n)
{
    size_t i = 0, k = alpha_run(s, n);
    static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL};
    if (k >= 3 && !month_word(s, k))
        for (const char *const *d = days; *d; d++)
            if ((s[0] | 32) == (*d)[0] && (s[1] | 32) == (*d)[1] && (s[2] | 32) == (*d)[2]) {
                i = k; /* a weekday: skip it and its comma */
                while (i < n && (s[i] == ',' || s[i] == ' ' || s[i] == '.'))
                    i++;
                break;
            }
    const char *t = s + i;
    size_t m = n - i;
    if (m >= 8 && is_digit(t[0])) {
        size_t a = 0;
        while (a < m && is_digit(t[a]))
            a++;
        if (a <= 4 && a < m && (t[a] == '/' || t[a] == '-' || t[a] == '.')) {
            size_t b = a + 1;
            while (b < m && is_digit(t[b]))
                b++;
            if (b > a + 1 && b <= a + 3 && b + 1 < m && t[b] == t[a] && is_digit(t[b + 1]))
                return 1; /* two separators: a whole date, not "1/2 tsp" */
        }
        if (a <= 2 && a < m && t[a] == ' ' && month_word(t + a + 1, alpha_run(t + a + 1, m - a - 1)))
            return 1;
        return 0;
    }
    k = alpha_run(t, m);
    if (month_word(t, k)) {
        size_t j = k;
        while (j < m && (t[j] == ' ' || t[j] == '.'))
            j++;
        return j < m && is_digit(t[j]);
    }
    return 0;
}

static int is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

/* A byline ("By Jane Doe and John Roe") or a bare date/time line. */
static int byline_or_date(const char *s, size_t n, size_t chars, size_t punct)
{
    if (chars > 100)
        return 0;
    if (n > 3 && (s[0] == 'B' || s[0] == 'b') && s[1] == 'y' && s[2] == ' ' &&
        (is_upper_ascii(s[3]) || (unsigned char)s[3] >= 0x80) && s[n - 1] != '.')
        return 1;
    (void)punct;
    /* mostly digits and month or day names: a date line */
    static const char *const words[] = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "am", "pm", "a.m", "p.m", "updated",
        "published", "posted", "edt", "est", "gmt", "utc", "bst", "cet", "pdt", "pst", "cst",
        "cdt", "at", "on", "ist", "aest", NULL};
    size_t nwords = 0, datey = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && !(((unsigned char)s[i] | 32) >= 'a' && ((unsigned char)s[i] | 32) <= 'z') &&
               !(s[i] >= '0' && s[i] <= '9'))
            i++;
        if (i >= n)
            break;
        size_t b = i;
        while (i < n && ((((unsigned char)s[i] | 32) >= 'a' && ((unsigned char)s[i] | 32) <= 'z') ||
                         (s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
            i++;
        nwords++;
        if (s[b] >= '0' && s[b] <= '9') {
            datey++;
            continue;
        }
        char w[5];
        size_t k = 0;
        for (size_t j = b; j < i && k < 4; j++)
            w[k++] = (char)(s[j] | 32);
        w[k] = 0;
        if (i - b > 3)
            w[3] = 0; /* month/day names by their first three letters */
        for (const char *const *p = words; *p; p++)
            if (!strcmp(w, *p)) {
                datey++;
                break;
            }
    }
    return nwords >= 2 && datey == nwords;
}

/* ---- the container ------------------------------------------------------ */

/* Nearest negative element at or above each element, in document order
   (a parent's index is below its children's). */
static void set_neg_chain(ex *x)
{
    for (size_t i = 0; i < x->nel; i++) {
        uint32_t par = x->el[i].parent;
        x->el[i].neg = (x->el[i].flags & F_NEG) ? (uint32_t)i
                       : par != UINT32_MAX     ? x->el[par].neg
                                               : UINT32_MAX;
    }
}

/* Adds each element's own score and good characters to its ancestors. */
static void sum_subtrees(ex *x)
{
    for (size_t i = x->nel; i-- > 1;) {
        uint32_t par = x->el[i].parent;
        if (par != UINT32_MAX) {
            x->el[par].score += x->el[i].score;
            x->el[par].good += x->el[i].good;
        }
    }
}

/* Paragraph counts per subtree, for teaser_para(). */
static void count_paras(ex *x)
{
    for (size_t i = 0; i < x->npa; i++) {
        const ex_para *p = &x->pa[i];
        if (p->owner == UINT32_MAX)
            continue;
        ex_elem *e = &x->el[p->owner];
        e->nparas++;
        e->chars += p->chars;
        if (p->chars >= 15 && p->link_chars * 2 > p->chars)
            e->nlinkp++;
    }
    for (size_t i = x->nel; i-- > 1;) {
        uint32_t par = x->el[i].parent;
        if (par != UINT32_MAX) {
            x->el[par].nparas += x->el[i].nparas;
            x->el[par].nlinkp += x->el[i].nlinkp;
            x->el[par].chars += x->el[i].chars;
        }
    }
}

/* A teaser: prose that shares a small box with a headline link, as the
   items of a list of other stories do ("<h3><a>Headline</a></h3><p>What
   it is about</p>").  Looked for up to TEASER_UP levels above the
   paragraph's block; an article's own paragraphs sit in a box of many. */
static int teaser_para(const ex *x, const ex_para *p)
{
    uint32_t e = p->owner;
    for (int up = 0; up <= TEASER_UP && e != UINT32_MAX; up++, e = x->el[e].parent) {
        const ex_elem *el = &x->el[e];
        if (el->nparas > TEASER_MAX_PARAS || el->chars > TEASER_MAX_CHARS)
            return 0;
        if (el->nlinkp > 0)
            return 1;
    }
    return 0;
}

static void score_paras(ex *x, int use_neg)
{
    for (size_t i = 0; i < x->nel; i++)
        x->el[i].score = x->el[i].good = 0;
    for (size_t i = 0; i < x->npa; i++) {
        const ex_para *p = &x->pa[i];
        if (p->owner == UINT32_MAX || (use_neg && x->el[p->owner].neg != UINT32_MAX))
            continue;
        if (para_good(p) && teaser_para(x, p)) {
            x->el[p->owner].score -= TEASER_W * (double)p->chars;
        } else if (para_good(p)) {
            x->el[p->owner].score += (double)p->chars;
            x->el[p->owner].good += (double)p->chars;
        } else if (para_bad(p)) {
            x->el[p->owner].score -= ALPHA * (double)p->chars;
        }
    }
    sum_subtrees(x);
}

static uint32_t pick_container(ex *x)
{
    /* A "negative" element holding most of the page's prose is the
       article's wrapper with an unlucky class name ("page-ad-margins",
       "has-sidebar"), not boilerplate: it stops being negative. */
    count_paras(x);
    score_paras(x, 0);
    double total = 0;
    for (size_t i = 0; i < x->nel; i++)
        if (x->el[i].parent == UINT32_MAX)
            total += x->el[i].good;
    for (size_t i = 0; i < x->nel; i++)
        if ((x->el[i].flags & F_NEG) && x->el[i].good > NEG_KEEP * total)
            x->el[i].flags &= ~(uint32_t)F_NEG;
    set_neg_chain(x);
    score_paras(x, 1);
    uint32_t best = UINT32_MAX;
    double bs = 0;
    for (size_t i = 0; i < x->nel; i++)
        if (x->el[i].neg == UINT32_MAX && (best == UINT32_MAX || x->el[i].score > bs)) {
            best = (uint32_t)i;
            bs = x->el[i].score;
        }
    if (best != UINT32_MAX && x->el[best].good <= 0)
        return UINT32_MAX; /* no prose anywhere: no article */
    /* the page's own mark of the body wins when it holds prose */
    for (size_t i = 0; i < x->nel; i++)
        if ((x->el[i].flags & F_BODYPROP) && x->el[i].good >= 0.5 * (best != UINT32_MAX ? x->el[best].good : 0) &&
            x->el[i].good > 0) {
            return (uint32_t)i;
        }
    return best;
}

/* Letters and digits of s[0..n), lower-cased (ASCII), into buf. */
static size_t fold_alnum(const char *s, size_t n, char *buf, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'))
            buf[k++] = (char)(c | (c >= 'A' ? 32 : 0));
        else if (c >= 0x80)
            buf[k++] = (char)c;
    }
    buf[k] = 0;
    return k;
}

/* The headline again: a paragraph equal to the title, or one containing
   the other, letters and digits compared without case. */
static int title_like(const char *s, size_t n, const char *title)
{
    if (!title || n > 400)
        return 0;
    char a[512], b[512];
    size_t na = fold_alnum(s, n, a, sizeof a), nb = fold_alnum(title, strlen(title), b, sizeof b);
    if (na < 12 || nb < 12)
        return 0;
    return !strcmp(a, b) || (na >= nb && strstr(a, b) && na < nb + 40) || (nb > na && strstr(b, a));
}

size_t extract_finish(ex *x, const html_meta *m, pbuf *out)
{
    ex_flush(x);
    size_t kept = 0;
    if (x->oom || x->text.oom) {
        out->oom = 1;
        return 0;
    }
    uint32_t c = pick_container(x);
    if (c == UINT32_MAX)
        return 0;
    int body_started = 0; /* a good paragraph was kept: header lines are over */
    for (size_t i = 0; i < x->npa; i++) {
        const ex_para *p = &x->pa[i];
        uint32_t o = p->owner;
        if (o == UINT32_MAX || o < c || o >= x->el[c].end)
            continue;
        uint32_t ng = x->el[o].neg;
        if (ng != UINT32_MAX && ng >= c)
            continue; /* a negative subtree inside the container */
        const char *s = x->text.data + p->start;
        size_t n = p->end - p->start;
        if (p->heading & F_H1)
            continue;
        if (p->link_chars * 2 > p->chars)
            continue;
        if (p->chars <= 60 && stock_phrase(s, n))
            continue;
        if (p->chars <= 120 && promo_line(s, n))
            continue;
        if (p->chars < 400 && credit_tail(s, n))
            continue;
        if (cookie_notice(s, n, p->chars))
            continue;
        if (byline_or_date(s, n, p->chars, p->punct))
            continue;
        if (p->chars < 70 && s[n - 1] != '.' && s[n - 1] != ':' && s[n - 1] != '?' &&
            s[n - 1] != '!' && !body_started && starts_with_date(s, n))
            continue;
        if ((p->heading || !body_started) && m && title_like(s, n, m->title))
            continue;
        if (para_good(p))
            body_started = 1;
        if (kept)
            pbuf_put(out, "\n\n", 2);
        pbuf_put(out, s, n);
        kept++;
    }
    return kept;
}
