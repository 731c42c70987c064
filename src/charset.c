/*
 * charset.c -- text in any real encoding, out as UTF-8.  Scraped news is
 * often Windows-1252 (the WHATWG Encoding Standard reads "iso-8859-1" and
 * "us-ascii" labels as Windows-1252 too, because that is what such pages
 * are), sometimes UTF-16 with a byte-order mark, and now and then in a
 * charset its page declares (windows-1250, gb2312, koi8-r ...).
 *
 * Decoding order (WHATWG Encoding Standard, "decode"): a byte-order mark
 * wins; then the declared label; then the bytes as they are when they are
 * valid UTF-8; otherwise Windows-1252.  Declared charsets other than the
 * ones handled here go through iconv(3) of the C library (glibc knows
 * every charset a news page declares), so no decoding table is copied in.
 * The one UTF-8 checker of the library is utf8_check (util.c).
 */
#include "charset.h"

#include "internal.h"

#include <errno.h>
#include <iconv.h>

/* Windows-1252 bytes 0x80..0x9F (WHATWG index-windows-1252; the five
   unassigned bytes map to the C1 controls of the same value). */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static uint32_t cp1252(unsigned char c)
{
    return c >= 0x80 && c < 0xA0 ? cp1252_hi[c - 0x80] : c;
}

static void put_cp(pbuf *b, uint32_t cp)
{
    char u[4];
    size_t k;
    if (cp >= 0xD800 && (cp < 0xE000 || cp > 0x10FFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char)cp;
        k = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3F));
        k = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12);
        u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        k = 3;
    } else {
        u[0] = (char)(0xF0 | cp >> 18);
        u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        k = 4;
    }
    pbuf_put(b, u, k);
}

/* Length of the longest prefix of s that is valid UTF-8, NUL bytes
   allowed (they are the caller's to reject). */
static size_t valid_prefix(const char *s, size_t n)
{
    size_t i = 0, bad;
    while (i < n) {
        precis_status st = utf8_check(s + i, n - i, &bad);
        if (st == PRECIS_OK)
            return n;
        if (st != PRECIS_ENUL)
            return i + bad;
        i += bad + 1;
    }
    return n;
}

charset_how charset_bom(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return CHARSET_UTF8_BOM;
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return CHARSET_UTF16LE_BOM;
    if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return CHARSET_UTF16BE_BOM;
    return CHARSET_UTF8;
}

int charset_is_plain_utf8(const char *s, size_t n)
{
    return charset_bom(s, n) == CHARSET_UTF8 && valid_prefix(s, n) == n;
}

/* Valid UTF-8 sequences as they are, every other byte as Windows-1252
   (all = 1: every byte as Windows-1252). */
static void decode_1252(pbuf *b, const char *s, size_t n, int all)
{
    size_t i = 0;
    while (i < n) {
        size_t v = all ? i : i + valid_prefix(s + i, n - i);
        if (all) {
            while (v < n && (unsigned char)s[v] < 0x80)
                v++;
        }
        pbuf_put(b, s + i, v - i);
        if (v >= n)
            break;
        put_cp(b, cp1252((unsigned char)s[v]));
        i = v + 1;
    }
}

/* UTF-8 after a byte-order mark: invalid bytes become U+FFFD. */
static void decode_utf8_lossy(pbuf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t v = i + valid_prefix(s + i, n - i);
        pbuf_put(b, s + i, v - i);
        if (v >= n)
            break;
        put_cp(b, 0xFFFD);
        i = v + 1;
    }
}

static void decode_utf16(pbuf *b, const unsigned char *u, size_t n, int be)
{
    size_t i = 0;
    while (i + 1 < n) {
        uint32_t c = be ? (uint32_t)u[i] << 8 | u[i + 1] : (uint32_t)u[i + 1] << 8 | u[i];
        i += 2;
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < n) {
            uint32_t d = be ? (uint32_t)u[i] << 8 | u[i + 1] : (uint32_t)u[i + 1] << 8 | u[i];
            if (d >= 0xDC00 && d < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                i += 2;
            }
        }
        put_cp(b, c); /* an unpaired surrogate becomes U+FFFD */
    }
    if (i < n)
        put_cp(b, 0xFFFD); /* an odd last byte */
}

