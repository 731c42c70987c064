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

# ---- what a hostile user and a new user found ------------------------------
ex=$tests/../examples
asan=0
grep -q '^PRECIS_SANITIZE:BOOL=ON' "$(dirname "$precis")/CMakeCache.txt" 2>/dev/null && asan=1
# failed writes are errors (exit 3, "precis: write error: ..."), never success
for cmd in "--help" "--version" "summarize --help" "batch --help" "split --help" \
           "summarize $ex/cluster" "batch $mn" "rouge $mn $mn"; do
  "$precis" $cmd > /dev/full 2> "$tmp/err"
  rc=$?
  check "'$cmd' > /dev/full: exit 3 (got $rc)" $([ $rc -eq 3 ]; echo $?)
  grep -q "^precis: write error: " "$tmp/err"; check "'$cmd' > /dev/full: message" $?
done
"$precis" --version >&- 2> "$tmp/err"
rc=$?
check "--version with stdout closed: exit 3 (got $rc)" $([ $rc -eq 3 ]; echo $?)
# batch tells JSON Lines from Multi-News by itself; numeric ids are kept
printf '{"id":7,"articles":[{"text":"The dam held on Sunday. The water fell a meter."}]}\n' > "$tmp/c.jsonl"
cp "$tmp/c.jsonl" "$tmp/c.txt"
for f in c.jsonl c.txt; do
  "$precis" batch -f json "$tmp/$f" > "$tmp/out" 2> /dev/null
  grep -q '^{"record":1,"id":"7","summary":"The dam held on Sunday\.' "$tmp/out"
  check "batch $f: read as JSON Lines, numeric id kept" $?
