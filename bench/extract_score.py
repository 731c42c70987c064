#!/usr/bin/env python3
"""Scores article-body extraction the way the article-extraction benchmark's
evaluate.py does (metric as described in its README):

  tokens   = regex \\w+ runs, case kept;
  shingles = 4-token sliding windows (1-3 tokens give one shorter shingle);
  per page: TP = sum of min(gold, pred) shingle counts, FP = surplus in the
            prediction, FN = surplus in the gold;
  precision = mean over pages with TP+FP > 0 of TP/(TP+FP), recall = mean
  over pages with TP+FN > 0 of TP/(TP+FN) (FP = FN = 0 scores 1 on both);
  F1 = 2PR/(P+R) of those means; accuracy = share of pages whose token
  sequence equals the gold one; +- = standard deviation over 1000
  bootstrap resamples of the pages.

usage: extract_score.py GROUND_TRUTH.json NAME=PRED.json ...
PRED.json has the benchmark's output format: {id: {"articleBody": text}};
a page missing from it counts as an empty prediction.
"""
import json
import random
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+")


def shingles(text):
    toks = TOKEN.findall(text or "")
    if not toks:
        return Counter(), toks
    if len(toks) < 4:
        return Counter([tuple(toks)]), toks
    return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3)), toks


def page_scores(gold, pred):
    g, gt = shingles(gold)
    p, pt = shingles(pred)
    tp = sum((g & p).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    if fp == 0 and fn == 0:
        prec = rec = 1.0
    else:
        prec = tp / (tp + fp) if tp + fp > 0 else None
        rec = tp / (tp + fn) if tp + fn > 0 else None
    return prec, rec, 1.0 if gt == pt else 0.0


def summary(rows):
    ps = [r[0] for r in rows if r[0] is not None]
    rs = [r[1] for r in rows if r[1] is not None]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    acc = sum(x[2] for x in rows) / len(rows)
    return f, p, r, acc


def std(xs):
    m = sum(xs) / len(xs)
    return (sum((x - m) ** 2 for x in xs) / len(xs)) ** 0.5


def score(gt, pred, resamples=1000):
    ids = sorted(gt)
    rows = [page_scores(gt[i]["articleBody"], (pred.get(i) or {}).get("articleBody", ""))
            for i in ids]
    point = summary(rows)
    rnd = random.Random(0)
    boots = [summary([rows[rnd.randrange(len(rows))] for _ in rows]) for _ in range(resamples)]
    return point, [std([b[k] for b in boots]) for k in range(4)], dict(zip(ids, rows))


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        gt = json.load(f)
    print("%-28s %-14s %-14s %-14s %s" % ("system", "F1", "precision", "recall", "accuracy"))
    for arg in argv[2:]:
        name, _, path = arg.partition("=")
        with open(path, encoding="utf-8") as f:
            pred = json.load(f)
        (f1, p, r, acc), sd, _ = score(gt, pred)
        print("%-28s %.3f ± %.3f  %.3f ± %.3f  %.3f ± %.3f  %.3f ± %.3f"
              % (name, f1, sd[0], p, sd[1], r, sd[2], acc, sd[3]))


if __name__ == "__main__":
    main(sys.argv)
