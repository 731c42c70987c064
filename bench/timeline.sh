#!/usr/bin/env bash
# Timeline benchmark (not a test): how often the report's timeline orders
# two articles as their publication dates do, on Timeline17
# (../shared/data/timeline17: dated articles of four stories from five
# outlets).  Clusters are 8 consecutive articles of one folder (by date),
# every 4th such window, at most 25 per folder, keeping windows with at
# least two distinct dates; each cluster's articles are shuffled (fixed
# seed) so that input order tells nothing.  Each cluster is analysed twice:
# with the articles' dates, and with the dates stripped (the timeline then
# orders by content: containment, updates).  Over the pairs of articles
# with different dates it prints the share ordered as the dates order them
# (pair agreement) and Kendall's tau-a over those pairs ((C - D) / (C + D)),
# with the shuffled input order as the baseline.
#
#   bench/timeline.sh [BUILD_DIR]      (DATA=DIR for another data directory)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
data=${DATA:-$here/../shared/data}
if [ ! -d "$data/timeline17" ]; then
  echo "timeline: $data/timeline17 not found; skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$data/timeline17" "$tmp" <<'PY'
import glob, json, os, random, sys
src, tmp = sys.argv[1], sys.argv[2]
clusters = []
for path in sorted(glob.glob(os.path.join(src, "*.jsonl"))):
    arts = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    arts.sort(key=lambda a: (a["date"], a["id"]))
    n = 0
    for s in range(0, len(arts) - 8, 4):
        w = arts[s:s + 8]
        if len({a["date"] for a in w}) < 2:
            continue
        rnd = random.Random(len(clusters))
        w = w[:]
        rnd.shuffle(w)
        clusters.append(w)
        n += 1
        if n >= 25:
            break
for name, dated in (("dated", True), ("undated", False)):
    with open(os.path.join(tmp, name + ".jsonl"), "w", encoding="utf-8") as f:
        for i, w in enumerate(clusters):
            rec = {"id": "c%d" % i, "articles": []}
            for a in w:
                x = {"id": a["id"], "source": a["source"], "text": a["text"]}
                if dated:
                    x["date"] = a["date"]
                rec["articles"].append(x)
            f.write(json.dumps(rec) + "\n")
with open(os.path.join(tmp, "gold.json"), "w") as f:
    json.dump([{a["id"]: a["date"] for a in w} for w in clusters], f)
PY
for v in dated undated; do
  "$build/precis" batch --input jsonl --analyze -q "$tmp/$v.jsonl" > "$tmp/$v.out"
done
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
gold = json.load(open(os.path.join(tmp, "gold.json")))
def score(orders):
    c = d = 0
    for g, order in zip(gold, orders):
        pos = {a: i for i, a in enumerate(order)}
        ids = list(g)
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                a, b = ids[i], ids[j]
                if g[a] == g[b] or a not in pos or b not in pos:
                    continue
                if (g[a] < g[b]) == (pos[a] < pos[b]):
                    c += 1
                else:
                    d += 1
    return c, d
def timeline(path):
    out = []
    for l in open(path, encoding="utf-8"):
        r = json.loads(l) if l.strip() else {}
        out.append([t["article"] for t in r.get("timeline", [])])
    return out
rows = [("input order (shuffled)", score([list(g) for g in gold]))]
for v, label in (("dated", "with dates"), ("undated", "dates stripped")):
    rows.append(("timeline, " + label, score(timeline(os.path.join(tmp, v + ".out")))))
print("Timeline17: %d clusters of 8 articles" % len(gold))
print()
print("| order | pairs | agree | pair agreement | Kendall tau |")
print("|---|---:|---:|---:|---:|")
for label, (c, d) in rows:
    n = c + d
    print("| %s | %d | %d | %.1f %% | %.3f |" % (label, n, c, 100.0 * c / n if n else 0,
                                                (c - d) / n if n else 0))
PY
