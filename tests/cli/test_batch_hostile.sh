#!/usr/bin/env bash
# 'precis batch' never loses a record: fed a mix of good and hostile
# records (invalid UTF-8, a NUL byte, an empty line, only separators, a
# huge line, malformed JSON, a missing text, deep nesting ...), it writes
# exactly one output line per input line, in order: a summary for a good
# record, an error record carrying the record number (and the cluster id
# when the JSON had one) for a bad one, a FILE:LINE message on standard
# error for each bad record, and exit status 1.  The encoding cases run
# with --strict (today's rejection); without it such records are decoded
# (tests/cli/test_charset.sh).
# Usage: test_batch_hostile.sh PRECIS TESTS_DIR SHARED_DATA
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
sep=' story_separator_special_tag '
mn=$tests/data/multinews-sample.src

# ---- Multi-News input -----------------------------------------------------
# good: 1 2 7 9 10; bad: 3 4 5 6 8; line 7 is a 4 MB valid line.
{
  sed -n 1p "$mn"                                   # 1 good
  sed -n 2p "$mn"                                   # 2 good
  printf 'the river rose \xff and fell .\n'         # 3 invalid UTF-8
  printf 'the river rose \0 and fell .\n'           # 4 NUL byte
  printf '\n'                                       # 5 empty line
  printf '%s%s%s\n' "$sep" "$sep" "$sep"            # 6 only separators
  for i in $(seq 1 8); do                           # 7 huge (4 MB)
    head -c 500000 /dev/zero | tr '\0' 'w' | sed 's/wwwwwwwwww/floods ran /g'
    printf ' . the levee broke on day %d .%s' "$i" "$sep"
  done; printf '\n'
  printf 'overlong \xc0\xaf slash .%sthe dam held .\n' "$sep"  # 8 invalid in doc 1
  sed -n 3p "$mn"                                   # 9 good
  printf 'no trailing newline , still a record .'   # 10 good, no final newline
} > "$tmp/in.mn"
nin=10
good_mn="1 2 7 9 10"
bad_mn="3 4 5 6 8"

for fmt in text json; do
  "$precis" batch --strict -q --format "$fmt" -w 30 "$tmp/in.mn" > "$tmp/out" 2> /dev/null
  rc=$?
  check "multinews $fmt: exit status 1 (got $rc)" $([ $rc -eq 1 ]; echo $?)
  n=$(wc -l < "$tmp/out")
  check "multinews $fmt: $nin output lines (got $n)" $([ "$n" -eq $nin ]; echo $?)
  for r in $good_mn; do
    line=$(sed -n "${r}p" "$tmp/out")
    if [ "$fmt" = text ]; then
      [ -n "$line" ]
    else
      case $line in "{\"record\":$r,\"summary\":\""[!\"]*) true ;; *) false ;; esac
    fi
    check "multinews $fmt: record $r has a summary" $?
  done
  for r in $bad_mn; do
    line=$(sed -n "${r}p" "$tmp/out")
    if [ "$fmt" = text ]; then
      [ -z "$line" ]
    else
      case $line in "{\"record\":$r,\"error\":\""?*'"}') true ;; *) false ;; esac
    fi
    check "multinews $fmt: record $r is an error record" $?
  done
done
# the messages name file and line, one per bad record, and a total
"$precis" batch --strict -w 30 "$tmp/in.mn" > /dev/null 2> "$tmp/err"
for r in $bad_mn; do
  grep -q "^precis: $tmp/in.mn:$r: " "$tmp/err"
  check "multinews: message for line $r" $?
