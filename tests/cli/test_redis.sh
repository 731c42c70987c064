#!/usr/bin/env bash
# precis on Redis Streams, against a real redis-server this test starts on
# a free loopback port (AOF on, fsync always) and stops:
#  1. two summarizer workers share the work, and every story gets a result;
#  2. kill -9 of a worker in the middle of its batch loses nothing: its
#     pending entries are taken over by another worker (XAUTOCLAIM);
#  3. kill -9 of the clustering consumer loses nothing: a standby takes over
#     the shard and the stories come out the same as in an uninterrupted run;
#  4. a Redis restart (kill -9, AOF replay) loses no acknowledged article;
#  5. poison entries go to precis:dead with their error and are acknowledged.
# Usage: test_redis.sh PRECIS TESTS_DIR SHARED_DATA
set -u
precis=$1
server=$(command -v redis-server || true)
cli=$(command -v redis-cli || true)
if [ -z "$server" ] || [ -z "$cli" ]; then
  echo "redis-server or redis-cli not installed (make test-deps installs them); skipped"
  exit 77
fi
fail=0
pass=0
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  [ -n "${rpid:-}" ] && kill -9 "$rpid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
check() { # name, status (0 = ok)
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=redis://127.0.0.1:$port
R() { "$cli" -p "$port" "$@"; }
start_redis() {
  "$server" --port "$port" --bind 127.0.0.1 --dir "$tmp" --save '' --appendonly yes \
    --appendfsync always --daemonize no --logfile "$tmp/redis.log" &
  rpid=$!
  for _ in $(seq 1 100); do R ping >/dev/null 2>&1 && return 0; sleep 0.05; done
  echo "redis-server did not start"; cat "$tmp/redis.log"; exit 1
}
start_redis

# Twelve stories of three articles each, told in their own words, plus a
# copy; every article has an id.
python3 - "$tmp/articles.jsonl" <<'EOF'
import json, sys
topics = [
 ("flood", "Floodwater from the swollen river breached the levee at Portville", "rescue boats evacuated residents"),
 ("quake", "A strong earthquake shook the mountain town of Varna at dawn", "collapsed houses trapped families"),
 ("strike", "Dock workers at the port of Halden walked out over pay", "container ships queued offshore"),
 ("election", "Voters in Marlow chose a new mayor after a close count", "the recount confirmed the result"),
 ("fire", "A wildfire spread through the pine forests above Calder", "firefighters cut breaks along the ridge"),
 ("bridge", "The old rail bridge over the Tesk collapsed under a freight train", "engineers had warned about rust"),
 ("vaccine", "Health officials in Norland approved a new measles vaccine", "clinics will offer it next month"),
 ("merger", "Two regional airlines, Skyra and Bluewing, agreed to merge", "regulators will review the deal"),
 ("storm", "A winter storm dropped a metre of snow on Easton", "schools closed and roads were blocked"),
 ("court", "The supreme court of Vesland struck down the surveillance law", "judges cited privacy rights"),
 ("mine", "Twelve miners were rescued from a flooded coal mine near Dorrow", "pumps lowered the water overnight"),
 ("comet", "Astronomers spotted a bright comet approaching the inner solar system", "it will be visible in March"),
]
out = open(sys.argv[1], "w")
n = 0
for k in range(3):
    for t, lead, more in topics:
        n += 1
        text = (f"{lead}, officials said on Monday. Witnesses said {more}. "
                f"Report {k} of the {t} story adds that local leaders met late into the night. "
                f"The {t} has drawn attention across the region, and more news on the {t} is expected.")
        out.write(json.dumps({"id": f"{t}-{k}", "source": f"outlet{k}", "title": lead, "text": text, "lang": "en"}) + "\n")
out.close()
EOF
narts=$(wc -l < "$tmp/articles.jsonl")

# ---- ingest is idempotent by id ------------------------------------------
"$precis" ingest --redis "$url" "$tmp/articles.jsonl" 2>"$tmp/ing.err"
check "ingest exits 0" $?
"$precis" ingest --redis "$url" "$tmp/articles.jsonl" 2>"$tmp/ing2.err"
check "ingest again exits 0" $?
[ "$(R xlen precis:articles:en)" = "$narts" ]
check "each article appended once ($(R xlen precis:articles:en) of $narts)" $?
grep -q "0 accepted, $narts already there" "$tmp/ing2.err"
check "the second ingest reports duplicates" $?

# ---- 1. the clustering consumer, then two workers share the work --------
"$precis" worker --redis "$url" --cluster en --name c1 --idle-exit 800 2>"$tmp/c1.err"
check "clusterer exits 0" $?
nstories=$(R --scan --pattern 'precis:story:*' | wc -l)
[ "$nstories" -ge 6 ] && [ "$nstories" -le 24 ]
check "stories formed ($nstories)" $?
missing=0
for i in $(seq 0 2); do for t in flood quake comet; do
  [ -n "$(R hget "precis:article:$t-$i" story)" ] || missing=$((missing + 1))
done; done
check "articles carry their story" "$missing"
[ "$(R hget precis:article:flood-0 story)" = "$(R hget precis:article:flood-2 story)" ] &&
  [ "$(R hget precis:article:flood-0 story)" != "$(R hget precis:article:quake-0 story)" ]
check "same event together, different events apart" $?
[ "$(R xpending precis:articles:en cluster | head -1)" = 0 ]
check "every article entry acknowledged" $?

"$precis" worker --redis "$url" --name w1 --batch 2 --delay 60 --idle-exit 1500 2>"$tmp/w1.err" &
p1=$!
"$precis" worker --redis "$url" --name w2 --batch 2 --delay 60 --idle-exit 1500 2>"$tmp/w2.err" &
p2=$!
wait $p1; s1=$?
wait $p2; s2=$?
check "workers exit 0" $((s1 + s2))
n1=$(sed -n 's/.*w1: \([0-9]*\) results stored.*/\1/p' "$tmp/w1.err")
n2=$(sed -n 's/.*w2: \([0-9]*\) results stored.*/\1/p' "$tmp/w2.err")
[ "${n1:-0}" -ge 1 ] && [ "${n2:-0}" -ge 1 ]
check "both workers stored results (w1 ${n1:-?}, w2 ${n2:-?})" $?
[ "$(R zcard precis:updated)" = "$nstories" ]
check "every story has a result ($(R zcard precis:updated) of $nstories)" $?
s=$(R hget precis:article:flood-1 story)
[ "$(R hget "precis:result:$s" version)" = "$(R hget "precis:story:$s" version)" ] &&
  R hget "precis:result:$s" summary | grep -q "levee"
check "a result is the story's current version, with its summary" $?
R hget "precis:result:$s" report | python3 -c 'import json,sys; r=json.load(sys.stdin); assert "summary" in r and "quotes" in r' 2>/dev/null
check "the stored report is JSON with the report's parts" $?
[ "$(R xpending precis:stories workers | head -1)" = 0 ]
check "every story event acknowledged" $?

# ---- 2. kill -9 of a worker in the middle of its batch -------------------
R del precis:updated >/dev/null
for k in $(R --scan --pattern 'precis:result:*'); do R del "$k" >/dev/null; done
for s in $(R --scan --pattern 'precis:story:*'); do
  R xadd precis:stories '*' story "${s#precis:story:}" version "$(R hget "$s" version)" >/dev/null
done
"$precis" worker --redis "$url" --name victim --batch 50 --delay 3000 2>"$tmp/v.err" &
pv=$!
for _ in $(seq 1 100); do
  [ "$(R xpending precis:stories workers | head -1)" -gt 0 ] 2>/dev/null && break; sleep 0.05
done
kill -9 $pv; wait $pv 2>/dev/null
pend=$(R xpending precis:stories workers | head -1)
[ "$pend" -gt 0 ]
check "the killed worker left entries pending ($pend)" $?
"$precis" worker --redis "$url" --name heir --claim-idle 300 --idle-exit 1500 2>"$tmp/h.err"
check "the heir exits 0" $?
[ "$(R zcard precis:updated)" = "$nstories" ]
check "every story recomputed after the kill ($(R zcard precis:updated) of $nstories)" $?
[ "$(R xpending precis:stories workers | head -1)" = 0 ]
check "nothing left pending after the take-over" $?

# ---- 3. kill -9 of the clustering consumer --------------------------------
# Reference: an uninterrupted run on database 1; the run under test on
# database 2 is killed mid-stream and a standby finishes it.
"$precis" ingest --redis "$url/1" "$tmp/articles.jsonl" 2>/dev/null
"$precis" worker --redis "$url/1" --cluster en --name ref --idle-exit 500 2>/dev/null
"$precis" ingest --redis "$url/2" "$tmp/articles.jsonl" 2>/dev/null
"$precis" worker --redis "$url/2" --cluster en --name first --snapshot-every 5 --lease 1500 \
  --delay 40 2>"$tmp/first.err" &
pf=$!
pids+=("$pf")
for _ in $(seq 1 200); do
  n=$(R -n 2 --scan --pattern 'precis:members:*' | wc -l)
  [ "$n" -ge 5 ] && break; sleep 0.02
done
kill -9 $pf; wait $pf 2>/dev/null
done_before=$(R -n 2 xpending precis:articles:en cluster | head -1)
"$precis" worker --redis "$url/2" --cluster en --name standby --lease 1500 --idle-exit 500 \
  2>"$tmp/standby.err"
check "the standby exits 0" $?
partition() { # db -> one line per story: its sorted member ids
  for a in $(R -n "$1" --scan --pattern 'precis:article:*' | sort); do
    echo "$(R -n "$1" hget "$a" story) ${a#precis:article:}"
  done | sort | awk '{m[$1] = m[$1] " " $2} END {for (s in m) print m[s]}' | sort
}
partition 1 > "$tmp/p1"
partition 2 > "$tmp/p2"
cmp -s "$tmp/p1" "$tmp/p2" && [ "$(wc -l < "$tmp/p1")" -ge 6 ]
check "after the kill the stories equal the uninterrupted run's" $?
[ "$(R -n 2 xpending precis:articles:en cluster | head -1)" = 0 ]
check "no article entry left pending (was ${done_before:-?} at the kill)" $?
assigned=$(for a in $(R -n 2 --scan --pattern 'precis:article:*'); do R -n 2 hget "$a" story; done | grep -c .)
[ "$assigned" = "$narts" ]
check "every article assigned after the kill ($assigned of $narts)" $?

# ---- 4. Redis restart: AOF keeps every acknowledged article --------------
before=$(R -n 3 dbsize)
"$precis" ingest --redis "$url/3" "$tmp/articles.jsonl" 2>/dev/null
check "ingest before the restart" $?
kill -9 "$rpid"; wait "$rpid" 2>/dev/null
start_redis
after=$(R -n 3 --scan --pattern 'precis:article:*' | wc -l)
[ "$after" = "$narts" ] && [ "$before" = 0 ]
check "after kill -9 of redis-server and AOF replay: $after of $narts articles" $?
[ "$(R -n 3 xlen precis:articles:en)" = "$narts" ]
check "the shard stream survived the restart" $?

# ---- 5. poison entries ----------------------------------------------------
R -n 4 xadd precis:articles:en '*' id no-such-article >/dev/null
R -n 4 xadd precis:articles:en '*' junk 1 >/dev/null
printf '{"id":"empty-1","text":"   ","lang":"en"}\n{"id":"ok-1","text":"The levee at Portville held overnight, engineers said.","lang":"en"}\n' > "$tmp/poison.jsonl"
printf '{"id":"bad json\n' >> "$tmp/poison.jsonl"
"$precis" ingest --redis "$url/4" "$tmp/poison.jsonl" 2>"$tmp/poison.err"
[ $? = 1 ] && grep -q "poison.jsonl:3:" "$tmp/poison.err"
check "malformed JSON is refused at ingest with FILE:LINE" $?
R -n 4 xadd precis:stories '*' nothing here >/dev/null
R -n 4 xadd precis:stories '*' story en-999 version 1 >/dev/null
"$precis" worker --redis "$url/4" --cluster en --name pc --idle-exit 500 2>/dev/null
check "the clusterer survives poison" $?
"$precis" worker --redis "$url/4" --name pw --idle-exit 800 2>/dev/null
check "the worker survives poison" $?
[ "$(R -n 4 xlen precis:dead)" -ge 5 ]
check "poison moved to precis:dead ($(R -n 4 xlen precis:dead))" $?
R -n 4 xrange precis:dead - + | grep -q "no text\|empty"
check "the dead letter carries the error" $?
[ "$(R -n 4 xpending precis:articles:en cluster | head -1)" = 0 ] &&
  [ "$(R -n 4 xpending precis:stories workers | head -1)" = 0 ]
check "poison is acknowledged, not retried forever" $?
[ -n "$(R -n 4 hget precis:article:ok-1 story)" ]
check "the good article beside the poison is assigned" $?

# ---- 6. precis serve --redis: articles in over HTTP, stories out --------
if command -v curl >/dev/null; then
  "$precis" serve --redis "$url/5" --db "$tmp/desk.db" --port 0 -q > "$tmp/serve.out" 2> "$tmp/serve.err" &
  ps=$!
  pids+=("$ps")
  web=
  for _ in $(seq 1 200); do
    web=$(sed -n 's/^precis: serving \(http:[^ ]*\)\/ .*/\1/p' "$tmp/serve.out")
    [ -n "$web" ] && break; sleep 0.05
  done
  ans=$(curl -s --noproxy '*' -X POST --data-binary @"$tmp/articles.jsonl" "$web/articles")
  echo "$ans" | grep -q "\"accepted\":$narts" && echo "$ans" | grep -q '"queued":true'
  check "POST /articles appends to the shards ($narts queued)" $?
  ans=$(curl -s --noproxy '*' -X POST --data-binary @"$tmp/articles.jsonl" "$web/articles")
  echo "$ans" | grep -q "\"duplicates\":$narts"
  check "POST again: every article already there" $?
  "$precis" worker --redis "$url/5" --cluster en --name sc --idle-exit 500 2>/dev/null &&
    "$precis" worker --redis "$url/5" --name sw --idle-exit 800 2>/dev/null
  check "the pool processed the desk's articles" $?
  want=$(R -n 5 zcard precis:updated)
  got=0
  for _ in $(seq 1 100); do
    got=$(curl -s --noproxy '*' "$web/stories?limit=100" | grep -o '"headline"' | wc -l)
    [ "$got" -ge "$want" ] && break; sleep 0.1
  done
  [ "$want" -ge 6 ] && [ "$got" = "$want" ]
  check "GET /stories lists the pool's stories ($got of $want)" $?
  sid=$(curl -s --noproxy '*' "$web/stories?limit=100" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  curl -s --noproxy '*' "$web/stories/$sid" | grep -q '"summary"' &&
    curl -s --noproxy '*' "$web/story/$sid" | grep -q '<html'
  check "a story's JSON and page come from the worker's result" $?
  kill -TERM "$ps"; wait "$ps" 2>/dev/null
else
  echo "curl not installed: the serve --redis part is not run"
fi

"$precis" worker --redis "redis://127.0.0.1:1" --idle-exit 10 2>"$tmp/conn.err"
[ $? = 3 ] && grep -q "cannot connect" "$tmp/conn.err"
check "a refused connection is a clear error, exit 3" $?

echo "test_redis: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
