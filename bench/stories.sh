#!/usr/bin/env bash
# Story clustering benchmark: quality on the gold streams (precis and the
# scikit-learn peers, BCubed and pairwise P/R/F1) and speed at scale on a
# generated stream (10k, 100k, 1M articles; articles/s from wall and user
# time, peak RSS), with the online peer at 50k in the same run.
# Usage: bench/stories.sh [BUILD_DIR]   (from the repository root; needs
# ../shared/data; run under flock /tmp/precis-bench.lock on a shared box)
# Environment: DATA (default ../shared/data), SIZES (default "10000 100000 1000000"), PEER_N (50000),
# TMP (default /tmp/precis-stories-bench), QUALITY=0 skips the quality part.
set -eu
build=${1:-build}
precis=$build/precis
data=${DATA:-../shared/data}
sizes=${SIZES:-10000 100000 1000000}
peer_n=${PEER_N:-50000}
tmp=${TMP:-/tmp/precis-stories-bench}
py=/usr/bin/python3 # the Debian python with python3-sklearn
mkdir -p "$tmp"
if [ ! -d "$data/stories" ]; then
  echo "stories.sh: $data/stories not found; skipping" >&2
  exit 77
fi

eval_line() { # name gold pred
  "$py" bench/stories_eval.py "$2" "$3" --json | "$py" -c '
import json, sys
s = json.load(sys.stdin)
print("| %s | %d | %d | %.3f | %.3f | **%.3f** | %.3f | %.3f | %.3f |" % (sys.argv[1],
      s["articles"], s["pred_stories"], s["bcubed_p"], s["bcubed_r"], s["bcubed_f1"],
      s["pair_p"], s["pair_r"], s["pair_f1"]))' "$1"
}

if [ "${QUALITY:-1}" != 0 ]; then
# timeline17: all dev folders as one stream in date order (gold = topic)
"$py" - "$data/timeline17" > "$tmp/timeline17.jsonl" <<'EOF'
import glob, json, sys
rows = []
for f in sorted(glob.glob(sys.argv[1] + "/*.jsonl")):
    rows += [json.loads(l) for l in open(f, encoding="utf-8")]
rows.sort(key=lambda o: (o["date"], o["id"]))
for o in rows:
    print(json.dumps(o))
EOF

echo "## Quality"
echo
echo "| run | articles | stories | BCubed P | BCubed R | BCubed F1 | pair P | pair R | pair F1 |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for set in multinews-val ecbplus; do
  gold=$data/stories/$set.jsonl
  "$precis" stories "$gold" > "$tmp/$set.precis"
  eval_line "$set: precis" "$gold" "$tmp/$set.precis"
  "$py" bench/stories_peers.py online "$gold" > "$tmp/$set.online" 2>/dev/null
  eval_line "$set: sklearn online centroid (θ 0.24)" "$gold" "$tmp/$set.online"
done
"$py" bench/stories_peers.py agglo "$data/stories/ecbplus.jsonl" > "$tmp/ecbplus.agglo" 2>/dev/null
eval_line "ecbplus: sklearn average-linkage (d 0.79)" "$data/stories/ecbplus.jsonl" "$tmp/ecbplus.agglo"
# overfitting check: each half of each gold stream as a stream of its own
# (parameters were chosen on the whole streams; the halves' gold stories are
# cut in two, so compare halves with halves, not with the whole)
for set in multinews-val ecbplus; do
  gold=$data/stories/$set.jsonl
  n=$(wc -l < "$gold")
  head -n $((n / 2)) "$gold" > "$tmp/$set.half1.jsonl"
  tail -n +$((n / 2 + 1)) "$gold" > "$tmp/$set.half2.jsonl"
  for h in half1 half2; do
    "$precis" stories "$tmp/$set.$h.jsonl" > "$tmp/$set.$h.precis"
    eval_line "$set, $h: precis" "$tmp/$set.$h.jsonl" "$tmp/$set.$h.precis"
    "$py" bench/stories_peers.py online "$tmp/$set.$h.jsonl" > "$tmp/$set.$h.online" 2>/dev/null
    eval_line "$set, $h: sklearn online centroid" "$tmp/$set.$h.jsonl" "$tmp/$set.$h.online"
  done