done
n=$(grep -c "^precis: $tmp/in.mn:[0-9]*: " "$tmp/err")
check "multinews: 5 messages (got $n)" $([ "$n" -eq 5 ]; echo $?)
grep -q "5 of 10 records failed" "$tmp/err"
check "multinews: total of failed records" $?
grep -q "in.mn:3: invalid UTF-8 at byte 15" "$tmp/err"
check "multinews: byte offset of invalid UTF-8" $?
grep -q "in.mn:4: NUL byte" "$tmp/err"
check "multinews: NUL byte named" $?
# the same from standard input
"$precis" batch --strict -w 30 < "$tmp/in.mn" > "$tmp/out2" 2> "$tmp/err"
"$precis" batch --strict -q -w 30 "$tmp/in.mn" > "$tmp/out"
cmp -s "$tmp/out" "$tmp/out2"
check "multinews: stdin gives the same output" $?
grep -q "^precis: <stdin>:6: " "$tmp/err"
check "multinews: stdin messages name <stdin>" $?

# ---- JSON Lines input -------------------------------------------------------
# good: 1 10 12; bad: 2-9 11.  Ids are reported when the record had one.
deep=$(head -c 100000 /dev/zero | tr '\0' '[')
big=$(head -c 3000000 /dev/zero | tr '\0' 'x' | sed 's/xxxxxxxxxx/the dam. /g')
{
  printf '{"id":"a","articles":[{"text":"The levee broke. About 1,200 people left."}]}\n'  # 1
  printf '{"id":"b","articles":[{"text":"unterminated\n'                        # 2 malformed
  printf '{"id":"c","articles":[{"title":"no text here"}]}\n'                   # 3 missing text
  printf '{"id":"d","articles":%s\n' "$deep"                                    # 4 deep nesting
  printf '\n'                                                                   # 5 empty line
  printf '{"id":"f","articles":[{"text":"a \0 b"}]}\n'                          # 6 NUL byte
  printf '{"id":"g","articles":[{"text":"bad \xff utf8"}]}\n'                   # 7 invalid UTF-8
  printf '{"id":"h","articles":[{"text":5}]}\n'                                 # 8 text not a string
  printf '{"id":"i","articles":[]}\n'                                           # 9 no articles
  printf '{"id":"j","articles":[{"text":"%s"}]}\n' "$big"                       # 10 huge, good
  printf '[1, 2, 3]\n'                                                          # 11 not an object
  printf '{"id":"l","articles":[{"text":"The dam held overnight.","date":"2026-03-14"}]}\n' # 12
} > "$tmp/in.jsonl"
nin=12
"$precis" batch --strict -q --input jsonl --format json -w 30 "$tmp/in.jsonl" > "$tmp/out" 2> /dev/null
rc=$?
check "jsonl: exit status 1 (got $rc)" $([ $rc -eq 1 ]; echo $?)
n=$(wc -l < "$tmp/out")
check "jsonl: $nin output lines (got $n)" $([ "$n" -eq $nin ]; echo $?)
for spec in 1:a 10:j 12:l; do
  r=${spec%%:*} id=${spec#*:}
  line=$(sed -n "${r}p" "$tmp/out")
  case $line in "{\"record\":$r,\"id\":\"$id\",\"summary\":\""[!\"]*) true ;; *) false ;; esac
  check "jsonl: record $r ($id) has a summary" $?
done
# (7: Jansson rejects the whole line, so no id can be read)
for spec in 2: 3:c 4: 5: 6: 7: 8:h 9:i 11:; do
  r=${spec%%:*} id=${spec#*:}
  line=$(sed -n "${r}p" "$tmp/out")
  if [ -n "$id" ]; then
    want="{\"record\":$r,\"id\":\"$id\",\"error\":\""
  else
    want="{\"record\":$r,\"error\":\""
  fi
  case $line in "$want"?*'"}') true ;; *) false ;; esac
  check "jsonl: record $r is an error record${id:+ with id $id}: $line" $?
done
"$precis" batch --strict --input jsonl -w 30 "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err"
n=$(wc -l < "$tmp/out")
check "jsonl text: $nin output lines (got $n)" $([ "$n" -eq $nin ]; echo $?)
n=$(grep -c "^precis: $tmp/in.jsonl:[0-9]*: " "$tmp/err")
check "jsonl: 9 messages (got $n)" $([ "$n" -eq 9 ]; echo $?)

echo "test_batch_hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
