#!/usr/bin/env bash
# test_readable.sh -- 'precis summarize' keeps summaries readable alone:
# a quote's speaker named by a recorded edit, no edits with --extract-only,
# and the edit's span pointing at the replaced bytes of the article.
# Usage: test_readable.sh PRECIS_BINARY TESTS_DIR [SHARED_DATA]
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

check() { # name expected actual
    if [ "$2" != "$3" ]; then
        printf 'FAIL %s\n--- expected:\n%s\n--- got:\n%s\n' "$1" "$2" "$3" >&2
        fail=1
    else
        printf 'ok   %s\n' "$1" >&2
    fi
}

mkdir "$tmp/c"
# the quote is in both articles, each time after a long sentence naming
# the governor; at 14 words only the quote fits
for i in 1 2; do
  printf '%s\n' "Gov. Miriam Okafor-Hale ordered the Kessel floodgates opened on Saturday afternoon after the river rose past the old levee marks in report $i." \
    '"We will not leave these families to the water," she said.' \
    "The river crested at 9.4 meters on Sunday morning near the Portville bridge and the old mill, officials said in report $i." >"$tmp/c/$i.txt"
done

"$bin" summarize -f json --words 14 "$tmp/c" >"$tmp/out.json"
check "speaker named" 1 "$(grep -c '"We will not leave these families to the water,\\" Miriam Okafor-Hale said.' "$tmp/out.json")"
check "edit recorded" 1 "$(grep -c '"edits":\[{"start":[0-9]*,"end":[0-9]*,"original":"she","replacement":"Miriam Okafor-Hale"}\]' "$tmp/out.json")"
# the span is the article's bytes
start=$(sed 's/.*"edits":\[{"start":\([0-9]*\).*/\1/' "$tmp/out.json")
check "span points at the pronoun" "she" "$(tail -c +$((start + 1)) "$tmp/c/1.txt" | head -c 3)"

"$bin" summarize -f json --words 14 --extract-only "$tmp/c" >"$tmp/out2.json"
check "no edits with --extract-only" 0 "$(grep -c '"edits":\[{' "$tmp/out2.json")"
check "no pronoun-only quote with --extract-only" 0 "$(grep -c 'she said' "$tmp/out2.json")"

# the summary's word count is that of the text it gives, edits made and
# none planned but not made (on the cased BASIL events, when there)
basil=${3:-}/basil/basil-dev.jsonl
if [ -n "${3:-}" ] && [ -f "$basil" ]; then
  "$bin" batch -q -f json --words 120 "$basil" >"$tmp/basil.jsonl"
  check "words counted from the text" "0 of 50" "$(python3 -c '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
bad = [r["id"] for r in recs
       if r["words"] != len(r["summary"].replace("\u00a0", "x").split())]
print(len(bad), "of", len(recs))' "$tmp/basil.jsonl")"
fi

exit $fail