done
t17=$tmp/timeline17.jsonl
"$precis" stories "$t17" > "$tmp/t17.precis"
eval_line "timeline17 (gold = topic): precis, 3 days" "$t17" "$tmp/t17.precis"
"$precis" stories --close-after 2592000 "$t17" > "$tmp/t17.precis30"
eval_line "timeline17 (gold = topic): precis, 30 days" "$t17" "$tmp/t17.precis30"
"$py" bench/stories_peers.py online "$t17" > "$tmp/t17.online" 2>/dev/null
eval_line "timeline17 (gold = topic): sklearn online centroid" "$t17" "$tmp/t17.online"

fi
echo
echo "## Speed (generated stream, --close-after-articles 5000)"
echo
max=0
for n in $sizes; do [ "$n" -gt "$max" ] && max=$n; done
[ "$peer_n" -gt "$max" ] && max=$peer_n
if [ ! -s "$tmp/gen.$max.jsonl" ]; then
  "$py" bench/stories_gen.py "$data/stories/multinews-val.jsonl" "$max" > "$tmp/gen.$max.jsonl"
fi
echo "| run | articles | wall s | user s | articles/s (wall) | articles/s per core (user) | peak RSS MB | BCubed F1 |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes $peer_n; do
  head -n "$n" "$tmp/gen.$max.jsonl" > "$tmp/gen.$n.part"
done
for n in $sizes; do
  /usr/bin/time -v "$precis" stories --close-after-articles 5000 "$tmp/gen.$n.part" \
    > "$tmp/gen.$n.out" 2> "$tmp/gen.$n.time"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, a, ":"); s = 0;
         for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s}' "$tmp/gen.$n.time")
  user=$(awk -F': ' '/User time/ {print $2}' "$tmp/gen.$n.time")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$tmp/gen.$n.time")
  f1=$("$py" bench/stories_eval.py "$tmp/gen.$n.part" "$tmp/gen.$n.out" --json |
       "$py" -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["bcubed_f1"])')
  echo "| precis | $n | $wall | $user | $(echo "$n / $wall" | bc) | $(echo "$n / $user" | bc) | $rss | $f1 |"
done
/usr/bin/time -v "$precis" stories --close-after-articles 5000 "$tmp/gen.$peer_n.part" \
  > "$tmp/peer.precis" 2> "$tmp/peer.precis.time"
pw=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, a, ":"); s = 0;
     for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s}' "$tmp/peer.precis.time")
pu=$(awk -F': ' '/User time/ {print $2}' "$tmp/peer.precis.time")
/usr/bin/time -v "$py" bench/stories_peers.py online "$tmp/gen.$peer_n.part" \
  > "$tmp/peer.online" 2> "$tmp/peer.online.time"
ow=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, a, ":"); s = 0;
     for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s}' "$tmp/peer.online.time")
ou=$(awk -F': ' '/User time/ {print $2}' "$tmp/peer.online.time")
orss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$tmp/peer.online.time")
of1=$("$py" bench/stories_eval.py "$tmp/gen.$peer_n.part" "$tmp/peer.online" --json |
      "$py" -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["bcubed_f1"])')
pf1=$("$py" bench/stories_eval.py "$tmp/gen.$peer_n.part" "$tmp/peer.precis" --json |
      "$py" -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["bcubed_f1"])')
echo "| precis | $peer_n | $pw | $pu | $(echo "$peer_n / $pw" | bc) | $(echo "$peer_n / $pu" | bc) | - | $pf1 |"
echo "| sklearn online centroid | $peer_n | $ow | $ou | $(echo "$peer_n / $ow" | bc) | $(echo "$peer_n / $ou" | bc) | $orss | $of1 |"
echo
echo "precis / sklearn online at $peer_n articles: $(echo "scale=1; $ow / $pw" | bc) x (wall), $(echo "scale=1; $ou / $pu" | bc) x (user)"
rm -f "$tmp"/gen.*.part "$tmp"/gen.*.out
