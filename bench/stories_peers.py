#!/usr/bin/python3
"""scikit-learn peers for the story-clustering benchmark (python3-sklearn).

usage: stories_peers.py online  STREAM.jsonl [THETA]   > pred.jsonl
       stories_peers.py agglo   STREAM.jsonl [DIST]    > pred.jsonl

online: TF-IDF (sublinear tf, English stop words, min_df=2, fitted on the
        whole stream -- an advantage precis does not have: its statistics
        grow with the stream) + single-pass centroid clustering in stream
        order: an article joins the story whose centroid (sum of member
        vectors) is most cosine-similar when that is >= THETA (0.24), else
        opens one.  The dot products come from the term columns of the
        TF-IDF matrix (an inverted index), so the cost per article grows
        with the articles seen that share its terms.
agglo:  the same TF-IDF + average-linkage agglomerative clustering on
        cosine distance, cut at DIST (0.79).  Offline and quadratic in
        time and memory: run it on ECB+ (982 articles), not at scale.

Prints one {"id","story"} line per article (for stories_eval.py) and the
clustering time and rate on standard error.  "story" of the input is never
read (gold labels are the scorer's).
"""
import json
import math
import sys
import time

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer


def load(path):
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            ids.append(str(o["id"]))
            texts.append((o.get("title") or "") + "\n" + o["text"])
    return ids, texts


def online(X, theta):
    """Single-pass centroid clustering over the rows of X (L2-normalised).
    An article's dot product with every centroid (the sum of its members)
    is the sum of its dot products with the earlier articles, gathered
    from the term columns of X (an inverted index, in numpy) and summed
    per story with bincount; the centroid norms are kept incrementally."""
    Xr, Xc = X.tocsr(), X.tocsc()
    n = X.shape[0]
    labels = np.full(n, -1, dtype=np.int64)
    sq = np.zeros(n)
    nstory = 0
    for i in range(n):
        a, b = Xr.indptr[i], Xr.indptr[i + 1]
        cols, vals = Xr.indices[a:b], Xr.data[a:b]
        rows, ws = [], []
        for t, v in zip(cols, vals):
            s, e = Xc.indptr[t], Xc.indptr[t + 1]
            rows.append(Xc.indices[s:e])
            ws.append(Xc.data[s:e] * v)
        best, d = -1, 0.0
        if rows and nstory:
            rows = np.concatenate(rows)
            ws = np.concatenate(ws)
            m = rows < i
            if m.any():
                dots = np.bincount(labels[rows[m]], weights=ws[m], minlength=nstory)
                sims = dots / np.sqrt(sq[:nstory])
                k = int(np.argmax(sims))
                if sims[k] >= theta:
                    best, d = k, dots[k]
        if best < 0:
            best = nstory
            nstory += 1
        sq[best] += 2 * d + 1.0
        labels[i] = best
    return labels


def main(argv):
    if len(argv) < 3 or argv[1] not in ("online", "agglo"):
        sys.stderr.write(__doc__)
        return 2
    ids, texts = load(argv[2])
    t0 = time.time()
    X = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2).fit_transform(texts)
    if argv[1] == "online":
        labels = online(X.tocsr(), float(argv[3]) if len(argv) > 3 else 0.24)
    else:
        d = float(argv[3]) if len(argv) > 3 else 0.79
        labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                         distance_threshold=d).fit_predict(X.toarray())
    dt = time.time() - t0
    for i, l in zip(ids, labels):
        sys.stdout.write(json.dumps({"id": i, "story": int(l)}) + "\n")
    sys.stderr.write("%s: %d articles in %.2f s, %.0f articles/s\n"
                     % (argv[1], len(ids), dt, len(ids) / dt if dt else 0.0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
