#!/usr/bin/env python3
"""Score the quotes of 'precis analyze' against the hand-built gold set.

    python3 bench/gold_quotes.py [build/precis] [--data ../shared/data]
                                 [--errors] [--clusters A-B]
                                 [--gold FILE[,FILE] | --heldout | --heldout2]
                                 [--seed-only | --basil-only | --newswcl50]

Gold: bench/gold/quotes.jsonl (BASIL dev clusters 1-20) and
bench/gold/seed-quotes.jsonl (the seed cluster); --gold FILE scores the BASIL
clusters of another gold file instead, --heldout those of
bench/gold/quotes-heldout.jsonl (BASIL dev clusters 21-35, held out until
2026-11-28, tuned on since), --heldout2 those of bench/gold/quotes-heldout2-a.jsonl
and -b.jsonl (BASIL dev clusters 36-50, held out).  --newswcl50 scores, in
place of BASIL and the seed, bench/gold/quotes-newswcl50.jsonl (NewsWCL50
events 0-4, held out), reading the articles from
DATA/newswcl50/newswcl50.jsonl.  Format and scoring rules in bench/gold/README.md.  The articles are read from the shared data directory
at run time; no article text is stored in the repository.

Prints, for BASIL and the seed separately and together:
  recall     gold speech quotes found (a system quote in the same article
             covers >= 50 % of the gold span)
  speaker    right / wrong / missing among the found quotes
  precision  system quote occurrences that overlap a gold speech quote;
             occurrences that only overlap a gold 'none' record (scare
             quotes, titles) are left out.
Exit status 0 when it ran (or when the data directory is absent: skipped),
2 on a usage or data error.
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
from difflib import SequenceMatcher

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD_BASIL = os.path.join(HERE, 'gold', 'quotes.jsonl')
GOLD_HELDOUT = os.path.join(HERE, 'gold', 'quotes-heldout.jsonl')
GOLD_HELDOUT2 = ','.join(os.path.join(HERE, 'gold', 'quotes-heldout2-%s.jsonl' % x)
                         for x in 'ab')
GOLD_SEED = os.path.join(HERE, 'gold', 'seed-quotes.jsonl')
GOLD_NEWSWCL50 = os.path.join(HERE, 'gold', 'quotes-newswcl50.jsonl')

# NewsWCL50's source tags (its README, from the set's urls.tsv): one outlet
# per political leaning.
NEWSWCL50_OUTLETS = {'LL': 'huffpost', 'L': 'nyt', 'M': 'usatoday',
                     'R': 'fox', 'RR': 'breitbart'}

# The leading metadata line precis drops from a text article
# (" date 2016-12-30 ..."), as documented in src/cluster.c.
META_DATE = re.compile(rb'^[ \t]*date[ \t]+[0-9]{4}[0-9:TZ+-]*(?=\s)\s*')


def die(msg):
    print('gold_quotes: ' + msg, file=sys.stderr)
    sys.exit(2)


def load_gold(paths):
    """Records of one gold file, or of several given comma-separated."""
    gold = []
    for path in paths.split(','):
        gold.extend(load_gold_file(path))
    return gold


def load_gold_file(path):
    gold = []
    try:
        with open(path, encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    g = json.loads(line)
                    for k in ('article', 'start', 'end', 'speaker', 'speaker_type'):
                        g[k]
                except (ValueError, KeyError) as e:
                    die('%s:%d: bad gold record (%s)' % (path, n, e))
                gold.append(g)
    except OSError as e:
        die('%s: %s' % (path, e.strerror))
    return gold


def norm_text(s):
    """Lower-case words only, for matching a quote across articles."""
    s = s.lower().replace('\u2019', "'").replace('\u2018', "'")
    return ' '.join(re.findall(r"[a-z0-9']+", s))


def name_tokens(s):
    return [t for t in re.findall(r"[a-z0-9]+", s.lower())]


class Occ:
    """One system quote in one article: byte span (or None) and text."""
    def __init__(self, q, article, start, end):
        self.q = q
        self.article = article
        self.start = start
        self.end = end


def run_precis(binary, args, stdin_bytes=None):
    try:
        p = subprocess.run([binary] + args, input=stdin_bytes,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        die('%s: %s' % (binary, e.strerror))
    if p.returncode != 0:
        die('%s %s failed (exit %d): %s' % (binary, ' '.join(args), p.returncode,
                                             p.stderr.decode('utf-8', 'replace').strip()))
    return p.stdout.decode('utf-8')


def occurrences(report, texts, idmap, mismatches):
    """System quote occurrences per article id (gold ids)."""
    occ = {}
    for q in report.get('quotes', []):
        arts = q.get('articles') or [q['article']]
        prim = idmap(q['article'])
        for a in arts:
            a = idmap(a)
            if a not in texts:
                continue
            if a == prim:
                t = texts[a]
                shift = 0
                m = META_DATE.match(t)
                if m:
                    shift = m.end()
                s, e = q['start'] + shift, q['end'] + shift
                words = norm_text(q['text']).split()
                got = norm_text(t[s:e].decode('utf-8', 'replace'))
                if words and not got.startswith(words[0]):
                    mismatches.append((a, q['start'], q['end']))
                occ.setdefault(a, []).append(Occ(q, a, s, e))
            else:
                occ.setdefault(a, []).append(Occ(q, a, None, None))
    return occ


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def text_cover(gold_text, sys_text):
    """Shares of the gold quote's words and of the system quote's words
    matched in order by the other (for articles a merged quote lists
    without offsets; outlets word one quote a little differently)."""
    g, s = norm_text(gold_text).split(), norm_text(sys_text).split()
    if not g or not s:
        return 0.0, 0.0
    m = sum(b.size for b in SequenceMatcher(None, g, s, autojunk=False).get_matching_blocks())
    return m / len(g), m / len(s)


def listed_match(gold_text, sys_text):
    """A listed occurrence matches a gold quote when half of the system
    quote's words are matched, or half of the gold quote's words when the
    gold quote has four words or more (a one-word gold quote is not
    'found' by any long quote that happens to contain the word)."""
    gs, ss = text_cover(gold_text, sys_text)
    if ss >= 0.5:
        return max(gs, ss)
    if len(norm_text(gold_text).split()) >= 4:
        return gs
    return 0.0


def speaker_ok(gold, sys_speaker):
    """'right', 'wrong' or 'missing'."""
    if gold['speaker_type'] == 'unnamed':
        return 'right' if not sys_speaker else 'wrong'
    if not sys_speaker:
        return 'missing'
    names = [gold['speaker']] + list(gold.get('aliases') or [])
    ss = ' '.join(sys_speaker.split()).lower()
    if any(ss == ' '.join(n.split()).lower() for n in names):
        return 'right'
    # initials and Jr./Sr. do not tell two people apart ("Donald J. Trump"
    # for "Donald Trump")
    toks = {t for t in name_tokens(sys_speaker) if len(t) > 1 and t not in ('jr', 'sr')}
    allowed = set()
    for n in names:
        allowed.update(name_tokens(n))
    if toks and toks <= allowed:
        return 'right'
    return 'wrong'


class Tally:
    def __init__(self):
        self.gold = self.found = 0
        self.right = self.wrong = self.missing = 0
        self.sys = self.sys_ok = self.sys_ignored = 0


def basil_outlet(article):
    """'nyt-d2e17368' -> 'nyt'; a seed file name -> 'seed'."""
    return article.split('-')[0] if '-' in article else 'seed'


def newswcl50_outlet(article):
    """'0_LL' -> 'huffpost'."""
    return NEWSWCL50_OUTLETS.get(article.split('_')[-1], 'other')


BY_CUE = False


def score(gold, texts, occ, tally, by, errors, label, outlet=basil_outlet):
    speech = [g for g in gold if g['speaker_type'] != 'none']
    gtext = {}
    for g in gold:
        gtext[id(g)] = texts[g['article']][g['start']:g['end']].decode('utf-8')
    # recall and speakers
    for g in speech:
        src = outlet(g['article'])
        parts = [tally, by.setdefault(src, Tally())]
        if g.get('multi_paragraph'):
            parts.append(by.setdefault('multi-paragraph', Tally()))
        short = len(norm_text(gtext[id(g)]).split()) <= 3
        parts.append(by.setdefault('1-3 words' if short else '4+ words', Tally()))
        best, best_cov = None, 0.0
        glen = g['end'] - g['start']
        for o in occ.get(g['article'], []):
            if o.start is not None:
                cov = overlap(g['start'], g['end'], o.start, o.end) / glen
            else:
                cov = min(1.0, text_cover(gtext[id(g)], o.q['text'])[0]) \
                    if listed_match(gtext[id(g)], o.q['text']) >= 0.5 else 0.0
            if cov > best_cov:
                best, best_cov = o, cov
        for t in parts:
            t.gold += 1
        if best is None or best_cov < 0.5:
            if errors is not None:
                errors.append((label, 'not found', g, None))
            continue
        verdict = speaker_ok(g, best.q.get('speaker'))
        if BY_CUE:
            # the speech word or pattern that gave the speaker (none: a
            # quote that goes on from the one before, or no cue at all)
            cue = (best.q.get('cue') or '(none)').lower()
            ct = by.setdefault('cue: ' + cue, Tally())
            ct.gold += 1
            parts.append(ct)
        for t in parts:
            t.found += 1
            setattr(t, verdict, getattr(t, verdict) + 1)
        if errors is not None and verdict != 'right':
            errors.append((label, 'speaker ' + verdict, g, best.q.get('speaker')))
    # precision
    for a, lst in occ.items():
        gs = [g for g in gold if g['article'] == a]
        for o in lst:
            ok = ignored = False
            for g in gs:
                if o.start is not None:
                    ov = overlap(g['start'], g['end'], o.start, o.end)
                    hit = ov > 0 and (ov >= 0.5 * (g['end'] - g['start']) or
                                      ov >= 0.5 * (o.end - o.start))
                else:
                    hit = listed_match(gtext[id(g)], o.q['text']) >= 0.5
                if hit and g['speaker_type'] != 'none':
                    ok = True
                elif hit:
                    ignored = True
            if ok:
                tally.sys += 1
                tally.sys_ok += 1
            elif ignored:
                tally.sys_ignored += 1
            else:
                tally.sys += 1
                if errors is not None:
                    errors.append((label, 'not in gold', o, None))


def pct(a, b):
    return '%5.1f %%' % (100.0 * a / b) if b else '   - %'


def print_tally(name, t):
    print('%-16s recall %4d / %4d %s | speaker right %4d %s  wrong %3d %s  missing %3d %s'
          ' | precision %4d / %4d %s (%d on scare quotes/titles left out)'
          % (name, t.found, t.gold, pct(t.found, t.gold),
             t.right, pct(t.right, t.found), t.wrong, pct(t.wrong, t.found),
             t.missing, pct(t.missing, t.found),
             t.sys_ok, t.sys, pct(t.sys_ok, t.sys), t.sys_ignored))


def print_parts(name, by):
    for k in sorted(by):
        t = by[k]
        print('  %-14s recall %4d / %4d %s | speaker right %4d %s  wrong %3d  missing %3d'
              % (k, t.found, t.gold, pct(t.found, t.gold), t.right, pct(t.right, t.found),
                 t.wrong, t.missing))


def context(texts, a, s, e, width=70):
    t = texts[a]
    pre = t[max(0, s - width):s].decode('utf-8', 'ignore')
    mid = t[s:e].decode('utf-8', 'ignore')
    post = t[e:e + width].decode('utf-8', 'ignore')
    if len(mid) > 160:
        mid = mid[:75] + ' [...] ' + mid[-75:]
    return ('...' + pre + '[[' + mid + ']]' + post + '...').replace('\n', ' / ')


def print_errors(errors, texts):
    for label, kind, x, sysspk in errors:
        if isinstance(x, Occ):
            where = x.article + (':%d-%d' % (x.start, x.end) if x.start is not None else ' (listed)')
            print('[%s] %s %s speaker=%r' % (label, kind, where, x.q.get('speaker')))
            if x.start is not None:
                print('    ' + context(texts, x.article, x.start, x.end))
            else:
                print('    "%s"' % x.q['text'][:160])
            continue
        g = x
        gs = g['speaker'] or ('(%s: %s)' % (g['speaker_type'], g.get('desc', '')))
        print('[%s] %s %s:%d-%d gold=%s system=%r'
              % (label, kind, g['article'], g['start'], g['end'], gs, sysspk))
        print('    ' + context(texts, g['article'], g['start'], g['end']))


def score_clusters(binary, path, gold, lo, hi, restrict, errors, label, outlet,
                   needed):
    """Run 'precis batch --analyze' on the clusters of a JSON Lines file (lines
    lo..hi) that hold gold articles, one report per cluster, and score them.
    With restrict, gold records outside those clusters are dropped.  Returns
    the tally, its parts, the number of clusters, the texts, the gold records
    scored and the system quotes whose offsets do not point at their text."""
    arts = {g['article'] for g in gold}
    lines, texts = [], {}
    try:
        with open(path, 'rb') as f:
            for n, raw in enumerate(f, 1):
                try:
                    c = json.loads(raw)
                except ValueError:
                    die('%s:%d: not JSON' % (path, n))
                ids = [x['id'] for x in c['articles']]
                if lo <= n <= hi and arts.intersection(ids):
                    lines.append(raw.rstrip(b'\n'))
                    for x in c['articles']:
                        texts[x['id']] = x['text'].encode('utf-8')
    except OSError as e:
        die('%s: %s (%s)' % (path, e.strerror, needed))
    gold = [g for g in gold if g['article'] in texts or not restrict]
    arts = {g['article'] for g in gold}
    missing = arts - set(texts)
    if missing:
        die('%s: gold articles not found: %s' % (path, ', '.join(sorted(missing))))
    out = run_precis(binary, ['batch', '--input', 'jsonl', '--analyze', '-q'],
                     b'\n'.join(lines) + b'\n')
    occ, mism = {}, []
    reports = [l for l in out.split('\n') if l.strip()]
    if len(reports) != len(lines):
        die('precis batch wrote %d reports for %d clusters' % (len(reports), len(lines)))
    for l in reports:
        rep = json.loads(l)
        for k, v in occurrences(rep, texts, lambda s: s, mism).items():
            occ.setdefault(k, []).extend(v)
    # every article of a gold cluster is annotated exhaustively
    t, by = Tally(), {}
    score(gold, texts, occ, t, by, errors, label, outlet)
    return t, by, len(lines), texts, gold, mism


def main():
    ap = argparse.ArgumentParser(description='Score precis quotes against bench/gold.')
    ap.add_argument('binary', nargs='?', default='build/precis')
    ap.add_argument('--data', default=os.path.join(HERE, '..', '..', 'shared', 'data'),
                    help='shared data directory (default ../shared/data)')
    ap.add_argument('--errors', action='store_true',
                    help='list each quote not found, speaker wrong or missing, '
                         'and system quote not in the gold set, with context')
    ap.add_argument('--by-cue', action='store_true',
                    help='also tally the speakers of found quotes by the cue that gave them')
    ap.add_argument('--clusters', metavar='A-B',
                    help='only the clusters on lines A..B of basil-dev.jsonl '
                         '(of newswcl50.jsonl with --newswcl50)')
    g = ap.add_mutually_exclusive_group()
    g.add_argument('--gold', metavar='FILE', default=None,
                   help='gold file (default bench/gold/quotes.jsonl, BASIL clusters 1-20; '
                        'with --newswcl50, bench/gold/quotes-newswcl50.jsonl)')
    g.add_argument('--heldout', dest='gold', action='store_const', const=GOLD_HELDOUT,
                   help='shorthand for --gold bench/gold/quotes-heldout.jsonl '
                        '(clusters 21-35, held out from tuning until 2026-11-28)')
    g.add_argument('--heldout2', dest='gold', action='store_const', const=GOLD_HELDOUT2,
                   help='shorthand for --gold bench/gold/quotes-heldout2-a.jsonl,'
                        'bench/gold/quotes-heldout2-b.jsonl (clusters 36-50, held out)')
    g = ap.add_mutually_exclusive_group()
    g.add_argument('--basil-only', action='store_true')
    g.add_argument('--seed-only', action='store_true')
    g.add_argument('--newswcl50', action='store_true',
                   help='score bench/gold/quotes-newswcl50.jsonl (NewsWCL50 events 0-4, '
                        'held out) on DATA/newswcl50/newswcl50.jsonl instead of BASIL and the seed')
    a = ap.parse_args()
    global BY_CUE
    BY_CUE = a.by_cue
    if a.newswcl50 and a.gold in (GOLD_HELDOUT, GOLD_HELDOUT2):
        die('--heldout and --heldout2 are BASIL sets; not with --newswcl50')
    lo, hi = 1, 1 << 30
    if a.clusters:
        m = re.fullmatch(r'(\d+)-(\d+)', a.clusters)
        if not m or int(m.group(1)) > int(m.group(2)):
            die('--clusters: expected A-B (line numbers), got %r' % a.clusters)
        lo, hi = int(m.group(1)), int(m.group(2))

    if not os.path.isdir(a.data):
        print('gold_quotes: %s not found; skipped (needs the shared evaluation data)' % a.data)
        return 0
    basil_path = os.path.join(a.data, 'basil', 'basil-dev.jsonl')
    seed_dir = os.path.join(a.data, 'seed-cluster')
    total = Tally()
    errors = [] if a.errors else None
    all_texts = {}

    if a.newswcl50:
        path = os.path.join(a.data, 'newswcl50', 'newswcl50.jsonl')
        gold_path = a.gold or GOLD_NEWSWCL50
        t, by, nclusters, texts, gold, mism = score_clusters(
            a.binary, path, load_gold(gold_path), lo, hi, a.clusters, errors,
            'newswcl50', newswcl50_outlet, 'the NewsWCL50 file is needed')
        print('NewsWCL50 (held out): %d clusters, %d articles, %d gold speech quotes '
              '(%d none records)%s'
              % (nclusters, len(texts), t.gold, len(gold) - t.gold,
                 ' [gold %s]' % ', '.join(os.path.basename(p) for p in gold_path.split(','))
                 if gold_path != GOLD_NEWSWCL50 else ''))
        print_tally('newswcl50', t)
        print_parts('newswcl50', by)
        if mism:
            print('  warning: %d system quotes whose offsets do not point at their text'
                  % len(mism))
        if errors:
            print()
            print_errors(errors, texts)
        return 0

    if not a.seed_only:
        gold_path = a.gold or GOLD_BASIL
        t, by, nclusters, texts, gold, mism = score_clusters(
            a.binary, basil_path, load_gold(gold_path), lo, hi, a.clusters, errors,
            'basil', basil_outlet, 'the BASIL dev split is needed')
        other = gold_path != GOLD_BASIL
        print('BASIL dev: %d clusters, %d articles, %d gold speech quotes (%d none records)%s'
              % (nclusters, len(texts), t.gold, len(gold) - t.gold,
                 ' [gold %s]' % ', '.join(os.path.basename(p) for p in gold_path.split(',')) if other else ''))
        print_tally('basil', t)
        print_parts('basil', by)
        if mism:
            print('  warning: %d system quotes whose offsets do not point at their text'
                  % len(mism))
        for k in vars(total):
            setattr(total, k, getattr(total, k) + getattr(t, k))
        all_texts.update(texts)

    if not a.basil_only:
        gold = load_gold(GOLD_SEED)
        texts = {}
        try:
            for fn in sorted(os.listdir(seed_dir)):
                if fn.endswith('.txt'):
                    with open(os.path.join(seed_dir, fn), 'rb') as f:
                        texts[fn[:-4]] = f.read()
        except OSError as e:
            die('%s: %s' % (seed_dir, e.strerror))
        missing = {g['article'] for g in gold} - set(texts)
        if missing:
            die('%s: gold articles not found: %s' % (seed_dir, ', '.join(sorted(missing))))
        out = run_precis(a.binary, ['analyze', seed_dir])
        mism = []
        occ = occurrences(json.loads(out), texts,
                          lambda s: s[:-4] if s.endswith('.txt') else s, mism)
        t, by = Tally(), {}
        score(gold, texts, occ, t, by, errors, 'seed')
        print('seed cluster: %d articles, %d gold speech quotes (%d none records)'
              % (len(texts), t.gold, len(gold) - t.gold))
        print_tally('seed', t)
        if mism:
            print('  warning: %d system quotes whose offsets do not point at their text'
                  % len(mism))
        for k in vars(total):
            setattr(total, k, getattr(total, k) + getattr(t, k))
        all_texts.update(texts)

    if not a.seed_only and not a.basil_only:
        print_tally('all', total)
    if errors:
        print()
        print_errors(errors, all_texts)
    return 0


if __name__ == '__main__':
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
