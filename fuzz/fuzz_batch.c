/* fuzz_batch.c -- the 'precis batch' command itself: its line reader, its
   format detection and its writers (text lines, JSON records, error
   records, the --analyze reports).  Two option bytes choose --input,
   --format, --analyze, --strict and the budget; the rest is the input
   file.  The guarantee checked: exactly one output line per input line,
   in order, and in JSON each line an object whose "record" is its line
   number (unless the input is UTF-16, which batch refuses whole). */
#define _GNU_SOURCE /* memfd_create */
#include "../cli/cli.h"
#include "fuzz_common.h"

#include <jansson.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int in_fd = -1, out_fd = -1;
    if (in_fd < 0) {
        in_fd = memfd_create("fuzz-batch-in", 0);
        out_fd = memfd_create("fuzz-batch-out", 0);
        FUZZ_CHECK(in_fd >= 0 && out_fd >= 0);
        fflush(stdout);
        FUZZ_CHECK(dup2(out_fd, STDOUT_FILENO) == STDOUT_FILENO);
    }
    unsigned a = fuzz_byte(&data, &size), b = fuzz_byte(&data, &size);
    static const char *inputs[] = {"auto", "multinews", "jsonl"};
    const char *input = inputs[a % 3];
    int json = (a / 3) % 2, analyze = (a / 6) % 4 == 0, strict = (a / 24) % 2;
    char words[16], inpath[64];
    snprintf(words, sizeof words, "%u", b % 64);
    FUZZ_CHECK(ftruncate(in_fd, 0) == 0 && lseek(in_fd, 0, SEEK_SET) == 0);
    FUZZ_CHECK(size == 0 || write(in_fd, data, size) == (ssize_t)size);
    snprintf(inpath, sizeof inpath, "/proc/self/fd/%d", in_fd);
    FUZZ_CHECK(ftruncate(out_fd, 0) == 0 && lseek(out_fd, 0, SEEK_SET) == 0);
    const char *args[12];
    int argc = 0;
    args[argc++] = "batch";
    args[argc++] = "-q";
    args[argc++] = "--input";
    args[argc++] = input;
    args[argc++] = "-w";
    args[argc++] = words;
    if (json)
        args[argc++] = "--format=json";
    if (analyze)
        args[argc++] = "--analyze";
    if (strict)
        args[argc++] = "--strict";
    args[argc++] = inpath;
    /* getopt wants writable strings */
    static char store[12][64];
    char *argv[13];
    for (int i = 0; i < argc; i++) {
        snprintf(store[i], sizeof store[i], "%s", args[i]);
        argv[i] = store[i];
    }
    argv[argc] = NULL;
    int rc = cmd_batch(argc, argv);
    FUZZ_CHECK(fflush(stdout) == 0);
    int utf16 = size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                              (data[0] == 0xFE && data[1] == 0xFF));
    FUZZ_CHECK(rc == 0 || rc == EXIT_PARTIAL || (rc == EXIT_FATAL && utf16));
    if (utf16)
        return 0;
    size_t lines = 0;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    if (size && data[size - 1] != '\n')
        lines++;
    off_t olen = lseek(out_fd, 0, SEEK_END);
    FUZZ_CHECK(olen >= 0);
    char *out = malloc((size_t)olen + 1);
    FUZZ_CHECK(out != NULL);
    FUZZ_CHECK(pread(out_fd, out, (size_t)olen, 0) == olen);
    out[olen] = '\0';
    size_t got = 0, start = 0;
    for (size_t i = 0; i < (size_t)olen; i++) {
        if (out[i] != '\n')
            continue;
        got++;
        if (json || analyze) {
            json_error_t e;
            json_t *o = json_loadb(out + start, i - start, 0, &e);
            FUZZ_CHECK(o != NULL && json_is_object(o));
            FUZZ_CHECK(json_integer_value(json_object_get(o, "record")) == (json_int_t)got);
            json_decref(o);
        }
        start = i + 1;
    }
    FUZZ_CHECK(start == (size_t)olen); /* every line ends with '\n' */
    FUZZ_CHECK(got == lines);
    free(out);
    return 0;
}
