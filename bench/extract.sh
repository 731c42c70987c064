#!/usr/bin/env bash
# Article-extraction benchmark (not a test): scores 'precis extract' on the
# 181 pages of the article-extraction benchmark (scrapinghub, MIT) with the
# benchmark's own metric (bench/extract_score.py), runs readability-lxml
# (Debian python3-readability) on the same decompressed pages in the same
# run, prints both beside the published table, then the speed (MB/s of
# HTML per core) and peak RSS of each, and the metadata accuracy.
#
#   bench/extract.sh [BUILD_DIR]      (default build/)
#
# Timing runs take /tmp/precis-bench.lock so that two benchmarks never run
# at once.  Needs ../shared/data/extraction/scrapinghub (or
# $PRECIS_SHARED_DATA/extraction/scrapinghub; skips otherwise).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
precis=$build/precis
data=${PRECIS_SHARED_DATA:-$here/../shared/data}/extraction/scrapinghub
py=/usr/bin/python3 # Debian's, where python3-readability and lxml live
if [ ! -f "$data/ground-truth.json" ]; then
  echo "extract: $data not found; skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/html"
for f in "$data"/html/*.html.gz; do
  b=$(basename "$f" .gz)
  gzip -dc "$f" > "$tmp/html/$b"
done
bytes=$(cat "$tmp"/html/*.html | wc -c)
pages=$(ls "$tmp"/html | wc -l)
reps=5 # precis reads the page set this many times per timed run

# precis: one process over all pages, JSON Lines out (in argument order)
ls "$tmp"/html/*.html > "$tmp/list"
mapfile -t files < "$tmp/list"
"$precis" extract "${files[@]}" > "$tmp/precis.jsonl" 2> "$tmp/precis.err" || true
"$py" - "$tmp/list" "$tmp/precis.jsonl" "$tmp/precis.json" <<'PY'
import json, os, sys
names = [os.path.basename(l.strip())[:-len(".html")] for l in open(sys.argv[1])]
lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
assert len(lines) == len(names), "one output line per page"
out = {n: {"articleBody": json.loads(l).get("text", "")} for n, l in zip(names, lines)}
json.dump(out, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
PY

# timing: precis over the page set $reps times in one process; the peer once
all=()
for _ in $(seq $reps); do all+=("${files[@]}"); done
flock /tmp/precis-bench.lock /usr/bin/time -f "%e %U %S %M" -o "$tmp/t.precis" \
  "$precis" extract "${all[@]}" > /dev/null 2>&1 || true
flock /tmp/precis-bench.lock /usr/bin/time -f "%e %U %S %M" -o "$tmp/t.peer" \
  "$py" "$here/bench/extract_peer.py" "$tmp/html" "$tmp/peer.json" 2> "$tmp/peer.err"

echo "== Article body: $pages pages of $data (metric: the benchmark's evaluate.py)"
"$py" "$here/bench/extract_score.py" "$data/ground-truth.json" \
  "precis $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo)=$tmp/precis.json" \
  "readability-lxml (this run)=$tmp/peer.json"
echo "-- published (F1 precision recall):"
grep -E '^\| (rs_trafilatura|go_trafilatura|trafilatura|newspaper4k|readability_js|readability-lxml|goose3|justext|AutoExtract|Diffbot) ' \
  "$data/README.md" | grep -v Debian | awk -F'|' '{printf "   %-34s %s %s %s\n", $2, $4, $5, $6}'

echo
echo "== Speed ($bytes bytes of HTML; precis reads them $reps times)"
read -r e u s m < "$tmp/t.precis"
read -r pe pu ps pm < "$tmp/t.peer"
peer_inproc=$(grep -o '[0-9.]* s' "$tmp/peer.err" | head -1 | cut -d' ' -f1)
awk -v b="$bytes" -v r="$reps" -v e="$e" -v u="$u" -v s="$s" -v m="$m" \
    -v pe="$pe" -v pu="$pu" -v ps="$ps" -v pm="$pm" -v pi="$peer_inproc" 'BEGIN {
  cpu = u + s; pcpu = pu + ps
  printf "%-44s %9s %9s %12s %10s\n", "", "wall s", "CPU s", "MB/s/core", "peak RSS"
  printf "%-44s %9.2f %9.2f %12.1f %7.1f MiB\n", "precis extract (whole process)", e, cpu, b*r/1e6/cpu, m/1024
  printf "%-44s %9.2f %9.2f %12.1f %7.1f MiB\n", "readability-lxml (whole process)", pe, pcpu, b/1e6/pcpu, pm/1024
  printf "%-44s %9.2f %9s %12s\n", "readability-lxml (its extraction calls, wall)", pi, "", ""
  printf "precis / readability-lxml, CPU time per MB: %.1fx\n", (b*r/cpu)/(b/pcpu)
}'
grep -c . "$tmp/precis.err" > /dev/null && { echo "-- pages precis gave no text for:"; sed 's/^/   /' "$tmp/precis.err"; } || true

echo
echo "== Metadata against the pages' own markup"
"$py" "$here/bench/extract_meta.py" "$data/ground-truth.json" "$tmp/list" "$tmp/precis.jsonl"
