#!/usr/bin/env bash
# Input in any real encoding, through the CLI: a Windows-1252 article, a
# UTF-8 byte-order mark, UTF-16 LE and BE files (text and JSON Lines), a
# Windows-1252 Multi-News line and JSON Lines record in 'batch', HTML
# character references, CRLF line ends; each decoded with a warning that
# names the file (and line and article) and a "charset" field in JSON
# output; --strict keeps the rejection.
# Usage: test_charset.sh PRECIS TESTS_DIR SHARED_DATA
set -u
precis=$1
fail=0
pass=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # name, status (0 = ok)
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}
# a Windows-1252 article: curly quotes, e-acute, euro sign, CRLF ends
printf 'The caf\xe9 reopened on Monday.\r\n\r\n\x93We are back,\x94 its owner said, \x80 5 a cup.\r\n' > "$tmp/w.txt"
"$precis" summarize -f json "$tmp/w.txt" > "$tmp/out" 2> "$tmp/err"
check "windows-1252: exit 0 (got $?)" $?
grep -q 'café reopened on Monday\.' "$tmp/out"; check "windows-1252: e-acute decoded" $?
grep -q '“We are back,” its owner said, € 5 a cup\.' "$tmp/out"
check "windows-1252: quotes and euro decoded" $?
grep -q '"charset":"windows-1252"' "$tmp/out"; check "windows-1252: charset in JSON" $?
grep -q "^precis: $tmp/w.txt: warning: not valid UTF-8, decoded as Windows-1252" "$tmp/err"
check "windows-1252: warning names the file" $?
"$precis" summarize --strict "$tmp/w.txt" > /dev/null 2> "$tmp/err"
rc=$?
check "--strict: rejected, exit 3 (got $rc)" $([ $rc -eq 3 ]; echo $?)
grep -q "w.txt: invalid UTF-8 at byte 7" "$tmp/err"; check "--strict: offset named" $?

# byte-order marks: UTF-8, UTF-16 LE and BE, a text file and JSON Lines
text='The café in Zürich reopened. It was “great”, said Anna.'
printf '\xef\xbb\xbf%s\n' "$text" > "$tmp/bom8.txt"
printf '\xff\xfe' > "$tmp/le.txt"; printf '%s\n' "$text" | iconv -f UTF-8 -t UTF-16LE >> "$tmp/le.txt"
printf '\xfe\xff' > "$tmp/be.txt"; printf '%s\n' "$text" | iconv -f UTF-8 -t UTF-16BE >> "$tmp/be.txt"
for f in bom8:utf-8-bom le:utf-16le be:utf-16be; do
  name=${f%%:*} cs=${f#*:}
  "$precis" summarize -f json "$tmp/$name.txt" > "$tmp/out" 2> "$tmp/err"
  check "$name: exit 0" $?
  grep -q '"summary":"The café in Zürich reopened\. It was “great”, said Anna\."' "$tmp/out"
  check "$name: decoded" $?
  grep -q "\"charset\":\"$cs\"" "$tmp/out"; check "$name: charset $cs in JSON" $?
done
[ ! -s "$tmp/err" ] || grep -q "warning: decoded from utf-16be by its byte-order mark" "$tmp/err"
check "utf-16: warning" $?
{ printf '\xff\xfe'; printf '{"id":"a","text":"Le café a rouvert."}\r\n{"id":"b","text":"Il était fermé."}\n' |
  iconv -f UTF-8 -t UTF-16LE; } > "$tmp/le.jsonl"
"$precis" summarize -f json "$tmp/le.jsonl" > "$tmp/out" 2> "$tmp/err"
check "utf-16 jsonl: exit 0" $?
grep -q '"summary":"Le café a rouvert\. Il était fermé\."' "$tmp/out"; check "utf-16 jsonl: both lines" $?
grep -q "le.jsonl:2: article b: warning: decoded from utf-16le" "$tmp/err"
check "utf-16 jsonl: warning names file, line and article" $?

# character references left in scraped text
printf 'AT&amp;T&rsquo;s chief said &#8220;no&#8221; on Friday. &copy; 2026 &unknown; stays.\n' > "$tmp/refs.txt"
"$precis" summarize "$tmp/refs.txt" > "$tmp/out" 2>&1
grep -q 'AT&T’s chief said “no” on Friday\. © 2026 &unknown; stays\.' "$tmp/out"
check "character references decoded" $?

# batch: a Windows-1252 Multi-News line and JSON Lines record
printf 'The caf\xe9 reopened on Monday . story_separator_special_tag It served 300 guests .\n' > "$tmp/w.src"
"$precis" batch -f json "$tmp/w.src" > "$tmp/out" 2> "$tmp/err"
check "batch windows-1252: exit 0" $?
grep -q '"record":1,"summary":"The café reopened on Monday \.' "$tmp/out"; check "batch: decoded" $?
grep -q "^precis: $tmp/w.src:1: article 1: warning: not valid UTF-8" "$tmp/err"
check "batch: warning names file, line and article" $?
"$precis" batch -q "$tmp/w.src" > /dev/null 2> "$tmp/err"
[ ! -s "$tmp/err" ]; check "batch -q: no warning" $?
"$precis" batch --strict -f json "$tmp/w.src" > "$tmp/out" 2> /dev/null
rc=$?
check "batch --strict: exit 1 (got $rc)" $([ $rc -eq 1 ]; echo $?)
grep -q '"record":1,"error":"invalid UTF-8 at byte 7"' "$tmp/out"; check "batch --strict: error record" $?
printf '{"id":"w","articles":[{"text":"Caf\xe9 open."}]}\n' > "$tmp/w.jsonl"
"$precis" batch --input jsonl -f json "$tmp/w.jsonl" > "$tmp/out" 2> /dev/null
grep -q '"id":"w","summary":"Café open\."' "$tmp/out"; check "batch jsonl: decoded" $?
grep -q '"charset":"windows-1252"' "$tmp/out"; check "batch jsonl: charset in JSON" $?

echo "test_charset: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