/* The iconv name for a WHATWG label, "" for labels meaning UTF-8 (no
   declaration worth following), "windows-1252" for the Latin-1 family,
   NULL for a label that is not a plausible charset name. */
static const char *label_name(const char *label, char *buf, size_t cap)
{
    size_t k = 0;
    while (*label == ' ' || *label == '\t' || *label == '\n' || *label == '\r' ||
           *label == '\f')
        label++;
    for (; *label && k + 1 < cap; label++) {
        char ch = *label;
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f')
            break;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
              ch == '_' || ch == '.' || ch == ':'))
            return NULL;
        buf[k++] = ch;
    }
    buf[k] = '\0';
    if (k == 0 || (*label && *label != ' ' && *label != '\t' && *label != '\n' &&
                   *label != '\r' && *label != '\f'))
        return NULL;
    static const struct {
        const char *label, *name;
    } map[] = {
        {"utf-8", ""}, {"utf8", ""}, {"unicode-1-1-utf-8", ""}, {"unicode11utf8", ""},
        {"unicode20utf8", ""}, {"x-unicode20utf8", ""},
        {"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"},
        {"x-cp1252", "windows-1252"}, {"iso-8859-1", "windows-1252"},
        {"iso8859-1", "windows-1252"}, {"iso88591", "windows-1252"},
        {"iso_8859-1", "windows-1252"}, {"iso_8859-1:1987", "windows-1252"},
        {"latin1", "windows-1252"}, {"l1", "windows-1252"},
        {"ascii", "windows-1252"}, {"us-ascii", "windows-1252"},
        {"ansi_x3.4-1968", "windows-1252"}, {"cp819", "windows-1252"},
        {"ibm819", "windows-1252"}, {"iso-ir-100", "windows-1252"},
        {"csisolatin1", "windows-1252"},
        {"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
        {"chinese", "GB18030"}, {"csgb2312", "GB18030"}, {"gb_2312", "GB18030"},
        {"gb_2312-80", "GB18030"}, {"iso-ir-58", "GB18030"}, {"cp936", "GB18030"},
        {"ms936", "GB18030"}, {"windows-936", "GB18030"}, {"gb18030", "GB18030"},
        {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"},
        {"csbig5", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
        {"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"},
        {"ms_kanji", "CP932"}, {"csshiftjis", "CP932"}, {"windows-31j", "CP932"},
        {"x-sjis", "CP932"}, {"ms932", "CP932"},
        {"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"}, {"ks_c_5601-1989", "CP949"},
        {"korean", "CP949"}, {"windows-949", "CP949"}, {"cseuckr", "CP949"},
        {"csksc56011987", "CP949"}, {"iso-ir-149", "CP949"}, {"ksc5601", "CP949"},
        {"ksc_5601", "CP949"},
        {"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"},
        {"iso-8859-8-i", "ISO-8859-8"}, {"csiso88598i", "ISO-8859-8"},
        {"logical", "ISO-8859-8"}, {"mac", "MACINTOSH"}, {"macintosh", "MACINTOSH"},
        {"x-mac-roman", "MACINTOSH"}, {"csmacintosh", "MACINTOSH"},
        {"iso-8859-11", "TIS-620"}, {"windows-874", "TIS-620"}, {"tis-620", "TIS-620"},
        {"x-mac-cyrillic", "MAC-CYRILLIC"}, {"x-mac-ukrainian", "MAC-CYRILLIC"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(buf, map[i].label))
            return map[i].name;
    return buf;
}

/* Decodes through iconv; -1 when iconv does not know the charset, -2 when
   out of memory, 0 on success. */
static int decode_iconv(pbuf *b, const char *in, size_t n, const char *name)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return -1;
    char *ip;
    memcpy(&ip, &in, sizeof ip); /* iconv's prototype is not const-correct */
    size_t il = n;
    int rc = 0;
    while (il > 0) {
        if (pbuf_reserve(b, il + 64))
            break;
        char *op = b->data + b->len;
        size_t ol = b->cap - b->len - 1, before = ol;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        b->len += before - ol;
        b->data[b->len] = '\0';
        if (r != (size_t)-1 || errno == E2BIG)
            continue; /* E2BIG: pbuf_reserve above grows the buffer */
        if (errno != EILSEQ && errno != EINVAL) {
            rc = -1;
            break;
        }
        /* a byte that is not in the charset, or a sequence cut short at
           the end: U+FFFD, and on from the next byte */
        put_cp(b, 0xFFFD);
        ip++;
        il--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    if (!rc && !pbuf_reserve(b, 64)) {
        char *op = b->data + b->len;
        size_t ol = b->cap - b->len - 1, before = ol;
        iconv(cd, NULL, NULL, &op, &ol); /* the shift state's closing bytes */
        b->len += before - ol;
        b->data[b->len] = '\0';
    }
    iconv_close(cd);
    return b->oom ? -2 : rc;
}

int charset_decode(const char *in, size_t n, const char *declared, char **out,
                   size_t *out_len, charset_how *how)
{
    pbuf b;
    pbuf_init(&b);
    charset_how h = charset_bom(in, n);
    if (h == CHARSET_UTF8_BOM) {
        decode_utf8_lossy(&b, in + 3, n - 3);
    } else if (h == CHARSET_UTF16LE_BOM || h == CHARSET_UTF16BE_BOM) {
        decode_utf16(&b, (const unsigned char *)in + 2, n - 2, h == CHARSET_UTF16BE_BOM);
    } else {
        char lab[48];
        const char *name = declared ? label_name(declared, lab, sizeof lab) : NULL;
        int done = 0;
        if (name && !strcmp(name, "windows-1252")) {
            decode_1252(&b, in, n, 1);
            done = 1;
        } else if (name && *name) {
            int r = decode_iconv(&b, in, n, name);
            if (r == -2) {
                pbuf_free(&b);
                return -1;
            }
            if (r == 0)
                done = 1;
            else
                pbuf_free(&b); /* unknown to iconv: ignored */
        }
        if (done) {
            h = b.len == n && (n == 0 || !memcmp(b.data, in, n)) ? CHARSET_UTF8
                                                                  : CHARSET_DECLARED;
        } else if (valid_prefix(in, n) == n) {
            pbuf_put(&b, in, n);
            h = CHARSET_UTF8;
        } else {
            decode_1252(&b, in, n, 0);
            h = CHARSET_WINDOWS_1252;
        }
    }
    char *d = pbuf_take(&b, out_len);
    if (!d)
        return -1;
    *out = d;
    if (how)
        *how = h;
    return 0;
}

const char *charset_how_name(charset_how how)
{
    switch (how) {
    case CHARSET_UTF8: return "utf-8";
    case CHARSET_UTF8_BOM: return "utf-8-bom";
    case CHARSET_UTF16LE_BOM: return "utf-16le";
    case CHARSET_UTF16BE_BOM: return "utf-16be";
    case CHARSET_WINDOWS_1252: return "windows-1252";
    case CHARSET_DECLARED: return "declared";
    }
    return "utf-8";
}

/* ---- character references ---------------------------------------------*/

/* Named references worth decoding in news text, sorted by strcmp for
   bsearch (values from the HTML Living Standard's named character
   references). */
static const struct named_ref {
    char name[8];
    uint16_t cp;
} named_refs[] = {
    {"AElig", 0x00C6}, {"Aacute", 0x00C1}, {"Acirc", 0x00C2}, {"Agrave", 0x00C0},
    {"Aring", 0x00C5}, {"Atilde", 0x00C3}, {"Auml", 0x00C4}, {"Ccedil", 0x00C7},
    {"Dagger", 0x2021}, {"Delta", 0x0394}, {"ETH", 0x00D0}, {"Eacute", 0x00C9},
    {"Ecirc", 0x00CA}, {"Egrave", 0x00C8}, {"Euml", 0x00CB}, {"Iacute", 0x00CD},
    {"Icirc", 0x00CE}, {"Igrave", 0x00CC}, {"Iuml", 0x00CF}, {"Ntilde", 0x00D1},
    {"OElig", 0x0152}, {"Oacute", 0x00D3}, {"Ocirc", 0x00D4}, {"Ograve", 0x00D2},
    {"Omega", 0x03A9}, {"Oslash", 0x00D8}, {"Otilde", 0x00D5}, {"Ouml", 0x00D6},
    {"Prime", 0x2033}, {"Scaron", 0x0160}, {"THORN", 0x00DE}, {"Uacute", 0x00DA},
    {"Ucirc", 0x00DB}, {"Ugrave", 0x00D9}, {"Uuml", 0x00DC}, {"Yacute", 0x00DD},
    {"Yuml", 0x0178}, {"Zcaron", 0x017D}, {"aacute", 0x00E1}, {"acirc", 0x00E2},
    {"acute", 0x00B4}, {"aelig", 0x00E6}, {"agrave", 0x00E0}, {"alpha", 0x03B1},
    {"amp", 0x0026}, {"apos", 0x0027}, {"aring", 0x00E5}, {"asymp", 0x2248},
    {"atilde", 0x00E3}, {"auml", 0x00E4}, {"bdquo", 0x201E}, {"beta", 0x03B2},
    {"brvbar", 0x00A6}, {"bull", 0x2022}, {"ccedil", 0x00E7}, {"cedil", 0x00B8},
    {"cent", 0x00A2}, {"circ", 0x02C6}, {"copy", 0x00A9}, {"curren", 0x00A4},
    {"dagger", 0x2020}, {"darr", 0x2193}, {"deg", 0x00B0}, {"delta", 0x03B4},
    {"divide", 0x00F7}, {"eacute", 0x00E9}, {"ecirc", 0x00EA}, {"egrave", 0x00E8},
    {"emsp", 0x2003}, {"ensp", 0x2002}, {"eth", 0x00F0}, {"euml", 0x00EB}, {"euro", 0x20AC},
    {"fnof", 0x0192}, {"frac12", 0x00BD}, {"frac14", 0x00BC}, {"frac34", 0x00BE},
    {"gamma", 0x03B3}, {"ge", 0x2265}, {"gt", 0x003E}, {"harr", 0x2194}, {"hearts", 0x2665},
    {"hellip", 0x2026}, {"iacute", 0x00ED}, {"icirc", 0x00EE}, {"iexcl", 0x00A1},
    {"igrave", 0x00EC}, {"infin", 0x221E}, {"iquest", 0x00BF}, {"iuml", 0x00EF},
    {"laquo", 0x00AB}, {"larr", 0x2190}, {"ldquo", 0x201C}, {"le", 0x2264}, {"lrm", 0x200E},
    {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", 0x003C}, {"macr", 0x00AF},
    {"mdash", 0x2014}, {"micro", 0x00B5}, {"middot", 0x00B7}, {"minus", 0x2212},
    {"mu", 0x03BC}, {"nbsp", 0x00A0}, {"ndash", 0x2013}, {"ne", 0x2260}, {"not", 0x00AC},
    {"ntilde", 0x00F1}, {"oacute", 0x00F3}, {"ocirc", 0x00F4}, {"oelig", 0x0153},
    {"ograve", 0x00F2}, {"omega", 0x03C9}, {"ordf", 0x00AA}, {"ordm", 0x00BA},
    {"oslash", 0x00F8}, {"otilde", 0x00F5}, {"ouml", 0x00F6}, {"para", 0x00B6},
    {"permil", 0x2030}, {"pi", 0x03C0}, {"plusmn", 0x00B1}, {"pound", 0x00A3},
    {"prime", 0x2032}, {"quot", 0x0022}, {"raquo", 0x00BB}, {"rarr", 0x2192},
    {"rdquo", 0x201D}, {"reg", 0x00AE}, {"rlm", 0x200F}, {"rsaquo", 0x203A},
    {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"scaron", 0x0161}, {"sect", 0x00A7},
    {"shy", 0x00AD}, {"sigma", 0x03C3}, {"sup1", 0x00B9}, {"sup2", 0x00B2}, {"sup3", 0x00B3},
    {"szlig", 0x00DF}, {"thinsp", 0x2009}, {"thorn", 0x00FE}, {"tilde", 0x02DC},
    {"times", 0x00D7}, {"trade", 0x2122}, {"uacute", 0x00FA}, {"uarr", 0x2191},
    {"ucirc", 0x00FB}, {"ugrave", 0x00F9}, {"uml", 0x00A8}, {"uuml", 0x00FC},
    {"yacute", 0x00FD}, {"yen", 0x00A5}, {"yuml", 0x00FF}, {"zcaron", 0x017E},
    {"zwj", 0x200D}, {"zwnj", 0x200C},
};

static int cmp_ref(const void *k, const void *e)
{
    return strcmp(k, ((const struct named_ref *)e)->name);
}

/* The reference starting at s[0] == '&': its code point and length, or 0. */
static size_t ref_at(const char *s, size_t n, uint32_t *cp)
{
    size_t i = 1;
    if (i < n && s[i] == '#') {
        i++;
        int hex = i < n && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        uint32_t v = 0;
        size_t d0 = i;
        for (; i < n && i - d0 < 8; i++) {
            char ch = s[i];
            int dv = ch >= '0' && ch <= '9' ? ch - '0'
                     : hex && ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                     : hex && ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                                       : -1;
            if (dv < 0)
                break;
            v = v * (hex ? 16 : 10) + (uint32_t)dv;
        }
        if (i == d0 || i >= n || s[i] != ';')
            return 0;
        /* HTML: 0, surrogates, past U+10FFFF -> U+FFFD; 0x80-0x9F are
           read as Windows-1252 */
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))
            v = 0xFFFD;
        else if (v >= 0x80 && v < 0xA0)
            v = cp1252((unsigned char)v);
        *cp = v;
        return i + 1;
    }
    char name[8];
    size_t k = 0;
    for (; i < n && k < sizeof name - 1; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')))
            break;
        name[k++] = ch;
    }
    if (k == 0 || i >= n || s[i] != ';')
        return 0;
    name[k] = '\0';
    const struct named_ref *r =
        bsearch(name, named_refs, sizeof named_refs / sizeof *named_refs, sizeof *named_refs,
                cmp_ref);
    if (!r)
        return 0;
    *cp = r->cp;
    return i + 1;
}

int charset_decode_refs(const char *s, size_t n, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    pbuf b;
    pbuf_init(&b);
    size_t done = 0, i = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        if (!amp)
            break;
        i = (size_t)(amp - s);
        uint32_t cp;
        size_t k = ref_at(s + i, n - i, &cp);
        if (!k) {
            i++;
            continue;
        }
        pbuf_put(&b, s + done, i - done);
        if (cp != 0x00AD) /* a soft hyphen only marks where a word may break */
            put_cp(&b, cp == 0x00A0 ? ' ' : cp);
        i += k;
        done = i;
    }
    if (done == 0)
        return 0; /* no reference: nothing to change */
    pbuf_put(&b, s + done, n - done);
    char *d = pbuf_take(&b, out_len);
    if (!d)
        return -1;
    *out = d;
    return 0;
}
