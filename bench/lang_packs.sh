#!/usr/bin/env bash
# Language packs on real news (not a test): 'precis analyze --lang NAME'
# on clusters of Spanish, French and Italian articles from ML-Crisis (one
# story, one date folder: the CLUSTERS largest such groups of each
# language, pages over MAX_BYTES left out), and per language the counts
# of quotes found / with a speaker / with a cue, of people, organisations
# and other names, of numbers and dates, then EXAMPLES quotes with the
# text around them, and EXAMPLES numbers and people, for reading by hand.
#
#   bench/lang_packs.sh [BUILD_DIR]
#   CLUSTERS=4 EXAMPLES=20 MAX_BYTES=60000 DATA=../shared/data bench/lang_packs.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
data=${DATA:-$here/../shared/data}/ml-crisis
CLUSTERS=${CLUSTERS:-4}
EXAMPLES=${EXAMPLES:-20}
MAX_BYTES=${MAX_BYTES:-60000}
if [ ! -f "$data/es.jsonl" ]; then
  echo "lang_packs: $data not found; skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for lang in spanish french italian; do
  code=${lang:0:2}
  [ "$lang" = spanish ] && code=es
  # the largest (story, date) groups, each written as one JSON Lines cluster
  python3 - "$data/$code.jsonl" "$tmp/$code" "$CLUSTERS" "$MAX_BYTES" <<'EOF'
import collections, json, sys
src, out, k, cap = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
groups = collections.OrderedDict()
for line in open(src, encoding="utf-8"):
    a = json.loads(line)
    if len(a["text"].encode("utf-8")) <= cap:
        groups.setdefault((a["story"], a["date"]), []).append(line)
best = sorted(groups.items(), key=lambda kv: -len(kv[1]))[:k]
for i, ((story, date), lines) in enumerate(best):
    with open(f"{out}-{i}.jsonl", "w", encoding="utf-8") as o:
        o.writelines(lines)
    print(f"{out}-{i}.jsonl {story} {date} {len(lines)}", file=sys.stderr)
EOF
  for f in "$tmp/$code"-*.jsonl; do
    "$build/precis" analyze --lang "$lang" "$f" > "${f%.jsonl}.json"
  done
  python3 - "$lang" "$EXAMPLES" "$tmp/$code" <<'EOF'
import collections, glob, json, sys
lang, nex, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
tot = collections.Counter()
examples = []
facts = collections.defaultdict(list)
for f in sorted(glob.glob(prefix + "-*.json")):
    d = json.load(open(f, encoding="utf-8"))
    arts = {}
    for line in open(f[:-5] + ".jsonl", encoding="utf-8"):
        a = json.loads(line)
        arts[a["id"]] = a["text"].encode("utf-8")
    tot["clusters"] += 1
    tot["articles"] += len(arts)
    for q in d["quotes"]:
        tot["quotes"] += 1
        tot["quotes with a speaker"] += q["speaker"] is not None
        tot["quotes with a cue"] += q["cue"] is not None
        t = arts[q["article"]]
        before = t[max(0, q["start"] - 90):q["start"]].decode("utf-8", "replace")
        after = t[q["end"]:q["end"] + 70].decode("utf-8", "replace")
        examples.append((q["speaker"], q["cue"], before, q["text"], after))
    for x in d["facts"]:
        tot[x["kind"] + "s"] += 1
        t = arts[x["article"]]
        ctx = t[max(0, x["start"] - 40):x["end"] + 30].decode("utf-8", "replace")
        facts[x["kind"]].append((x, " ".join(ctx.split())))
print(f"## {lang}")
print("| " + " | ".join(tot) + " |")
print("|" + "---:|" * len(tot))
print("| " + " | ".join(str(v) for v in tot.values()) + " |")
print()
for sp, cue, b, q, a in examples[:nex]:
    one = lambda s: " ".join(s.split())
    print(f"- speaker {sp!r} cue {cue!r}\n  …{one(b)} [[{one(q)[:160]}]] {one(a)}…")
print()
for kind in ("number", "date", "person"):
    print(f"{kind}s:")
    step = max(1, len(facts[kind]) // max(1, nex))
    for x, ctx in facts[kind][::step][:nex]:
        val = f" = {x['value']:g} {x.get('unit') or ''} ({x['key']})" if kind == "number" else f" ({x['key']})"
        print(f"- {x['text']!r}{val}  …{ctx}…")
    print()
EOF
done
