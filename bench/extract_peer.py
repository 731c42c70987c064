#!/usr/bin/env python3
"""Runs readability-lxml (Debian python3-readability) over the benchmark's
pages and writes its output in the benchmark's format {id: {"articleBody":
text}}: Document(html).summary() turned into text with lxml's
text_content().  Prints the bytes of HTML read and the seconds spent in
extraction (decompression and file reading excluded) on standard error.

usage: extract_peer.py HTML_DIR OUT.json
"""
import gzip
import json
import os
import sys
import time

import lxml.html
from readability import Document


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    out, total, spent = {}, 0, 0.0
    for name in sorted(os.listdir(argv[1])):
        if not name.endswith(".html.gz"):
            continue
        with gzip.open(os.path.join(argv[1], name), "rb") as f:
            raw = f.read()
        html = raw.decode("utf-8", errors="replace")
        total += len(raw)
        t0 = time.perf_counter()
        try:
            text = lxml.html.fromstring(Document(html).summary()).text_content()
        except Exception as e:  # a failure scores as an empty prediction
            print("readability-lxml: %s: %s" % (name, e), file=sys.stderr)
            text = ""
        spent += time.perf_counter() - t0
        out[name[:-len(".html.gz")]] = {"articleBody": text}
    with open(argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    print("readability-lxml: %d bytes of HTML, %.3f s, %.2f MB/s"
          % (total, spent, total / 1e6 / spent), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
