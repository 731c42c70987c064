#!/usr/bin/env python3
"""Scores a story clustering against gold stories (standard library only).

usage: stories_eval.py GOLD.jsonl PRED.jsonl [--json]

GOLD: the article stream with its gold label "story" (only the scorer reads
it).  PRED: the output of `precis stories` (or of a peer): one JSON object a
line with "id" and "story"; other lines (errors, summaries, final records)
are ignored.  An article missing from PRED counts as a singleton.

BCubed precision/recall/F1 (Amigo et al. 2009, "A comparison of extrinsic
clustering evaluation metrics based on formal constraints"): per article,
the share of its predicted cluster that shares its gold story (precision)
and the share of its gold story that shares its predicted cluster (recall),
averaged over articles.  Pairwise precision/recall/F1 over article pairs.
Both come from the gold x predicted contingency table in linear time:
  BCubed P = (1/N) sum_cells n_gp^2 / |P_p|,   R = (1/N) sum_cells n_gp^2 / |G_g|
  pairs: TP = sum_cells C(n_gp, 2), predicted = sum_p C(|P_p|, 2),
         gold = sum_g C(|G_g|, 2).
"""
import collections
import json
import sys


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(path):
    gold = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            gold[str(o["id"])] = o["story"]
    return gold


def load_pred(path):
    pred = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                o = json.loads(line)
            except ValueError:
                continue
            if isinstance(o, dict) and "id" in o and "story" in o:
                pred[str(o["id"])] = o["story"]
    return pred


def score(gold, pred):
    """gold, pred: dicts id -> label.  Returns a dict of figures."""
    cells = collections.Counter()
    gsize = collections.Counter()
    psize = collections.Counter()
    for i, g in gold.items():
        p = pred.get(i)
        p = ("p", p) if p is not None else ("single", i)
        cells[(g, p)] += 1
        gsize[g] += 1
        psize[p] += 1
    n = len(gold)
    bp = sum(c * c / psize[p] for (g, p), c in cells.items()) / n
    br = sum(c * c / gsize[g] for (g, p), c in cells.items()) / n
    tp = sum(c * (c - 1) // 2 for c in cells.values())
    pp = sum(c * (c - 1) // 2 for c in psize.values())
    gp = sum(c * (c - 1) // 2 for c in gsize.values())
    pw_p = tp / pp if pp else 1.0
    pw_r = tp / gp if gp else 1.0
    return {
        "articles": n,
        "gold_stories": len(gsize),
        "pred_stories": len(psize),
        "bcubed_p": bp, "bcubed_r": br, "bcubed_f1": f1(bp, br),
        "pair_p": pw_p, "pair_r": pw_r, "pair_f1": f1(pw_p, pw_r),
        "missing": sum(1 for i in gold if i not in pred),
    }


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    s = score(load_gold(argv[1]), load_pred(argv[2]))
    if "--json" in argv:
        print(json.dumps(s))
    else:
        print("articles %d  gold stories %d  predicted %d  missing %d" %
              (s["articles"], s["gold_stories"], s["pred_stories"], s["missing"]))
        print("BCubed   P %.4f  R %.4f  F1 %.4f" % (s["bcubed_p"], s["bcubed_r"], s["bcubed_f1"]))
        print("pairwise P %.4f  R %.4f  F1 %.4f" % (s["pair_p"], s["pair_r"], s["pair_f1"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
