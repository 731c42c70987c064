#!/usr/bin/env bash
# CLI tests for 'precis analyze' and 'precis batch --analyze': the JSON
# report of the example cluster (directory and JSON Lines input), exit
# codes, bad input, and one report line per batch record.
# Usage: test_analyze.sh PRECIS TESTS_DIR SHARED_DATA
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
json_ok() { python3 -c 'import json,sys
for l in open(sys.argv[1]): json.loads(l)' "$1"; }

expect_rc "analyze --help" 0 "$precis" analyze --help
grep -q "quotes" "$tmp/out"; check "analyze --help describes the report" $?
expect_rc "analyze, no input" 2 "$precis" analyze
expect_rc "analyze --format text is refused" 2 "$precis" analyze --format text "$ex/cluster"

# the example as JSON Lines: one JSON line with every part
expect_rc "analyze jsonl" 0 "$precis" analyze "$ex/cluster.jsonl"
[ "$(wc -l < "$tmp/out")" -eq 1 ]; check "one line" $?
json_ok "$tmp/out"; check "valid JSON" $?
cp "$tmp/out" "$tmp/report.json"
python3 - "$tmp/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("summary", "articles", "copies", "quotes", "facts", "conflicts", "timeline"):
    assert k in r, k
v = {(c["a"], c["b"]): c["verdict"] for c in r["copies"]}
assert v[("01-northern-wire", "02-valley-courier")] == "a_in_b", v
assert v[("03-harbour-times-early", "04-harbour-times-update")] == "update", v
e = {(c["a"], c["b"]): c.get("earlier") for c in r["copies"]}
assert e[("03-harbour-times-early", "04-harbour-times-update")] == "03-harbour-times-early", e
order = [t["article"] for t in r["timeline"]]
assert order[:4] == ["03-harbour-times-early", "01-northern-wire", "02-valley-courier",
                     "04-harbour-times-update"], order
assert r["summary"]["words"] <= 120
PY
check "report content: copies, timeline, summary" $?

# the same articles as text files: dates from ' date' lines only
expect_rc "analyze dir" 0 "$precis" analyze --words 80 "$ex/cluster"
json_ok "$tmp/out"; check "dir: valid JSON" $?
grep -q '"verdict":"a_in_b"' "$tmp/out"; check "dir: the republished copy" $?

# bad input: a bad article is named, the rest analysed, exit 1
printf '{"id":"x","text":"A fine article about the flood in Portville today."}\n{"id":"y","text":\n' > "$tmp/bad.jsonl"
expect_rc "one bad record" 1 "$precis" analyze "$tmp/bad.jsonl"
grep -q "bad.jsonl:2" "$tmp/err"; check "bad record named with its line" $?
json_ok "$tmp/out"; check "report of the rest" $?
printf '\xff\xfe' > "$tmp/bin.txt"
expect_rc "no usable article" 3 "$precis" analyze "$tmp/bin.txt"

# summarize --format html goes through the report too
expect_rc "summarize --format html" 0 "$precis" summarize --format html "$ex/cluster.jsonl"
grep -qi "<!DOCTYPE html>" "$tmp/out"; check "html page" $?

# batch --analyze: one JSON report per record, error records in place
{
  python3 -c 'import json,sys; print(json.dumps({"id":"flood","articles":[json.loads(l) for l in open(sys.argv[1])]}))' "$ex/cluster.jsonl"
  echo '{"id":"broken","articles":[{"text":1}]}'
  echo 'not json'
  python3 -c 'import json; print(json.dumps({"id":"small","articles":[{"text":"The bridge reopened on Monday after repairs."},{"text":"The bridge reopened on Monday after two weeks of repairs."}]}))'
} > "$tmp/batch.jsonl"
expect_rc "batch --analyze" 1 "$precis" batch -q --input jsonl --analyze "$tmp/batch.jsonl"
[ "$(wc -l < "$tmp/out")" -eq 4 ]; check "batch: one line per record" $?
json_ok "$tmp/out"; check "batch: every line is JSON" $?
python3 - "$tmp/out" <<'PY'
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert [r["record"] for r in rs] == [1, 2, 3, 4]
assert rs[0]["id"] == "flood" and "timeline" in rs[0] and len(rs[0]["timeline"]) == 5
assert "error" in rs[1] and rs[1]["id"] == "broken"
assert "error" in rs[2]
assert rs[3]["id"] == "small" and "copies" in rs[3]
PY
check "batch: records in order, errors in place" $?
expect_rc "batch --analyze --format text is json" 0 "$precis" batch --analyze --format text \
  "$tests/data/multinews-sample.src"
json_ok "$tmp/out"; check "batch multinews: JSON lines" $?
[ "$(wc -l < "$tmp/out")" -eq "$(wc -l < "$tests/data/multinews-sample.src")" ]
check "batch multinews: one line per cluster" $?

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
