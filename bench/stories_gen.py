#!/usr/bin/env python3
"""Makes an N-article stream for the story-clustering scale benchmark
(standard library only).

usage: stories_gen.py SOURCE.jsonl N [SEED] > stream.jsonl

SOURCE is a story stream with gold labels (../shared/data/stories/
multinews-val.jsonl).  Stories keep arriving: the generator opens story
instances one after another, each a gold story of SOURCE whose articles
are scheduled at random arrival positions within SPREAD arrivals of its
start, so many stories are open at once and old ones go quiet.  Each
article is perturbed lightly: sentences dropped (p = 0.1 each) and
repeated (p = 0.05), and with p = 0.2 a syndicated copy follows a few
arrivals later (one sentence dropped, a few words changed).  A source
story is reused only after COOLDOWN arrivals, so that a reused text never
meets its earlier instance inside a window of close_after_articles =
COOLDOWN - SPREAD (the benchmark runs precis with --close-after-articles
5000).  Output lines: {"id","source","text","story"}; "story" is the
generated gold label ("s<instance>") for the scorer only.
"""
import heapq
import json
import random
import re
import sys

SPREAD = 800
COOLDOWN = 6000
SENT = re.compile(r"(?<=[.!?])\s+")


def perturb(rng, text):
    sents = SENT.split(text)
    out = []
    for s in sents:
        if len(sents) > 2 and rng.random() < 0.1:
            continue
        out.append(s)
        if rng.random() < 0.05:
            out.append(s)
    return " ".join(out) if out else text


def syndicate(rng, text):
    sents = SENT.split(text)
    if len(sents) > 3:
        del sents[rng.randrange(len(sents))]
    words = " ".join(sents).split(" ")
    for _ in range(3):
        i = rng.randrange(len(words))
        words[i] = words[i].upper() if rng.random() < 0.5 else words[i] + ","
    return " ".join(words)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    n = int(argv[2])
    rng = random.Random(int(argv[3]) if len(argv) > 3 else 1)
    stories = {}
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            stories.setdefault(o["story"], []).append(o["text"])
    pool = list(stories.values())
    last_use = [-COOLDOWN] * len(pool)
    pending = []  # (position, tiebreak, text, label)
    out = sys.stdout
    pos = 0
    inst = 0
    tie = 0
    written = 0
    while written < n:
        # keep about SPREAD/2 stories starting per SPREAD arrivals: open a
        # new instance whenever fewer than 2 articles are due right now
        while len(pending) < SPREAD // 2:
            for _ in range(16):
                k = rng.randrange(len(pool))
                if pos - last_use[k] >= COOLDOWN:
                    break
            else:
                break
            last_use[k] = pos + SPREAD
            inst += 1
            label = "s%d" % inst
            for text in pool[k]:
                at = pos + rng.randrange(SPREAD)
                tie += 1
                heapq.heappush(pending, (at, tie, perturb(rng, text), label))
                if rng.random() < 0.2:
                    tie += 1
                    heapq.heappush(pending, (at + 1 + rng.randrange(20), tie,
                                             syndicate(rng, text), label))
        if not pending:
            break
        at, _, text, label = heapq.heappop(pending)
        pos = max(pos, at)
        written += 1
        out.write(json.dumps({"id": "g%d" % written, "source": "gen", "text": text,
                              "story": label}) + "\n")
        pos += 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
