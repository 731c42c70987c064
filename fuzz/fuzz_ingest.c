/* fuzz_ingest.c -- a body posted to the news desk (POST /articles, precis
   ingest): one JSON article or JSON Lines, through desk_ingest() into a
   store in a temporary file.  The answer must be one JSON object whose
   counts agree with its lists, with a status the API documents.  The
   summary workers are kept idle (a one-hour debounce): the summarizer has
   its own targets. */
#include "fuzz_common.h"
#include "service.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static desk *the_desk;
static char db_path[64];

static void drop_store(void)
{
    desk_close(the_desk, 0);
    unlink(db_path);
    char p[80];
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!the_desk) {
        snprintf(db_path, sizeof db_path, "/tmp/precis-fuzz-ingest-%ld.db", (long)getpid());
        desk_config cfg;
        desk_config_init(&cfg);
        cfg.db = db_path;
        cfg.debounce_ms = cfg.max_wait_ms = 3600 * 1000;
        cfg.workers = 1;
        cfg.quiet = 1;
        cfg.max_article = 4096;
        char err[256];
        the_desk = desk_open(&cfg, err, sizeof err);
        FUZZ_CHECK(the_desk != NULL);
        atexit(drop_store);
    }
    pbuf out;
    pbuf_init(&out);
    int status = desk_ingest(the_desk, (const char *)data, size, &out);
    FUZZ_CHECK(status == 200 || status == 400 || status == 413 || status == 503);
    FUZZ_CHECK(!out.oom && out.len > 0);
    json_error_t je;
    json_t *o = json_loadb(out.data, out.len, 0, &je);
    FUZZ_CHECK(o && json_is_object(o));
    if (status == 200 || status == 400) {
        size_t acc = (size_t)json_integer_value(json_object_get(o, "accepted"));
        size_t dup = (size_t)json_integer_value(json_object_get(o, "duplicates"));
        size_t rej = (size_t)json_integer_value(json_object_get(o, "rejected"));
        FUZZ_CHECK(json_array_size(json_object_get(o, "articles")) == acc + dup);
        FUZZ_CHECK(json_array_size(json_object_get(o, "errors")) == rej);
        FUZZ_CHECK((status == 400) == (rej > 0 || acc + dup == 0));
    }
    json_decref(o);
    pbuf_free(&out);
    return 0;
}