done
printf '{"id":"x","articles":[}\n' > "$tmp/bad.src"
"$precis" batch "$tmp/bad.src" > /dev/null 2> "$tmp/err"
grep -q "read as JSON Lines (it starts with '{'); give --input multinews" "$tmp/err"
check "batch: hint after a JSON error on auto-detected input" $?
printf '{"headline": no, this is an article.\nThe council met on Monday.\n' > "$tmp/brace.txt"
"$precis" summarize "$tmp/brace.txt" > /dev/null 2> "$tmp/err"
grep -q "give --input text if it is one plain-text article" "$tmp/err"
check "summarize: hint for a text file starting with '{'" $?
"$precis" summarize --input text "$tmp/brace.txt" > /dev/null 2>&1
check "summarize --input text reads it" $?
# directories: dangling links and loops named, one file reached twice read once
mkdir "$tmp/d"
cp "$ex/cluster/01-northern-wire.txt" "$ex/cluster/02-valley-courier.txt" "$tmp/d/"
ln -s 01-northern-wire.txt "$tmp/d/03-link.txt"
ln -s nowhere "$tmp/d/04-dangling.txt"
ln -s 05-loop "$tmp/d/06-loop"; ln -s 06-loop "$tmp/d/05-loop"
"$precis" summarize -f json "$tmp/d" > "$tmp/out" 2> "$tmp/err"
rc=$?
check "directory with bad links: exit 1 (got $rc)" $([ $rc -eq 1 ]; echo $?)
grep -q "04-dangling.txt: symbolic link to nothing (skipped)" "$tmp/err"; check "dangling link named" $?
grep -q "05-loop: loop of symbolic links (skipped)" "$tmp/err"; check "link loop named" $?
grep -q "03-link.txt: the same file as .*01-northern-wire.txt (read once)" "$tmp/err"
check "a link to a sibling is read once" $?
[ "$(grep -o '"id":"[^"]*","source"' "$tmp/out" | sort -u | wc -l)" -eq 2 ]
check "two articles, not three" $?
mkdir "$tmp/empty"
"$precis" summarize "$tmp/empty" > /dev/null 2> "$tmp/err"
grep -q "^precis: $tmp/empty: no regular file in the directory" "$tmp/err"; check "empty directory named" $?
# help true to behaviour
"$precis" analyze --help > "$tmp/out"
grep -q -- "--format NAME     json | html (default json)" "$tmp/out"; check "analyze --help formats" $?
"$precis" batch --help > "$tmp/out"
grep -q -- "--format NAME     text | json (default text" "$tmp/out"; check "batch --help formats" $?
grep -q "english" "$tmp/out" && grep -q "french" "$tmp/out" && ! grep -q "porter" "$tmp/out"
check "--lang names listed" $?
"$precis" summarize --lang porter "$ex/cluster" > /dev/null 2> "$tmp/err"
grep -q "porter, the original Porter stemmer, is for 'precis rouge'; use english" "$tmp/err"
check "--lang porter explained" $?
# one error style, a short usage on a bad option
for cmd in "summarize --frob x" "batch --frob" "analyze -Z x" "split --frob" "rouge --frob a b" \
           "summarize -w"; do
  "$precis" $cmd > /dev/null 2> "$tmp/err"
  rc=$?
  [ $rc -eq 2 ] && [ "$(wc -l < "$tmp/err")" -le 2 ] && ! grep -qv "^\(precis: \|usage: precis\)" "$tmp/err"
  check "'$cmd': exit 2, two lines at most, precis style: $(head -1 "$tmp/err")" $?
done
"$precis" batch /nonexistent > /dev/null 2> "$tmp/err"
grep -q "^precis: /nonexistent: No such file or directory" "$tmp/err"; check "batch: missing file" $?
"$precis" batch "$tmp/d" > /dev/null 2> "$tmp/err"
grep -q "^precis: $tmp/d: is a directory" "$tmp/err"; check "batch: a directory named as such" $?
printf '{"id":"a","articles":[{"text":"One fine sentence."}]}\n\n' > "$tmp/blank.jsonl"
"$precis" batch "$tmp/blank.jsonl" > /dev/null 2> "$tmp/err"
grep -q "blank.jsonl:2: empty line where a JSON object was expected" "$tmp/err"; check "blank JSONL line" $?
printf '{"id":"a","articles":[{"text":"a \\u0000 b"}]}\n' > "$tmp/nul.jsonl"
"$precis" batch "$tmp/nul.jsonl" > /dev/null 2> "$tmp/err"
grep -q "(a NUL character)" "$tmp/err" && ! grep -q JSON_ALLOW_NUL "$tmp/err"; check "NUL escape in words" $?
# a one-line count at the end; a progress line when standard error is a terminal
"$precis" batch "$mn" > /dev/null 2> "$tmp/err"
grep -q "^precis: [0-9]* records summarized$" "$tmp/err"; check "batch: count at the end" $?
if command -v script > /dev/null; then
  { for i in $(seq 1 2000); do cat "$mn"; done; } > "$tmp/many.src"
  script -qec "'$precis' batch --analyze -m lexrank '$tmp/many.src' > /dev/null" /dev/null > "$tmp/tty" 2>&1
  grep -aq "records/s, 0 errors" "$tmp/tty"; check "batch: progress on a terminal" $?
fi
# bounded reading: a 1 GB sparse file and an endless FIFO stop at the
# article limit; a line past memory is an error record, not the end
truncate -s 1G "$tmp/huge.txt"
"$precis" summarize "$tmp/huge.txt" > /dev/null 2> "$tmp/err"
rc=$?
check "1 GB file: exit 3 (got $rc)" $([ $rc -eq 3 ]; echo $?)
grep -q "huge.txt: larger than the limit of 64 MiB an article (not read further)" "$tmp/err"
check "1 GB file: named, not read further" $?
mkfifo "$tmp/fifo"
(yes 'The river rose.' > "$tmp/fifo" 2> /dev/null &)
timeout 60 "$precis" summarize "$tmp/fifo" > /dev/null 2> "$tmp/err"
rc=$?
check "endless FIFO: exit 3 (got $rc)" $([ $rc -eq 3 ]; echo $?)
if [ $asan -eq 0 ] && (ulimit -v 200000; "$precis" --version > /dev/null 2>&1); then
  # under ulimit -v 200 MB: the 1 GB file is still refused by name
  (ulimit -v 200000; "$precis" summarize "$tmp/huge.txt" > /dev/null 2> "$tmp/err")
  grep -q "larger than the limit" "$tmp/err"; check "1 GB file under ulimit -v 200 MB" $?
  # a 300 MB line between good lines: an error record in its place
  { sed -n 1p "$mn"; yes 'The cat sat on the mat.' | head -c 300000000 | tr '\n' ' '; echo
    sed -n 2p "$mn"; } > "$tmp/oom.src"
  (ulimit -v 200000; "$precis" batch -f json "$tmp/oom.src" > "$tmp/out" 2> "$tmp/err")
  rc=$?
  check "batch, a line past memory: exit 3 (got $rc)" $([ $rc -eq 3 ] || [ $rc -eq 1 ]; echo $?)
  [ "$(wc -l < "$tmp/out")" -eq 3 ]; check "batch, a line past memory: 3 output lines" $?
  sed -n 2p "$tmp/out" | grep -q '^{"record":2,"error":"\(out of memory\|record longer\)'
  check "batch, a line past memory: error record 2" $?
  sed -n 3p "$tmp/out" | grep -q '^{"record":3,"summary"'; check "batch goes on after it" $?
  rm -f "$tmp/oom.src"
  # sentence-dense input within the stated bound (100 x input + 64 MB)
  python3 -c "import sys; sys.stdout.write('Go. ' * 1000000)" > "$tmp/dense.txt"
  (ulimit -v $(( (100 * 4000000 + 64 * 1048576) / 1024 + 150000 ))
   "$precis" analyze "$tmp/dense.txt" > /dev/null 2> "$tmp/err")
  check "sentence-dense analyze within 100 x input + 64 MB (+150 MB address space)" $?
fi

echo "test_batch_hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
