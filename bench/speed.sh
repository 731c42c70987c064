#!/usr/bin/env bash
# Speed benchmark (not a test): words/s and clusters/s of 'precis batch'
# end to end on the Multi-News validation clusters, and the time of one
# synthetic 1,000-article cluster; peak RSS of each.  Figures go to stdout.
#
#   bench/speed.sh [BUILD_DIR]      (default build/; DATA=DIR for another
#                                    data directory)
#
# Needs ../shared/data/multinews-val (skips with a message otherwise).
# The last line of the first table compares the full report with the
# summary alone in the same run, in wall time and in CPU time (user +
# sys, best of 3): on a shared machine the CPU ratio is the one to quote,
# since other jobs stretch wall time but hardly the CPU time of a
# one-threaded run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
precis=$build/precis
data=${DATA:-$here/../shared/data}/multinews-val/val.src
if [ ! -f "$data" ]; then
  echo "speed: $data not found; skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
words=$(wc -w < "$data")
clusters=$(wc -l < "$data")

# run CMD...: prints seconds and peak RSS (KiB) of the best of 3 runs, and
# the least CPU seconds (user + sys) of the 3
run() {
  local best=999999 rss=0 cpu=999999
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$@" > "$tmp/out" 2>/dev/null || true
    read -r t m u s < "$tmp/time"
    if awk "BEGIN{exit !($t < $best)}"; then best=$t; rss=$m; fi
    cpu=$(awk -v u="$u" -v s="$s" -v c="$cpu" 'BEGIN{x = u + s; print (x < c ? x : c)}')
  done
  echo "$best $rss $cpu"
}

# a baseline in the same run: the cost of reading the input at all
read -r t_cat _ _ < <(run wc -w "$data")
printf "%-44s %8s %12s %12s %10s\n" "job" "seconds" "words/s" "clusters/s" "peak RSS"
for method in default lead-rr centroid lexrank mmr; do
  read -r t m _ < <(run "$precis" batch -q -m "$method" --words 300 "$data")
  awk -v j="multinews val ($clusters clusters), $method" -v t="$t" -v w="$words" -v c="$clusters" -v m="$m" \
    'BEGIN{printf "%-44s %8.2f %12.0f %12.0f %7.1f MiB\n", j, t, w/t, c/t, m/1024}'
done
read -r t_default _ c_default < <(run "$precis" batch -q --words 300 "$data")
read -r t m c < <(run "$precis" batch -q --analyze --words 300 "$data")
awk -v j="multinews val, default + analysis (report)" -v t="$t" -v w="$words" -v c="$clusters" -v m="$m" \
  'BEGIN{printf "%-44s %8.2f %12.0f %12.0f %7.1f MiB\n", j, t, w/t, c/t, m/1024}'
awk -v t="$t_cat" -v w="$words" 'BEGIN{printf "%-44s %8.2f %12.0f\n", "baseline: wc -w on the same file", t, w/t}'
awk -v a="$t" -v d="$t_default" -v ca="$c" -v cd="$c_default" \
  'BEGIN{printf "analysis + summary vs summary alone (same run): %.2fx wall (%.2f / %.2f s), %.2fx CPU (%.2f / %.2f s)\n", a/d, a, d, ca/cd, ca, cd}'

# one cluster of 1,000 articles: the first 1,000 documents of val.src
python3 - "$data" "$tmp/big.jsonl" <<'PY'
import json, sys
docs = []
for line in open(sys.argv[1], encoding="utf-8"):
    for d in line.split("story_separator_special_tag"):
        d = d.strip()
        if d:
            docs.append(d)
        if len(docs) == 1000:
            break
    if len(docs) == 1000:
        break
arts = [{"id": str(i + 1), "text": t} for i, t in enumerate(docs)]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "big", "articles": arts}) + "\n")
PY
bigw=$(python3 -c "import json,sys;print(sum(len(a['text'].split()) for a in json.load(open(sys.argv[1]))['articles']))" "$tmp/big.jsonl")
for method in default centroid lexrank analyze; do
  if [ "$method" = analyze ]; then set -- --analyze; else set -- -m "$method"; fi
  read -r t m _ < <(run "$precis" batch -q --input jsonl "$@" --words 300 "$tmp/big.jsonl")
  awk -v j="1 cluster of 1,000 articles ($bigw words), $method" -v t="$t" -v w="$bigw" -v m="$m" \
    'BEGIN{printf "%-44s %8.2f %12.0f %12s %7.1f MiB\n", j, t, w/t, "-", m/1024}'
done
