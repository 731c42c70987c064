#!/usr/bin/env bash
# Benchmark of the live news desk ('precis serve'), not a test.
#
#   1. ingest: the Multi-News validation documents as one stream
#      (../shared/data/stories/multinews-val.jsonl, 14,286 articles) posted
#      by 'precis ingest --url' in batches, with live story assignment and
#      summaries: articles/s acknowledged, and articles/s end to end (until
#      every story's summary and report are written);
#   2. reads: 'GET /stories/ID' (the biggest story) and 'GET /' with wrk at
#      64 connections: requests/s, p99 latency, errors;
#   3. the server's peak RSS (VmHWM).
#
# Usage: bench/serve.sh [PRECIS] [DATA]   (run from the repository root)
# Run it alone: flock /tmp/precis-bench.lock bench/serve.sh
# Needs wrk and curl (make bench-deps test-deps).
set -eu
precis=${1:-build/precis}
data=${2:-../shared/data/stories/multinews-val.jsonl}
SECS=${SECS:-10}
WORKERS=${WORKERS:-2}
THREADS=${THREADS:-2}
[ -r "$data" ] || { echo "no $data (the evaluation data is outside the repository)"; exit 77; }
for t in wrk curl; do command -v $t > /dev/null || { echo "$t is not installed (make bench-deps)"; exit 77; }; done
tmp=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill -9 $PID 2> /dev/null; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../tests/cli/serve_common.sh"

start_server "$tmp/s" --db "$tmp/news.db" --workers "$WORKERS" --threads "$THREADS" -q
n=$(wc -l < "$data")
echo "== precis serve: $n articles from $(basename "$data"), $WORKERS summary workers, $THREADS HTTP threads, $(nproc) cores"

t0=$(date +%s.%N)
"$precis" ingest -q --url "$URL" --batch 500 "$data"
t1=$(date +%s.%N)
while ! idle; do :; done
t2=$(date +%s.%N)
# the server's CPU time (user + system), independent of other load
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' /proc/$PID/stat)
stories=$(c "$URL/stories?limit=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
versions=$(c "$URL/stories?limit=500" | grep -o '"version":[0-9]*' | awk -F: '{s += $2} END {print s}')
awk -v n="$n" -v a="$t0" -v b="$t1" -v e="$t2" -v s="$stories" 'BEGIN {
  printf "ingest (acknowledged, committed):   %6.1f s  %7.0f articles/s\n", b - a, n / (b - a);
  printf "end to end (all %d stories summarized): %6.1f s  %7.0f articles/s\n", s, e - a, n / (e - a) }'
awk -v n="$n" -v cpu="$cpu" -v c="$(nproc)" 'BEGIN {
  printf "server CPU time: %.1f s = %.0f articles per CPU-second (CPU-bound: at most %d cores x that = %.0f/s with the cores to itself)\n", cpu, n / cpu, c, c * n / cpu }'
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"

# the biggest story
id=$(c "$URL/stories?limit=500" | grep -o '"id":[0-9]*,"headline"[^{]*"n_articles":[0-9]*' |
  sed 's/"id":\([0-9]*\),.*"n_articles":\([0-9]*\)/\2 \1/' | sort -n | tail -1)
big=${id#* }
echo "story $big: ${id% *} articles, $(c "$URL/stories/$big" | wc -c) bytes of JSON, $(c "$URL/story/$big" | wc -c) bytes of HTML"
echo "(versions among the 500 newest stories: $versions)"

run_wrk() { # name url
  wrk -t2 -c64 -d"${SECS}s" --latency "$2" > "$tmp/wrk" 2>&1 || true
  awk -v name="$1" '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx/ { non2xx = $NF }
    /Socket errors/ { sock = $0; sub(/.*Socket errors: /, "", sock) }
    /requests in/ { total = $1 }
    END { printf "%-18s %9.0f req/s  p99 %8s  requests %s  non-2xx %s  socket errors %s\n",
          name, rps, p99, total, non2xx + 0, sock == "" ? "none" : sock }' "$tmp/wrk"
}
echo "== reads: wrk -t2 -c64 -d${SECS}s --latency"
run_wrk "GET /stories/$big" "$URL/stories/$big"
run_wrk "GET /" "$URL/"
run_wrk "GET /story/$big" "$URL/story/$big"
echo "server peak RSS: $(grep VmHWM /proc/$PID/status | awk '{printf "%.1f MiB", $2 / 1024}')"
stop_server || true
echo "store: $(du -h "$tmp/news.db" | cut -f1) ($(du -h "$tmp/news.db-wal" 2> /dev/null | cut -f1) WAL)"
