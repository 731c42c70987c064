#!/usr/bin/env bash
# Readability benchmark (not a test): summarizes real, original-cased news
# clusters with the default method and checks every summary sentence with
# precis-readable (bench/readable.c) for open quotes, unnamed speakers,
# dangling references, repeats, page furniture, verbless captions, bare
# surnames at first mention and dangling "also".  Prints one row per set.
#
#   bench/readable.sh [BUILD_DIR]      WORDS=120 (default)   ARGS=--extract-only
#   VERBOSE=1 bench/readable.sh        also every flagged sentence
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
WORDS=${WORDS:-120}
data=${DATA:-$here/../shared/data}
args=(-w "$WORDS" ${ARGS:-})
[ -n "${VERBOSE:-}" ] && args+=(-v)
sets=()
[ -f "$data/basil/basil-dev.jsonl" ] && sets+=(--name "BASIL dev (50 events)" "$data/basil/basil-dev.jsonl")
[ -f "$data/newswcl50/newswcl50.jsonl" ] && sets+=(--name "NewsWCL50 (10 events)" "$data/newswcl50/newswcl50.jsonl")
[ -d "$data/seed-cluster" ] && sets+=(--name "seed cluster" "$data/seed-cluster")
# ECB+ (stories/): articles of one story become one cluster; original case,
# PTB tokens and ``...'' quotes.  Not read while the rules were written:
# the held-out check.
if [ -f "$data/stories/ecbplus.jsonl" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  python3 - "$data/stories/ecbplus.jsonl" > "$tmp/ecb.jsonl" <<'PY'
import collections, json, sys
stories = collections.OrderedDict()
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    stories.setdefault(a["story"], []).append({"id": a["id"], "text": a["text"]})
for k, v in stories.items():
    print(json.dumps({"id": str(k), "articles": v}))
PY
  sets+=(--name "ECB+ (86 stories, held out)" "$tmp/ecb.jsonl")
fi
sets+=(--name "examples/cluster" "$here/examples/cluster")
# ML-Crisis (Spanish, French, Italian web pages): the CLUSTERS largest
# (story, date) groups of each language, pages over MAX_BYTES left out, as
# bench/lang_packs.sh picks them; the first four of each were read while
# the language packs' lists were written, the next four are held out.
if [ -f "$data/ml-crisis/es.jsonl" ]; then
  [ -n "${tmp:-}" ] || { tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT; }
  for code in es fr it; do
    python3 - "$data/ml-crisis/$code.jsonl" "$tmp/ml-$code" "${MAX_BYTES:-60000}" <<'PY'
import collections, json, sys
src, out, cap = sys.argv[1], sys.argv[2], int(sys.argv[3])
groups = collections.OrderedDict()
for line in open(src, encoding="utf-8"):
    a = json.loads(line)
    if len(a["text"].encode("utf-8")) <= cap:
        groups.setdefault((a["story"], a["date"]), []).append({"id": a["id"], "text": a["text"]})
best = sorted(groups.items(), key=lambda kv: -len(kv[1]))[:8]
for part, sl in (("dev", best[:4]), ("held", best[4:8])):
    with open(f"{out}-{part}.jsonl", "w", encoding="utf-8") as o:
        for (story, date), arts in sl:
            o.write(json.dumps({"id": f"{story}/{date}", "articles": arts}, ensure_ascii=False) + "\n")
PY
  done
  sets+=(--lang spanish --names "$here/data/lang/es/first_names.txt" --name "ML-Crisis es (4 read)" "$tmp/ml-es-dev.jsonl"
         --name "ML-Crisis es (4 held out)" "$tmp/ml-es-held.jsonl"
         --lang french --names "$here/data/lang/fr/first_names.txt" --name "ML-Crisis fr (4 read)" "$tmp/ml-fr-dev.jsonl"
         --name "ML-Crisis fr (4 held out)" "$tmp/ml-fr-held.jsonl"
         --lang italian --names "$here/data/lang/it/first_names.txt" --name "ML-Crisis it (4 read)" "$tmp/ml-it-dev.jsonl"
         --name "ML-Crisis it (4 held out)" "$tmp/ml-it-held.jsonl")
fi
echo "Summaries of $WORDS words, default method${ARGS:+ ($ARGS)}"
echo
"$build/precis-readable" --names "$here/data/lang/en/first_names.txt" "${args[@]}" "${sets[@]}"
