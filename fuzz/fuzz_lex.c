/* fuzz_lex.c -- the analysis tokenizer (src/lex.c) on arbitrary bytes,
   valid UTF-8 or not.  The first byte picks the language pack.  Checks the
   guarantees the stages rely on: every token inside the span lexed, in
   order, non-empty and non-overlapping; a word's proper part inside its
   span, its pack entry the one of that part; a number's record present; a
   quotation mark with its kind. */
#include "fuzz_common.h"
#include "lex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {"english", "spanish", "french", "italian", "danish"};
    unsigned pick = fuzz_byte(&data, &size) % 5;
    lang *L = lang_new(langs[pick]);
    if (!L)
        return 0;
    const char *t = (const char *)data;
    size_t lo = size > 8 ? 3 : 0; /* a span that starts inside the text */
    lex_doc d;
    memset(&d, 0, sizeof d);
    if (lex_span(&d, L, t, lo, size)) {
        lex_doc_free(&d);
        lang_free(L);
        return 0;
    }
    size_t prev = lo;
    for (size_t i = 0; i < d.ntok; i++) {
        const lex_tok *k = &d.tok[i];
        FUZZ_CHECK(k->s >= prev && k->s < k->e && k->e <= size);
        FUZZ_CHECK(k->we > k->s && k->we <= k->e);
        FUZZ_CHECK(k->kind >= LEX_WORD && k->kind <= LEX_NL);
        if (k->kind == LEX_WORD)
            FUZZ_CHECK(k->lw == lang_word_of(L, t + k->s, k->we - k->s) &&
                       k->fold == lex_fold(t, k->s, k->we));
        if (k->kind == LEX_NUM)
            FUZZ_CHECK(k->aux < d.nnum);
        if (k->kind == LEX_QUOTE)
            FUZZ_CHECK(k->mark != LEX_MK_NONE);
        prev = k->e;
    }
    lex_doc_free(&d);
    lang_free(L);
    return 0;
}
