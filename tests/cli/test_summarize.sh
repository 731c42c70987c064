#!/usr/bin/env bash
# CLI tests for 'precis summarize' and 'precis batch' on the team's own
# example clusters: golden outputs, input formats, budgets, exit codes and
# error messages.  Usage: test_summarize.sh PRECIS TESTS_DIR SHARED_DATA
# Regenerate the golden files with 'make golden' after an intended change.
set -u
precis=$1
tests=$2
root=$(cd "$tests/.." && pwd)
ex=$root/examples
fail=0
pass=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # name, command status (0 = ok)
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}
expect_rc() { # name, expected rc, cmd...
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local rc=$?
  [ "$rc" -eq "$want" ]
  check "$name (rc $rc, want $want)" $?
}

# help, version, usage errors
expect_rc "--help" 0 "$precis" --help
grep -q "summarize" "$tmp/out"; check "--help lists commands" $?
expect_rc "summarize --help" 0 "$precis" summarize --help
grep -q -- "--words" "$tmp/out"; check "summarize --help lists --words" $?
expect_rc "--version" 0 "$precis" --version
expect_rc "unknown command" 2 "$precis" frobnicate
expect_rc "unknown method" 2 "$precis" summarize -m nope "$ex/cluster"
expect_rc "bad budget" 2 "$precis" summarize --words -3 "$ex/cluster"
expect_rc "unknown language" 2 "$precis" summarize --lang klingon "$ex/cluster"
expect_rc "no input" 2 "$precis" summarize

# golden outputs on the bundled example
for fmt in text json markdown; do
  expect_rc "golden $fmt" 0 "$precis" summarize --words 120 --format "$fmt" "$ex/cluster"
  cmp -s "$tmp/out" "$tests/golden/example.$fmt"
  check "golden $fmt matches tests/golden/example.$fmt" $?
done
for m in lead lead-rr centroid lexrank mmr; do
  expect_rc "golden -m $m" 0 "$precis" summarize --words 120 -m "$m" "$ex/cluster"
  cmp -s "$tmp/out" "$tests/golden/example.$m.text"
  check "golden -m $m matches" $?
done

# budgets in every unit are respected
expect_rc "words 50" 0 "$precis" summarize --words 50 "$ex/cluster"
[ "$(wc -w < "$tmp/out")" -le 50 ] && [ "$(wc -w < "$tmp/out")" -gt 10 ]
check "50-word budget kept" $?
expect_rc "bytes 400" 0 "$precis" summarize --bytes 400 -f lines "$ex/cluster"
[ "$(tr '\n' ' ' < "$tmp/out" | wc -c)" -le 401 ]
check "400-byte budget kept" $?
expect_rc "sentences 2" 0 "$precis" summarize --sentences 2 -f lines "$ex/cluster"
[ "$(wc -l < "$tmp/out")" -eq 2 ]
check "2-sentence budget kept" $?
expect_rc "words 0" 0 "$precis" summarize --words 0 "$ex/cluster"
[ "$(wc -w < "$tmp/out")" -eq 0 ]
check "0-word budget gives an empty summary" $?

# JSON Lines input: file, stdin, and the ids it carries
expect_rc "jsonl file" 0 "$precis" summarize -f json "$ex/cluster.jsonl"
grep -q '"articles":\[{"id":"' "$tmp/out"; check "jsonl ids in JSON output" $?
expect_rc "jsonl stdin" 0 bash -c "'$precis' summarize - < '$ex/cluster.jsonl'"
[ -s "$tmp/out" ]; check "jsonl stdin summary" $?
expect_rc "text stdin" 0 bash -c "'$precis' summarize - < '$ex/cluster/01-northern-wire.txt'"
[ -s "$tmp/out" ]; check "text stdin summary" $?

# bad articles: named in the message, the rest still summarized, rc 1
printf 'Good start \xff\xfe bad bytes.\n' > "$tmp/bad-utf8.txt"
printf 'Text with a \0 NUL byte.\n' > "$tmp/nul.txt"
: > "$tmp/empty.txt"
expect_rc "mixed good and bad" 1 "$precis" summarize --strict "$ex/cluster" "$tmp/bad-utf8.txt" "$tmp/nul.txt" "$tmp/empty.txt"
grep -q "bad-utf8.txt: invalid UTF-8 at byte 11" "$tmp/err"; check "invalid UTF-8 named with offset" $?
grep -q "nul.txt: NUL byte" "$tmp/err"; check "NUL byte named" $?
grep -q "empty.txt: article has no text" "$tmp/err"; check "empty article named" $?
[ -s "$tmp/out" ]; check "summary of the good articles written" $?
expect_rc "only bad input" 3 "$precis" summarize "$tmp/empty.txt"
expect_rc "missing file" 3 "$precis" summarize "$tmp/does-not-exist.txt"
grep -q "does-not-exist.txt" "$tmp/err"; check "missing file named" $?
printf '{"id":"a","text":"One fine sentence here."}\n{"id":"b","text":\n{"id":"c","text":"Another fine sentence."}\n' > "$tmp/bad.jsonl"
expect_rc "malformed JSON line" 1 "$precis" summarize "$tmp/bad.jsonl"
grep -q "bad.jsonl:2: malformed JSON" "$tmp/err"; check "malformed JSON line named with line number" $?

# batch: Multi-News lines, one output line per input line, in order
src=$tests/data/multinews-sample.src
n=$(wc -l < "$src")
expect_rc "batch multinews" 0 "$precis" batch --words 60 "$src"
[ "$(wc -l < "$tmp/out")" -eq "$n" ]; check "batch: one line per input line" $?
[ "$(grep -c . "$tmp/out")" -eq "$n" ]; check "batch: no empty summary" $?
{ cat "$src"; printf 'bad \xff line\n\nonly story_separator_special_tag  story_separator_special_tag \n'; head -1 "$src"; } > "$tmp/mixed.src"
expect_rc "batch with bad records" 1 "$precis" batch --strict -f json --words 60 "$tmp/mixed.src"
[ "$(wc -l < "$tmp/out")" -eq $((n + 4)) ]; check "batch: bad records keep their lines" $?
sed -n "$((n + 1))p" "$tmp/out" | grep -q "\"record\":$((n + 1)),\"error\":\"invalid UTF-8"
check "batch: error record for invalid UTF-8" $?
sed -n "$((n + 2))p" "$tmp/out" | grep -q '"error":"no non-empty document'
check "batch: error record for an empty line" $?
sed -n "$((n + 4))p" "$tmp/out" | grep -q "\"record\":$((n + 4)),\"summary\""
check "batch: processing continues after errors" $?
grep -q "mixed.src:$((n + 1)): invalid UTF-8" "$tmp/err"; check "batch: stderr names file and line" $?
printf '{"id":"k1","articles":[{"text":"A first fine sentence. And a second one."}]}\n{"id":"k2","articles":[]}\n' > "$tmp/clusters.jsonl"
expect_rc "batch jsonl" 1 "$precis" batch --input jsonl -f json "$tmp/clusters.jsonl"
sed -n 1p "$tmp/out" | grep -q '"record":1,"id":"k1","summary"'; check "batch jsonl: id kept" $?
sed -n 2p "$tmp/out" | grep -q '"record":2,"id":"k2","error"'
check "batch jsonl: error record" $?

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
