#!/usr/bin/env python3
"""Score precis quote speakers against a judged set of quotes.

usage: bench/judged_quotes.py [BINARY] [--data DIR] [--gold FILE] [--errors]

A judged set holds the quotes one build of precis found in articles no
rule had been written from, each judged by a reader with the article in
view: speech or not, and who said it (a name, a description for an
unnamed speaker, or null).  Records point into DATA/<file> (a JSON Lines
file of articles with id and text) by article id and byte offset.
  bench/gold/quotes-timeline17-judged.jsonl  100 Timeline17 articles (ten
      of each folder; file names under timeline17/), the default
  bench/gold/quotes-ecbplus-judged.jsonl     100 ECB+ articles with quote
      marks (stories/ecbplus.jsonl)
  bench/gold/quotes-mixed-a-judged.jsonl     51 and 51 further articles (six
  bench/gold/quotes-mixed-b-judged.jsonl     of each Timeline17 file, 50 ECB+
      articles with quote marks), none in the sets above, judged by three
      readers from one build's quotes; -a is read for errors, -b is held
      out (only its figures are looked at)
  bench/gold/quotes-mixed-c-judged.jsonl     82 more such articles (five of
      each Timeline17 file, 40 ECB+), judged by two readers from a later
      build's quotes
  bench/gold/quotes-mixed-d-judged.jsonl     81 more (five of each Timeline17
      file under 7,000 bytes, 40 ECB+), judged by three readers; read for
      errors from the tenth round on
  bench/gold/quotes-mixed-e-judged.jsonl     79 more (five of each Timeline17
      file under 9,000 bytes, 40 ECB+), judged by three readers; held out
Each article is analysed alone, as a one-article cluster.  A quote of the
set is matched to the system's quote that overlaps it most; its speaker is right
when it names the judged speaker (the last word of either name in the
other, or a listed alias), missing when the system gives none, wrong
otherwise; a quote judged to have no named speaker is right when the
system gives none (the last line of the output counts it so, as
bench/gold_quotes.py does; the line before counts only named speakers).
Only speaker accuracy is measured: the set holds the quotes
one build found, so it says nothing of recall.  Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, 'gold', 'quotes-timeline17-judged.jsonl')


def words(s):
    return {w.lower().strip('.,') for w in re.split(r"[\s']+", s or '') if len(w) > 1}


def same(a, b):
    if not a or not b:
        return False
    if ' '.join(a.lower().split()) == ' '.join(b.lower().split()):
        return True  # "Nancy O'Higgins"
    la, lb = a.split()[-1].lower().strip('.,'), b.split()[-1].lower().strip('.,')
    return la in words(b) or lb in words(a)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('binary', nargs='?', default='build/precis')
    ap.add_argument('--data', default=os.path.join(HERE, '..', '..', 'shared', 'data'))
    ap.add_argument('--gold', default=GOLD, help='the judged set (default: Timeline17)')
    ap.add_argument('--errors', action='store_true', help='list the wrong and missing speakers')
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(a.gold, encoding='utf-8')]
    name = os.path.basename(a.gold).replace('quotes-', '').replace('-judged.jsonl', '')
    label = {'timeline17': 'Timeline17', 'ecbplus': 'ECB+', 'mixed-a': 'Timeline17 + ECB+ (a)',
             'mixed-b': 'Timeline17 + ECB+ (b, held out)',
             'mixed-c': 'Timeline17 + ECB+ (c)',
             'mixed-d': 'Timeline17 + ECB+ (d)',
             'mixed-e': 'Timeline17 + ECB+ (e, held out)'}.get(name, name)
    texts = {}
    for f in sorted({g['file'] for g in gold}):
        path = os.path.join(a.data, f if '/' in f else os.path.join('timeline17', f))
        if not os.path.exists(path):
            print('judged %s quotes: %s not found, skipped' % (label, path))
            return 0
        for line in open(path, encoding='utf-8'):
            d = json.loads(line)
            texts[d['id']] = d['text']
    found = {}
    for aid in sorted({g['article'] for g in gold}):
        r = subprocess.run([a.binary, 'analyze', '-f', 'json', '-'], input=texts[aid].encode(),
                           capture_output=True)
        if r.returncode != 0:
            sys.exit('%s: %s' % (aid, r.stderr.decode(errors='replace').strip()))
        found[aid] = [(q['start'], q['end'], q.get('speaker'))
                      for q in json.loads(r.stdout)['quotes']]
    n = right = wrong = missing = unnamed_ok = unnamed_wrong = lost = 0
    for g in gold:
        if g['kind'] != 'speech':
            continue
        hit = [q for q in found[g['article']] if q[0] < g['end'] and g['start'] < q[1]]
        if not hit:
            lost += 1
            continue
        n += 1
        # the system's quote that overlaps the judged one most (a quote
        # whose marks another build pairs differently may touch two)
        sp = max(hit, key=lambda q: min(q[1], g['end']) - max(q[0], g['start']))[2]
        if g['speaker'] is None:
            ok = sp is None
            unnamed_ok += ok
            unnamed_wrong += not ok
            kind = 'ok' if ok else 'wrong (unnamed: %s)' % g.get('desc', '')
        elif sp is None:
            missing += 1
            kind = 'missing'
        elif any(same(sp, x) for x in [g['speaker']] + g['aliases']):
            right += 1
            kind = 'ok'
        else:
            wrong += 1
            kind = 'wrong'
        if a.errors and kind != 'ok':
            t = texts[g['article']].encode()
            ctx = t[max(0, g['start'] - 120):g['end']].decode(errors='replace').replace('\n', ' / ')
            print('[%s] %s:%d-%d gold=%r system=%r\n    ...%s' % (kind, g['article'], g['start'],
                                                                g['end'], g['speaker'], sp, ctx))
    pc = lambda x: 100.0 * x / n if n else 0.0
    print('judged %s quotes (%d articles, %d speech quotes matched, %d no longer found):'
          % (label, len({g['article'] for g in gold}), n, lost))
    print('  speaker right %d (%.1f %%), wrong %d (%.1f %%), none where one is named %d (%.1f %%),'
          ' none for an unnamed speaker %d' % (right, pc(right), wrong + unnamed_wrong,
                                                pc(wrong + unnamed_wrong), missing, pc(missing),
                                                unnamed_ok))
    # bench/gold_quotes.py (BASIL, NewsWCL50) counts "no speaker" for an
    # unnamed one as right; the same figure here, to compare sets
    print('  as the gold scorer counts (none for an unnamed speaker is right): right %.1f %%'
          % pc(right + unnamed_ok))
    return 0


if __name__ == '__main__':
    sys.exit(main())
