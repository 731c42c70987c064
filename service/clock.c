/*
 * clock.c -- the news desk's time helpers: now in milliseconds, ISO 8601
 * out, epoch seconds or ISO 8601 in.  On their own so that the desk, the
 * store, the pages and the versions each call them without calling one
 * another.
 */
#include "service.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int64_t serve_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void serve_iso_time(int64_t ms, char *buf, size_t cap)
{
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int64_t serve_parse_time(const char *s)
{
    if (!s || !*s)
        return -1;
    const char *p = s;
    int all_digits = 1;
    for (; *p; p++)
        if (*p < '0' || *p > '9')
            all_digits = 0;
    if (all_digits && p - s <= 12)
        return (int64_t)strtoll(s, NULL, 10) * 1000;
    int y, mo, da, h = 0, mi = 0, se = 0, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &da, &n) != 3)
        return -1;
    p = s + n;
    if (*p == 'T' || *p == ' ') {
        int m = 0;
        if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &m) != 2)
            return -1;
        p += 1 + m;
        if (*p == ':') {
            if (sscanf(p + 1, "%2d%n", &se, &m) != 1)
                return -1;
            p += 1 + m;
        }
    }
    if (*p == 'Z')
        p++;
    if (*p || mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59 || se > 60)
        return -1;
    /* days from the civil date (proleptic Gregorian), then seconds */
    int yy = y - (mo <= 2);
    int era = (yy >= 0 ? yy : yy - 399) / 400;
    int yoe = yy - era * 400;
    int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + da - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = (int64_t)era * 146097 + doe - 719468;
    return ((days * 24 + h) * 60 + mi) * (int64_t)60000 + (int64_t)se * 1000;
}
