#!/usr/bin/env bash
# 'precis stories': one output line per input line, in order, against the
# golden output (a copy joins its original, an update joins the story, a
# similar event a week later and a French report open their own stories,
# a story closes after three days of dates and the same topic later opens
# a new one); bad records give an error line naming the line, a FILE:LINE
# message and exit status 1; --final and --summarize add story records.
# Usage: test_stories.sh PRECIS TESTS_DIR SHARED_DATA
set -u
precis=$1
tests=$2
fail=0
pass=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # name, status (0 = ok)
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}
in=$tests/data/stories.jsonl

"$precis" stories "$in" > "$tmp/out" 2> "$tmp/err"
check "exit status 1 with bad records" $(( $? != 1 ))
diff -u "$tests/golden/stories.out" "$tmp/out"
check "golden output" $?
check "one line per input line" $(( $(wc -l < "$tmp/out") != $(wc -l < "$in") ))
grep -q "^precis: $in:6: malformed JSON" "$tmp/err"
check "FILE:LINE message for malformed JSON" $?
grep -q "^precis: $in:9: duplicate id \"qa\"" "$tmp/err"
check "FILE:LINE message for a duplicate id" $?

"$precis" stories - < "$in" 2>/dev/null | cmp -s - "$tmp/out"
check "standard input" $?

"$precis" stories -q --final "$in" > "$tmp/final"
diff -u "$tests/golden/stories.final.out" "$tmp/final"
check "golden --final output" $?
grep -q '^{"story":3,"closed":true,"lang":"english","articles":\["qa","qa-copy","qa-update"\]}$' "$tmp/final"
check "--final lists the members" $?

"$precis" stories -q --summarize -w 40 "$in" > "$tmp/sum"
grep -q '^{"story":3,"version":3,"articles":3,"summary":"A magnitude 7.1 earthquake' "$tmp/sum"
check "--summarize writes a story summary" $?

"$precis" stories "$tmp/missing.jsonl" > /dev/null 2>&1
check "missing file: exit status 3" $(( $? != 3 ))
"$precis" stories --threshold 2 "$in" > /dev/null 2>&1
check "bad option value: exit status 2" $(( $? != 2 ))
"$precis" stories --lang klingon "$in" > /dev/null 2>&1
check "unknown language: exit status 2" $(( $? != 2 ))

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
