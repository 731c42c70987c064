#!/usr/bin/env python3
"""Score precis's facts, names and conflicts against the hand-built gold set.

Usage: bench/gold_facts.py [PRECIS] [--data FILE] [--gold DIR] [--errors]

PRECIS is the precis binary (default build/precis).  The gold set in
bench/gold/ points into BASIL's dev split (../shared/data/basil/basil-dev.jsonl)
by article id and byte offsets; the article text is read from that file at
run time and never stored.  Scoring rules: bench/gold/README-facts.md.
Exit 77 (skipped) when the data file is absent.
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The system's name kinds, mapped onto the gold types.
NAME_KINDS = {"person": "person", "org": "organisation", "organisation": "organisation",
              "organization": "organisation", "place": "place", "location": "place",
              "loc": "place", "name": "other", "other": "other"}
NUMBER_KINDS = ("number", "date", "quantity", "money", "percent", "count")
# A key that names only the unit: right for a figure that counts nothing.
UNIT_KEYS = {"", "$", "%", "£", "€", "percent", "dollars", "dollar"}
HEADLINE_KINDS = ("count", "money", "percent", "measure", "ordinal")
IRREGULAR = {"children": "child", "people": "person", "men": "man", "women": "woman",
             "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose"}


def die(msg, code=2):
    print("gold_facts: " + msg, file=sys.stderr)
    sys.exit(code)


def load_jsonl(path):
    out = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    out.append(json.loads(line))
                except ValueError as e:
                    die("%s:%d: not JSON: %s" % (path, n, e))
    except OSError as e:
        die("%s: %s" % (path, e.strerror))
    return out


def singular(word):
    w = word.strip().lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 2:
        return w[:-1]
    return w


def overlaps(a, b):
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


class Articles:
    """Article texts (UTF-8 bytes) by id, read from the shared file."""

    def __init__(self, path):
        self.text = {}
        self.cluster_of = {}
        self.lines = {}
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                c = json.loads(line)
                self.lines[c["id"]] = line
                for a in c["articles"]:
                    self.text[a["id"]] = a["text"].encode("utf-8")
                    self.cluster_of[a["id"]] = c["id"]

    def context(self, art, start, end, width=60):
        b = self.text[art]
        s = b[max(0, start - width):start].decode("utf-8", "replace")
        m = b[start:end].decode("utf-8", "replace")
        e = b[end:end + width].decode("utf-8", "replace")
        return (s + "[" + m + "]" + e).replace("\n", " ")

    def find_all(self, art, needle):
        """Byte spans of needle in the article, at word boundaries."""
        if not needle or art not in self.text:
            return []
        t = self.text[art]
        nb = needle.encode("utf-8")
        out = []
        i = t.find(nb)
        while i >= 0:
            before = t[i - 1:i].decode("utf-8", "ignore") if i > 0 else ""
            after = t[i + len(nb):i + len(nb) + 1].decode("utf-8", "ignore")
            if not (before.isalnum() and nb[:1].isalnum()) and \
               not (after.isalnum() and nb[-1:].isalnum()):
                out.append((art, i, i + len(nb)))
            i = t.find(nb, i + 1)
        return out


def occurrences(fact, arts):
    """Every place the report says this fact is stated: its own span, any
    spans/mentions list, and its text or variants found in each article the
    report lists for it."""
    occ = []
    if "article" in fact and "start" in fact and "end" in fact:
        occ.append((fact["article"], fact["start"], fact["end"]))
    for key in ("spans", "mentions"):
        for s in fact.get(key) or []:
            if isinstance(s, dict) and {"article", "start", "end"} <= set(s):
                occ.append((s["article"], s["start"], s["end"]))
    surfaces = {fact.get("text") or ""}
    surfaces.update(v for v in fact.get("variants") or [] if isinstance(v, str))
    for art in fact.get("articles") or []:
        for s in surfaces:
            occ.extend(arts.find_all(art, s))
    return occ


def run_precis(binary, lines):
    try:
        p = subprocess.run([binary, "batch", "--input", "jsonl", "--analyze", "-q"],
                           input="".join(lines).encode("utf-8"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    except OSError as e:
        die("%s: %s" % (binary, e.strerror))
    if p.returncode != 0:
        die("%s batch failed (exit %d): %s" % (binary, p.returncode,
                                               p.stderr.decode("utf-8", "replace")[:500]))
    reports = {}
    for n, line in enumerate(p.stdout.decode("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except ValueError:
            die("%s: output line %d is not JSON" % (binary, n))
        reports[r.get("id")] = r
    return reports


def pct(a, b):
    return "%5.1f %%" % (100.0 * a / b) if b else "    - "


def row(label, a, b, note=""):
    print("  %-44s %5d / %-5d %s  %s" % (label, a, b, pct(a, b), note))


def conflict_sides(c, facts, arts):
    """The two sides of a system conflict, each a list of spans."""
    sides = []
    for k in ("a", "b"):
        v = c.get(k)
        if isinstance(v, int) and 0 <= v < len(facts):
            sides.append(occurrences(facts[v], arts))
        elif isinstance(v, dict):
            sides.append(occurrences(v, arts))
        else:
            sides.append([])
    return sides


def pair_matches(sides, g):
    ga = (g["a"]["article"], g["a"]["start"], g["a"]["end"])
    gb = (g["b"]["article"], g["b"]["start"], g["b"]["end"])

    def hit(side, span):
        return any(overlaps(o, span) for o in side)
    return (hit(sides[0], ga) and hit(sides[1], gb)) or (hit(sides[0], gb) and hit(sides[1], ga))


def main():
    ap = argparse.ArgumentParser(description="Score precis facts, names and conflicts "
                                             "against bench/gold.")
    ap.add_argument("precis", nargs="?", default=os.path.join(ROOT, "build", "precis"))
    ap.add_argument("--data", default=None,
                    help="BASIL dev file (default ../shared/data/basil/basil-dev.jsonl from the "
                         "repository root, or from its parent for a git worktree)")
    ap.add_argument("--gold", default=os.path.join(ROOT, "bench", "gold"))
    ap.add_argument("--errors", action="store_true", help="list the misses with context")
    ap.add_argument("--conflicts-part", choices=("all", "tuning", "check"), default="all",
                    help="with --errors: list the conflict errors of this part only (the check "
                         "half is conflicts-check.txt; tune on the other)")
    args = ap.parse_args()
    if args.data is None:
        rel = os.path.join("shared", "data", "basil", "basil-dev.jsonl")
        args.data = os.path.join(ROOT, "..", rel)
        if not os.path.exists(args.data) and os.path.exists(os.path.join(ROOT, "..", "..", rel)):
            args.data = os.path.join(ROOT, "..", "..", rel)

    if not os.path.exists(args.data):
        print("gold_facts: skipped: %s not found" % args.data)
        sys.exit(77)
    arts = Articles(args.data)
    gnum = load_jsonl(os.path.join(args.gold, "numbers.jsonl"))
    gname = load_jsonl(os.path.join(args.gold, "names.jsonl"))
    gconf = load_jsonl(os.path.join(args.gold, "conflicts.jsonl"))
    gnon = load_jsonl(os.path.join(args.gold, "non-conflicts.jsonl"))
    checked = []
    cc_path = os.path.join(args.gold, "conflict-clusters.txt")
    if os.path.exists(cc_path):
        with open(cc_path, encoding="utf-8") as f:
            checked = [l.split("#")[0].strip() for l in f if l.split("#")[0].strip()]
    check = set()
    ck_path = os.path.join(args.gold, "conflicts-check.txt")
    if os.path.exists(ck_path):
        with open(ck_path, encoding="utf-8") as f:
            check = set(l.split("#")[0].strip() for l in f if l.split("#")[0].strip())

    def listed(cid):
        return (args.conflicts_part == "all" or
                (cid in check) == (args.conflicts_part == "check"))
    for path, rows in (("numbers.jsonl", gnum), ("names.jsonl", gname)):
        for n, r in enumerate(rows, 1):
            if r["article"] not in arts.text or r["end"] > len(arts.text[r["article"]]):
                die("%s:%d: article %s or span not in %s" % (path, n, r["article"], args.data))

    clusters = set(arts.cluster_of[r["article"]] for r in gnum + gname)
    clusters.update(r["cluster"] for r in gconf + gnon)
    clusters.update(checked)
    reports = run_precis(args.precis, [arts.lines[c] for c in sorted(clusters)])
    for c in clusters:
        if c not in reports:
            die("no report for cluster %s" % c)

    # Every system fact with all its occurrences, per article.
    sys_facts = []
    for cid, r in reports.items():
        for f in r.get("facts", []):
            sys_facts.append((f, occurrences(f, arts)))

    def facts_at(span, kinds):
        return [f for f, occ in sys_facts if f.get("kind") in kinds
                and any(overlaps(o, span) for o in occ)]

    errors = []
    # ---- numbers
    print("numbers (%d gold in %d articles of %d clusters)" % (
        len(gnum), len(set(r["article"] for r in gnum)),
        len(set(arts.cluster_of[r["article"]] for r in gnum))))
    by_kind = {}
    for g in gnum:
        span = (g["article"], g["start"], g["end"])
        cands = facts_at(span, NUMBER_KINDS)
        best = None
        for f in cands:
            v_ok = f.get("value") is not None and isinstance(g["value"], (int, float)) and \
                abs(float(f["value"]) - float(g["value"])) <= 1e-3 * max(1.0, abs(float(g["value"])))
            key = (f.get("key") or "").strip()
            if g["counts"] is None:
                c_ok = key.lower() in UNIT_KEYS or \
                    bool(g["unit"] and singular(key) == singular(g["unit"]))
            else:
                c_ok = singular(key) == singular(g["counts"]) or \
                    (g["kind"] in ("money", "percent") and key.lower() in UNIT_KEYS)
            score = (v_ok and c_ok, v_ok, c_ok)
            if best is None or score > best[0]:
                best = (score, f)
        k = by_kind.setdefault(g["kind"], {"gold": 0, "found": 0, "value": 0, "counts": 0,
                                           "right": 0, "counted_other": 0})
        k["gold"] += 1
        if best:
            k["found"] += 1
            (right, v_ok, c_ok), f = best
            k["value"] += v_ok
            k["counts"] += c_ok
            k["right"] += right
            if g["kind"] == "other" and (f.get("key") or "") not in ("",) and f.get("kind") == "number":
                k["counted_other"] += 1
            if not right and g["kind"] not in ("date", "other", "ordinal"):
                errors.append(("number wrong", g["article"], g["start"], g["end"],
                               "gold %s %s; system %r value %s key %r" % (
                                   g["value"], g["counts"], f.get("text"), f.get("value"), f.get("key"))))
        elif g["kind"] not in ("date", "other", "ordinal"):
            errors.append(("number missed", g["article"], g["start"], g["end"],
                           "gold %s %s (%s)" % (g["value"], g["counts"], g["kind"])))
    head = [k for k in HEADLINE_KINDS if k in by_kind]
    ordinal = by_kind.get("ordinal")
    if ordinal and ordinal["found"] == 0:
        head.remove("ordinal")
        print("  (the system reports no ordinals: ordinals left out of the totals below)")
    tot = {x: sum(by_kind[k][x] for k in head) for x in ("gold", "found", "value", "counts", "right")}
    row("found (a system number overlaps the gold span)", tot["found"], tot["gold"], "recall")
    row("value right, of found", tot["value"], tot["found"])
    row("counted thing right, of found", tot["counts"], tot["found"])
    row("numbers right (value and counted thing), of found", tot["right"], tot["found"])
    row("numbers right, of gold", tot["right"], tot["gold"], "recall of right numbers")
    print("  by kind:        gold  found  value  counts  right")
    for k in sorted(by_kind):
        d = by_kind[k]
        print("    %-12s %6d %6d %6d %7d %6d%s" % (k, d["gold"], d["found"], d["value"], d["counts"],
                                                d["right"], "" if k in head else "   (not in totals)"))
    if "other" in by_kind:
        print("  identifiers and model numbers (kind other) reported as a number fact: %d / %d "
              "(should be 0)" % (by_kind["other"]["found"], by_kind["other"]["gold"]))

    # ---- names
    print()
    name_arts = set(r["article"] for r in gname)
    print("names (%d gold mentions of %d entities in %d articles)" % (
        len(gname), len(set((arts.cluster_of[r["article"]], r["canonical"]) for r in gname)),
        len(name_arts)))
    held = set()
    ho_path = os.path.join(args.gold, "names-heldout.txt")
    if os.path.exists(ho_path):
        with open(ho_path, encoding="utf-8") as f:
            held = set(l.split("#")[0].strip() for l in f if l.split("#")[0].strip())
    found = type_ok = 0
    by_type = {}
    by_part = {}  # part -> type -> [gold, found, type right]
    entity_hits = {}
    for g in gname:
        part = "held-out" if arts.cluster_of[g["article"]] in held else "tuned on"
        pt = by_part.setdefault(part, {}).setdefault(g["type"], [0, 0, 0])
        pt[0] += 1
        span = (g["article"], g["start"], g["end"])
        cands = facts_at(span, tuple(NAME_KINDS))
        t = by_type.setdefault(g["type"], [0, 0, 0])
        t[0] += 1
        ent = (arts.cluster_of[g["article"]], g["canonical"])
        entity_hits.setdefault(ent, set())
        if not cands:
            errors.append(("name missed", g["article"], g["start"], g["end"],
                           "%s (%s)" % (g["canonical"], g["type"])))
            continue
        found += 1
        t[1] += 1
        pt[1] += 1
        ok = [f for f in cands if NAME_KINDS.get(f["kind"]) == g["type"]]
        f = ok[0] if ok else cands[0]
        entity_hits[ent].add(f.get("key") or f.get("text"))
        if ok:
            type_ok += 1
            t[2] += 1
            pt[2] += 1
        else:
            errors.append(("name type", g["article"], g["start"], g["end"],
                           "%s is %s; system %r as %s" % (g["canonical"], g["type"],
                                                          f.get("text"), f["kind"])))
    row("found (a system name overlaps the mention)", found, len(gname), "recall")
    row("type right, of found", type_ok, found)
    print("  by type:        gold  found  type right")
    for k in sorted(by_type):
        print("    %-12s %6d %6d %6d" % (k, *by_type[k]))
    if held:
        print("  names by part (clusters in names-heldout.txt are held out of tuning):")
        for part in sorted(by_part, reverse=True):
            tg = by_part[part]
            tot = [sum(v[i] for v in tg.values()) for i in range(3)]
            clus = sorted(set(arts.cluster_of[g["article"]] for g in gname
                              if (arts.cluster_of[g["article"]] in held) == (part == "held-out")))
            print("    %-9s %d clusters: found %d / %d, type right %d / %d  %5.1f %%" % (
                part, len(clus), tot[1], tot[0], tot[2], tot[1], 100.0 * tot[2] / max(tot[1], 1)))
            for k in sorted(tg):
                print("      %-12s gold %4d  found %4d  type right %4d" % (k, *tg[k]))
    ents_found = sum(1 for v in entity_hits.values() if v)
    split = sum(1 for v in entity_hits.values() if len(v) > 1)
    row("entities found (any mention)", ents_found, len(entity_hits))
    row("entities found under more than one system name", split, ents_found,
        "(variants not merged)")
    gold_spans = [(g["article"], g["start"], g["end"]) for g in gname]
    own = [(f, (f["article"], f["start"], f["end"])) for f, _ in sys_facts
           if f.get("kind") in NAME_KINDS and f.get("article") in name_arts]
    good = 0
    for f, s in own:
        if any(overlaps(s, g) for g in gold_spans):
            good += 1
        else:
            errors.append(("name spurious", s[0], s[1], s[2], "system %r as %s" % (f.get("text"),
                                                                                 f["kind"])))
    row("system names that are gold names (precision)", good, len(own),
        "(each system name's own span, annotated articles)")

    # ---- conflicts
    print()
    print("conflicts (%d gold, %d non-conflict pairs; %d clusters checked exhaustively)" % (
        len(gconf), len(gnon), len(checked)))
    matched_gold = set()
    sys_total = sys_right = sys_non = 0
    part_sys = {}  # part -> [system conflicts, right, on a non-conflict pair]
    for cid in checked:
        r = reports[cid]
        facts = r.get("facts", [])
        ps = part_sys.setdefault(cid in check, [0, 0, 0])
        for c in r.get("conflicts", []):
            sys_total += 1
            ps[0] += 1
            sides = conflict_sides(c, facts, arts)
            hits = [i for i, g in enumerate(gconf) if g["cluster"] == cid and pair_matches(sides, g)]
            if hits:
                sys_right += 1
                ps[1] += 1
                matched_gold.update(hits)
                continue
            if any(g["cluster"] == cid and pair_matches(sides, g) for g in gnon):
                sys_non += 1
                ps[2] += 1
                why = "a non-conflict pair"
            else:
                why = "not a gold conflict"
            if not listed(cid):
                continue
            texts = []
            for k in ("a", "b"):
                v = c.get(k)
                f = facts[v] if isinstance(v, int) and 0 <= v < len(facts) else (v or {})
                texts.append("%r in %s" % (f.get("text"), f.get("article")))
            a0 = sides[0][0] if sides[0] else None
            errors.append(("conflict wrong", a0[0] if a0 else "?", a0[1] if a0 else 0,
                           a0[2] if a0 else 0, "%s vs %s: %s" % (texts[0], texts[1], why)))
    for i, g in enumerate(gconf):
        if i not in matched_gold and g["cluster"] in checked and listed(g["cluster"]):
            errors.append(("conflict missed", g["a"]["article"], g["a"]["start"], g["a"]["end"],
                           g["what"] + " | other side: " + arts.context(
                               g["b"]["article"], g["b"]["start"], g["b"]["end"], 40)))
    row("system conflicts that are gold conflicts", sys_right, sys_total, "precision")
    row("gold conflicts found", len([i for i in matched_gold]),
        len([g for g in gconf if g["cluster"] in checked]), "recall")
    number_re = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"dozen|hundred|thousand|million|billion)\b", re.I)

    def is_number(side):
        return bool(number_re.search(arts.text[side["article"]][side["start"]:side["end"]]
                                     .decode("utf-8", "replace")))
    numeric = [i for i, g in enumerate(gconf) if g["cluster"] in checked
               and is_number(g["a"]) and is_number(g["b"])]
    row("  of which between two figures: found", len([i for i in numeric if i in matched_gold]),
        len(numeric), "(the others: days, places, names, a quotation)")
    row("system conflicts on a non-conflict pair", sys_non, sys_total)
    if check:
        print("  conflicts by part (clusters in conflicts-check.txt are the check half, not tuned on):")
        for part, is_check in (("tuning", False), ("check", True)):
            ps = part_sys.get(is_check, [0, 0, 0])
            gold = [i for i, g in enumerate(gconf) if g["cluster"] in checked
                    and (g["cluster"] in check) == is_check]
            ncl = len([c for c in checked if (c in check) == is_check])
            print("    %-8s %2d clusters: precision %d / %d, recall %d / %d, on non-conflicts %d" % (
                part, ncl, ps[1], ps[0], len([i for i in gold if i in matched_gold]), len(gold),
                ps[2]))

    if args.errors:
        print()
        print("errors (context read from %s)" % args.data)
        for what, art, s, e, note in errors:
            ctx = arts.context(art, s, e) if art in arts.text else ""
            print("  %-16s %s@%d  %s\n      %s" % (what, art, s, note, ctx))


if __name__ == "__main__":
    main()
