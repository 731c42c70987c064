/* fuzz_stream.c -- the story stream's JSON Lines input and its snapshots.
   The first byte chooses the options (close after 1..4 arrivals or the
   defaults, keep_text, mix_languages, drop_closed) and the path: bit 7
   set = the rest of the input is a snapshot for precis_stream_load (which
   must fail cleanly or give a working stream); else each line is an
   article record.  Guarantees checked: a rejected record leaves the stream
   unchanged (the article count), a saved stream loads back and saves to
   the same bytes, story clusters build for open stories, and the closed
   queue drains to nothing. */
#include "fuzz_common.h"

static void exercise(precis_stream *s)
{
    uint64_t ids[8];
    size_t n = precis_stream_open_stories(s, ids, 8);
    precis_cluster *c = precis_cluster_new();
    FUZZ_CHECK(c != NULL);
    for (size_t i = 0; i < n && i < 8; i++) {
        precis_story st;
        FUZZ_CHECK(precis_stream_story(s, ids[i], &st) == PRECIS_OK);
        FUZZ_CHECK(st.n_articles > 0 && st.open == 1);
        precis_status cs = precis_stream_story_cluster(s, ids[i], c);
        FUZZ_CHECK(cs == PRECIS_OK || cs == PRECIS_EINVAL);
    }
    precis_cluster_free(c);
    char *buf = NULL, *buf2 = NULL;
    size_t len = 0, len2 = 0;
    FUZZ_CHECK(precis_stream_save(s, &buf, &len) == PRECIS_OK);
    precis_status st;
    precis_stream *l = precis_stream_load(buf, len, &st);
    FUZZ_CHECK(l != NULL && st == PRECIS_OK);
    FUZZ_CHECK(precis_stream_save(l, &buf2, &len2) == PRECIS_OK);
    FUZZ_CHECK(len == len2 && memcmp(buf, buf2, len) == 0);
    precis_free(buf);
    precis_free(buf2);
    precis_stream_free(l);
    precis_stream_close_all(s);
    precis_story story;
    while (precis_stream_next_closed(s, &story))
        FUZZ_CHECK(story.n_articles > 0);
    precis_stream_stats stats;
    precis_stream_stats_get(s, &stats);
    FUZZ_CHECK(stats.open_stories == 0 && stats.open_articles == 0 && stats.queued_closed == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned mode = fuzz_byte(&data, &size);
    precis_stream_options o;
    precis_stream_options_init(&o);
    o.close_after_articles = mode & 3;
    o.close_after = (mode & 3) * 3600.0;
    o.keep_text = (mode >> 2) & 1;
    o.mix_languages = (mode >> 3) & 1;
    o.drop_closed = (mode >> 4) & 1;
    const char *text = (const char *)data;
    if (mode & 0x80) {
        precis_status st;
        precis_stream *s = precis_stream_load(text, size, &st);
        FUZZ_CHECK((s != NULL) == (st == PRECIS_OK));
        if (s) {
            const char rec[] = "{\"id\":\"x\",\"text\":\"A new article arrives.\"}";
            precis_assignment as;
            precis_status a = precis_stream_add_json(s, rec, sizeof rec - 1, &as);
            FUZZ_CHECK(a == PRECIS_OK || a == PRECIS_EDUP);
            exercise(s);
            precis_stream_free(s);
        }
        return 0;
    }
    precis_stream *s = precis_stream_new(&o);
    FUZZ_CHECK(s != NULL);
    size_t i = 0;
    while (i < size) {
        const char *e = memchr(text + i, '\n', size - i);
        size_t end = e ? (size_t)(e - text) : size;
        precis_stream_stats before, after;
        precis_stream_stats_get(s, &before);
        precis_assignment as;
        precis_status st = precis_stream_add_json(s, text + i, end - i, &as);
        FUZZ_CHECK(st <= 0);
        precis_stream_stats_get(s, &after);
        FUZZ_CHECK(after.articles == before.articles + (st == PRECIS_OK));
        if (st == PRECIS_OK)
            FUZZ_CHECK(as.story > 0 && as.id != NULL && as.lang != NULL);
        else
            FUZZ_CHECK(precis_stream_error(s)[0] != '\0');
        precis_story story;
        while (precis_stream_next_closed(s, &story))
            FUZZ_CHECK(story.open == 0);
        i = end + 1;
    }
    exercise(s);
    precis_stream_free(s);
    return 0;
}
