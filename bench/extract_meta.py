#!/usr/bin/env python3
"""Metadata accuracy of 'precis extract' against the pages' own markup.

For each page the references are read here, independently of precis, with
Python's html.parser and json modules:
  title   og:title, twitter:title, JSON-LD headline, <title>
  date    the date in the page's URL (/2019/11/19/, /2019-11-19/,
          /2019/nov/19/), an independent witness; and
          article:published_time / JSON-LD datePublished
  author  JSON-LD author names, <meta name="author">
A title is right when it equals one of the first three (case and spaces
ignored) or is contained in <title>; a date when its day equals the URL's
(or the markup's); an author when it equals or contains, or is contained
in, a reference name.  Prints found-rates and accuracies with the pages
counted, and a few disagreements to read.

usage: extract_meta.py GROUND_TRUTH.json LIST PRECIS.jsonl
"""
import json
import os
import re
import sys
from datetime import date, timedelta
from html.parser import HTMLParser

MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}


class Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.ld, self.title = {}, [], ""
        self._in, self._buf = None, []

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in, self._buf = "ld", []
        elif tag == "title" and not self.title:
            self._in, self._buf = "title", []

    def handle_data(self, data):
        if self._in:
            self._buf.append(data)

    def handle_endtag(self, tag):
        if self._in == "ld" and tag == "script":
            try:
                self.ld.append(json.loads("".join(self._buf)))
            except ValueError:
                pass
            self._in = None
        elif self._in == "title" and tag == "title":
            self.title = " ".join("".join(self._buf).split())
            self._in = None


def ld_articles(v, out, depth=0):
    if depth > 8:
        return
    if isinstance(v, list):
        for e in v:
            ld_articles(e, out, depth + 1)
    elif isinstance(v, dict):
        t = v.get("@type")
        types = t if isinstance(t, list) else [t]
        if any(isinstance(x, str) and (x.endswith("Article") or x in ("BlogPosting", "Report"))
               for x in types):
            out.append(v)
        for k in ("@graph", "mainEntity"):
            if k in v:
                ld_articles(v[k], out, depth + 1)


def names(v):
    if isinstance(v, str):
        return [] if v.startswith("http") else [v]
    if isinstance(v, dict):
        return names(v.get("name"))
    if isinstance(v, list):
        return [n for e in v for n in names(e)]
    return []


def norm(s):
    return " ".join((s or "").lower().split())


def url_date(url):
    m = re.search(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)", url)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        m = re.search(r"/((?:19|20)\d\d)/([a-z]{3})/(\d{1,2})/", url.lower())
        if not m or m.group(2) not in MONTHS:
            return None
        y, mo, d = int(m.group(1)), MONTHS[m.group(2)], int(m.group(3))
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def day(s):
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s or "")
    if not m:
        return None
    y = int(m.group(1))
    if not 1900 <= y <= 2100:  # "0001-01-01": a placeholder, not a date
        return None
    try:
        return date(*map(int, m.groups()))
    except ValueError:
        return None


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    gt = json.load(open(argv[1], encoding="utf-8"))
    paths = [l.strip() for l in open(argv[2])]
    outs = [json.loads(l) for l in open(argv[3], encoding="utf-8")]
    c = {k: [0, 0, 0] for k in ("title", "date_url", "date_url1", "date_markup", "author")}
    found = {"title": 0, "date": 0, "author": 0}
    bad = {"title": [], "date": [], "author": []}
    for path, o in zip(paths, outs):
        pid = os.path.basename(path).split(".html")[0]
        r = Refs()
        r.feed(open(path, encoding="utf-8", errors="replace").read())
        arts = []
        for v in r.ld:
            ld_articles(v, arts)
        for k in found:
            found[k] += bool(o.get(k))
        # title
        refs = [r.meta.get("og:title"), r.meta.get("twitter:title")] + \
               [a.get("headline") for a in arts if isinstance(a.get("headline"), str)]
        refs = [norm(x) for x in refs if x]
        if refs or r.title:
            c["title"][0] += 1
            t = norm(o.get("title"))
            ok = bool(t) and (t in refs or (r.title and t in norm(r.title)))
            c["title"][1] += ok
            if not ok:
                bad["title"].append((pid[:10], o.get("title"), (refs or [r.title])[0]))
        # date
        got = day(o.get("date"))
        ud = url_date(gt.get(pid, {}).get("url", ""))
        if ud:
            c["date_url"][0] += 1
            c["date_url1"][0] += 1
            c["date_url"][1] += got == ud
            c["date_url1"][1] += bool(got) and abs((got - ud).days) <= 1
            if got != ud:
                bad["date"].append((pid[:10], o.get("date"), str(ud)))
        mk = [r.meta.get("article:published_time")] + \
             [a.get("datePublished") for a in arts if isinstance(a.get("datePublished"), str)]
        mk = [day(x) for x in mk if x]
        mk = [x for x in mk if x]
        if mk:
            c["date_markup"][0] += 1
            c["date_markup"][1] += got in mk
        # author
        an = [n for a in arts for n in names(a.get("author"))]
        if r.meta.get("author") and not r.meta["author"].startswith("http"):
            an.append(r.meta["author"])
        an = [norm(x) for x in an if x.strip()]
        if an:
            c["author"][0] += 1
            a = norm(o.get("author"))
            ok = bool(a) and any(x == a or x in a or a in x for x in an)
            c["author"][1] += ok
            if not ok:
                bad["author"].append((pid[:10], o.get("author"), an[0]))
    n = len(outs)
    print("%-52s %s" % ("field", "result"))
    for k in ("title", "date", "author"):
        print("%-52s %d/%d (%.1f%%)" % (k + " found", found[k], n, 100.0 * found[k] / n))
    lab = {"title": "title = og/twitter/JSON-LD headline or in <title>",
           "date_url": "date = the date in the URL",
           "date_url1": "date within a day of the URL's (time zones)",
           "date_markup": "date = article:published_time / JSON-LD",
           "author": "author = JSON-LD / meta author"}
    for k, (tot, ok, _) in c.items():
        if tot:
            print("%-52s %d/%d (%.1f%%)" % (lab[k], ok, tot, 100.0 * ok / tot))
    for k, rows in bad.items():
        for row in rows[:6]:
            print("  %s differs: %s: precis %r, markup %r" % (k, row[0], row[1], row[2]))


if __name__ == "__main__":
    main(sys.argv)
