#!/usr/bin/env python3
"""Runs readability-lxml (Debian python3-readability) over the benchmark's
pages and writes its output in the benchmark's format {id: {"articleBody":
text}}: Document(html).summary() turned into text with lxml
(a line break at each block element).  Prints the bytes of HTML read and the seconds spent in
extraction (decompression and file reading excluded) on standard error.

usage: extract_peer.py HTML_DIR OUT.json   (pages NAME.html or NAME.html.gz)
"""
import gzip
import json
import os
import sys
import time

import lxml.html
from readability import Document


BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "tr"}


def to_text(summary):
    """The summary's text with a line break at each block, so that
    adjacent paragraphs do not glue their words together."""
    doc = lxml.html.fromstring(summary)
    for e in doc.iter():
        if e.tag in BLOCKS:
            e.text = "\n" + (e.text or "")
            e.tail = "\n" + (e.tail or "")
        elif e.tag == "br":
            e.tail = " " + (e.tail or "")
    return doc.text_content()


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    out, total, spent = {}, 0, 0.0
    for name in sorted(os.listdir(argv[1])):
        if not (name.endswith(".html.gz") or name.endswith(".html")):
            continue
        opener = gzip.open if name.endswith(".gz") else open
        with opener(os.path.join(argv[1], name), "rb") as f:
            raw = f.read()
        html = raw.decode("utf-8", errors="replace")
        total += len(raw)
        t0 = time.perf_counter()
        try:
            text = to_text(Document(html).summary())
        except Exception as e:  # a failure scores as an empty prediction
            print("readability-lxml: %s: %s" % (name, e), file=sys.stderr)
            text = ""
        spent += time.perf_counter() - t0
        out[name.split(".html")[0]] = {"articleBody": text}
    with open(argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    print("readability-lxml: %d bytes of HTML, %.3f s, %.2f MB/s"
          % (total, spent, total / 1e6 / spent), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
