#!/usr/bin/env bash
# test_split.sh -- 'precis split' end to end: output, --offsets, stdin,
# and the exit status on unreadable, invalid and bad-usage input.
# Usage: test_split.sh PRECIS_BINARY TESTS_DIR [SHARED_DATA]
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

printf 'WASHINGTON (AP) \xe2\x80\x94 The U.S. Senate met on Friday.The vote\nwas close. "Why?" he asked.\n\nNext paragraph\n' >"$tmp/in.txt"

out=$("$bin" split "$tmp/in.txt")
check "sentences" 'The U.S. Senate met on Friday.
The vote was close.
"Why?" he asked.
Next paragraph' "$out"

out=$("$bin" split --offsets - <"$tmp/in.txt")
check "offsets from stdin" "$(printf '20\t50\tThe U.S. Senate met on Friday.\n50\t69\tThe vote was close.\n70\t86\t"Why?" he asked.\n88\t102\tNext paragraph')" "$out"

# the offsets point into the input
first=$("$bin" split --offsets "$tmp/in.txt" | head -n 1 | cut -f 1,2)
s=${first%%$'\t'*}
e=${first##*$'\t'}
check "offsets are byte offsets" "The U.S. Senate met on Friday." "$(tail -c +$((s + 1)) "$tmp/in.txt" | head -c $((e - s)))"

out=$(printf '' | "$bin" split)
check "empty input" "" "$out"

"$bin" split "$tmp/missing.txt" >/dev/null 2>"$tmp/err"
check "missing file exits 3" 3 $?
grep -q "missing.txt" "$tmp/err"
check "message names the file" 0 $?

printf 'One.\xff Two.' >"$tmp/bad.txt"
"$bin" split "$tmp/bad.txt" >"$tmp/out" 2>"$tmp/err"
check "invalid UTF-8 exits 3" 3 $?
grep -q "bad.txt: invalid UTF-8 at byte 4" "$tmp/err"
check "invalid UTF-8 message" 0 $?
check "no output on invalid input" "" "$(cat "$tmp/out")"

"$bin" split --no-such-option >/dev/null 2>&1
check "unknown option exits 2" 2 $?

"$bin" split --help | grep -q "usage: precis split"
check "help" 0 $?

exit $fail
