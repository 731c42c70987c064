#!/usr/bin/env bash
# Throughput of precis on Redis Streams against the single-process path, on
# the Multi-News validation documents as one stream (14,286 articles):
#   - ingest: articles/s appended by 'precis ingest --redis';
#   - clustering + summaries end to end with 1 and with 2 workers: the
#     clustering consumer and the workers start together on the ingested
#     backlog; the time until every story event is acknowledged, and the
#     backlog (events not yet acknowledged) sampled every second;
#   - single process: 'precis stories --summarize' on the same file;
# and the ratio of each to the single-process run.  Peak RSS from
# /usr/bin/time -v.
# Usage: bench/redis.sh [PRECIS] [ARTICLES.jsonl] [N]
set -u
precis=${1:-build/precis}
data=${2:-../shared/data/stories/multinews-val.jsonl}
n=${3:-0}
[ -f "$data" ] || { echo "no $data (the shared evaluation data); skipped"; exit 0; }
command -v redis-server >/dev/null || { echo "redis-server not installed (make test-deps)"; exit 1; }
tmp=$(mktemp -d)
trap 'kill -9 ${rpid:-} 2>/dev/null; rm -rf "$tmp"' EXIT
if [ "$n" -gt 0 ]; then head -n "$n" "$data" > "$tmp/in.jsonl"; else cp "$data" "$tmp/in.jsonl"; fi
# the gold label is not the clusterer's to read
python3 -c '
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line); r.pop("story", None); print(json.dumps(r))' "$tmp/in.jsonl" > "$tmp/a.jsonl"
narts=$(wc -l < "$tmp/a.jsonl")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=redis://127.0.0.1:$port
R() { redis-cli -p "$port" "$@"; }
redis-server --port "$port" --bind 127.0.0.1 --dir "$tmp" --save '' --appendonly yes \
  --appendfsync everysec --daemonize no --logfile "$tmp/redis.log" & rpid=$!
for _ in $(seq 1 100); do R ping >/dev/null 2>&1 && break; sleep 0.05; done
secs() { python3 -c 'import time; print(time.time())'; }
rss() { sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$1"; }

echo "articles: $narts (from $data)"
printf '\n| run | seconds | articles/s | vs single process | peak RSS (MB) |\n|---|---:|---:|---:|---:|\n'
t0=$(secs)
/usr/bin/time -v "$precis" stories --summarize "$tmp/a.jsonl" > /dev/null 2> "$tmp/single.time"
t1=$(secs)
single=$(python3 -c "print($t1 - $t0)")
printf '| single process: precis stories --summarize | %.2f | %.0f | 1.00 | %d |\n' "$single" \
  "$(python3 -c "print($narts / $single)")" $(( $(rss "$tmp/single.time") / 1024 ))

run() { # db workers
  local db=$1 w=$2
  t0=$(secs)
  /usr/bin/time -v "$precis" ingest --redis "$url/$db" "$tmp/a.jsonl" 2> "$tmp/ing.time"
  t1=$(secs)
  ing=$(python3 -c "print($t1 - $t0)")
  t0=$(secs)
  /usr/bin/time -v "$precis" worker --redis "$url/$db" --cluster en --name c \
    --idle-exit 1000 2> "$tmp/c.time" &
  local pc=$! pw=()
  for i in $(seq 1 "$w"); do
    /usr/bin/time -v "$precis" worker --redis "$url/$db" --name "w$i" --batch 64 \
      --idle-exit 2000 2> "$tmp/w$i.time" & pw+=($!)
  done
  : > "$tmp/backlog.$w"
  while kill -0 "$pc" 2>/dev/null || kill -0 "${pw[0]}" 2>/dev/null; do
    echo "$(R -n "$db" xlen precis:articles:en) $(R -n "$db" xlen precis:stories) $(R -n "$db" xpending precis:stories workers | head -1)" >> "$tmp/backlog.$w"
    sleep 1
  done
  wait "$pc" "${pw[@]}"
  t1=$(secs)
  # the idle-exit waits are not work
  local total
  total=$(python3 -c "print($t1 - $t0 - 2.0)")
  local wr=0
  for i in $(seq 1 "$w"); do wr=$(( wr > $(rss "$tmp/w$i.time") ? wr : $(rss "$tmp/w$i.time") )); done
  printf '| ingest to Redis (db %s) | %.2f | %.0f | %.2f | %d |\n' "$db" "$ing" \
    "$(python3 -c "print($narts / $ing)")" "$(python3 -c "print($single / $ing)")" \
    $(( $(rss "$tmp/ing.time") / 1024 ))
  printf '| cluster + %d worker(s), end to end | %.2f | %.0f | %.2f | %d (clusterer), %d (worker) |\n' \
    "$w" "$total" "$(python3 -c "print($narts / $total)")" "$(python3 -c "print($single / $total)")" \
    $(( $(rss "$tmp/c.time") / 1024 )) $(( wr / 1024 ))
}
run 1 1
run 2 2
echo
echo "stories: $(R -n 2 zcard precis:updated) with results; dead letters: $(R -n 2 xlen precis:dead 2>/dev/null)"
for w in 1 2; do
  echo "backlog with $w worker(s), one sample a second (article entries, story events, events pending):"
  awk '{printf "%s/%s/%s ", $1, $2, $3} END {print ""}' "$tmp/backlog.$w"
done
