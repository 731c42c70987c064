#!/usr/bin/env bash
# Redundancy benchmark (not a test): the cases of the redundancy stage
# that scale or repeat, each printed as a figure.
#   1. one long article (125k ... 2M words of Multi-News validation text
#      joined into one file): summarizing time with -m lead, which is
#      almost all model building and redundancy grouping;
#   2. syndication: N lightly edited copies of one wire story (the
#      example's first article without its headline: each copy credits
#      its outlet in the lead and drops or changes a word in about half of
#      its paragraphs), summarized by every method at 120 words: how many times
#      the lead sentence appears (1 is right);
#   3. Multi-News validation at 300 words: summaries holding one sentence
#      twice (after case and punctuation folding), per method.
# Run it under the benchmark lock; compare rows of one run only.
#   bench/dedup.sh [BUILD_DIR]        COPIES=700 WORDS_LIST="125000 250000" bench/dedup.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
precis=$build/precis
data=${DATA:-$here/../shared/data}/multinews-val
COPIES=${COPIES:-700}
WORDS_LIST=${WORDS_LIST:-"125000 250000 500000 1000000 2000000"}
N=${N:-5622}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -f "$data/val.src" ]; then
  echo "1. One long article (-m lead -w 100), seconds and peak RSS"
  echo
  echo "| words | seconds | peak RSS (MB) |"
  echo "|---:|---:|---:|"
  for w in $WORDS_LIST; do
    python3 - "$data/val.src" "$w" > "$tmp/long.txt" <<'PY'
import sys
want = int(sys.argv[2]); out = []; n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    for doc in line.split(" story_separator_special_tag "):
        ws = doc.split()
        out.append(" ".join(ws)); n += len(ws)
        if n >= want: break
    if n >= want: break
print("\n\n".join(out))
PY
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$precis" summarize -m lead -w 100 "$tmp/long.txt" > /dev/null
    read -r sec kb < "$tmp/time"
    printf "| %s | %s | %d |\n" "$w" "$sec" $((kb / 1024))
  done
  echo
fi

echo "2. $COPIES lightly edited copies of one story: times the lead sentence appears (120 words)"
echo
mkdir -p "$tmp/syn"
python3 - "$here/examples/cluster/01-northern-wire.txt" "$tmp/syn" "$COPIES" <<'PY'
import random, re, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(src, encoding="utf-8").read()
paras = [p for p in text.split("\n\n") if p.strip()]
swaps = {"said": "stated", "about": "around", "early": "before dawn", "officials": "authorities",
         "residents": "people", "homes": "houses", "forcing": "driving", "main": "principal"}
rnd = random.Random(1)
for i in range(n):
    body = []
    for p in paras[1:]:
        ws = p.split()
        if rnd.random() < 0.5 and len(ws) > 8:
            k = rnd.randrange(1, min(len(ws), 20))
            w = ws[k].lower().strip(",.")
            if w in swaps: ws[k] = swaps[w]
            else: del ws[k]
        body.append(" ".join(ws))
    body[0] = body[0].rstrip(".") + f" (Courier{i})."  # each outlet credits itself
    open(f"{out}/{i:04d}.txt", "w", encoding="utf-8").write("\n\n".join(body) + "\n")
PY
echo "| method | lead sentence in the summary |"
echo "|---|---:|"
for m in default lead-rr centroid lexrank mmr; do
  n=$("$precis" summarize -m "$m" -w 120 -f json "$tmp/syn" 2>/dev/null |
      python3 -c 'import json,sys; s=json.load(sys.stdin)["sentences"]; print(sum("(Courier" in x["text"] for x in s))')
  echo "| $m | $n |"
done
echo

if [ -f "$data/val.src" ]; then
  echo "3. Multi-News validation (first $N), 300 words: summaries with a repeated sentence"
  echo
  echo "| method | summaries with a repeat |"
  echo "|---|---:|"
  head -n "$N" "$data/val.src" > "$tmp/src"
  for m in default lead-rr centroid lexrank mmr; do
    n=$("$precis" batch -q -m "$m" -w 300 -f json "$tmp/src" | python3 -c '
import json, re, sys
bad = 0
for line in sys.stdin:
    r = json.loads(line)
    seen = set(); rep = False
    for s in r.get("sentences", []):
        k = " ".join(re.sub(r"[^0-9a-z\u0080-\uffff]+", " ", s["text"].lower()).split())
        rep |= k in seen; seen.add(k)
    bad += rep
print(bad)')
    echo "| $m | $n |"
  done
fi
