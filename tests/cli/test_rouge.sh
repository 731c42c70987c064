#!/usr/bin/env bash
# test_rouge.sh -- 'precis rouge' end to end on two small summaries: the
# three output forms (text, TSV, JSON), --per-summary, --bootstrap, several
# references, and the messages and exit status of bad files and bad
# options.  (The figures themselves are checked against the official
# script's by test_rouge and test_rouge_conformance.)
# Usage: test_rouge.sh PRECIS_BINARY TESTS_DIR [SHARED_DATA]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
cd "$tmp" || exit 1

check() { # name expected actual
    if [ "$2" != "$3" ]; then
        printf 'FAIL %s\n--- expected:\n%s\n--- got:\n%s\n' "$1" "$2" "$3" >&2
        fail=1
    else
        printf 'ok   %s\n' "$1" >&2
    fi
}

printf 'the cat sat on the mat\npolice said the levee broke before dawn\n' > sum.txt
printf 'a cat was sitting on the mat\nthe levee broke near the mill before dawn, police said\n' > ref1.txt
printf 'the cat lay on a mat\nofficials said the levee failed at dawn\n' > ref2.txt

check "text: macro averages, the default measures" "2 summaries, 1 reference each; macro averages

measure             R        P        F
ROUGE-1       0.63572  0.83333  0.71946
ROUGE-2       0.38889  0.53334  0.44848
ROUGE-3       0.16250  0.22500  0.18804
ROUGE-4       0.00000  0.00000  0.00000
ROUGE-L       0.53571  0.69048  0.60181
ROUGE-W-1.2   0.31802  0.62407  0.41958
ROUGE-SU4     0.34353  0.51346  0.40993" "$("$bin" rouge sum.txt ref1.txt)"

check "tsv, two references" "$(printf 'measure\tR\tP\tF
ROUGE-1\t0.63122\t0.72619\t0.67484
ROUGE-2\t0.33637\t0.40000\t0.36508
ROUGE-3\t0.13248\t0.16250\t0.14578
ROUGE-4\t0.00000\t0.00000\t0.00000
ROUGE-L\t0.57239\t0.65477\t0.61033
ROUGE-W-1.2\t0.34028\t0.58336\t0.42907
ROUGE-SU4\t0.36708\t0.45577\t0.40603')" "$("$bin" rouge --format tsv sum.txt ref1.txt ref2.txt)"

check "json, -n 2 --no-skip -x" \
    '{"n":2,"references":1,"measures":{"ROUGE-1":{"r":0.63572,"p":0.83333,"f":0.71946},"ROUGE-2":{"r":0.38889,"p":0.53334,"f":0.44848}}}' \
    "$("$bin" rouge --format json -n 2 --no-skip -x sum.txt ref1.txt)"

check "per summary, options after the files" "$(printf 'index\tR1_R\tR1_P\tR1_F
0\t0.61538\t0.66667\t0.64000
1\t0.64706\t0.78571\t0.70968')" "$("$bin" rouge sum.txt ref1.txt ref2.txt --per-summary -n 1 --no-skip -x)"

check "bootstrap lines as ROUGE-1.5.5 prints them" "2 summaries, 1 reference each; macro averages

measure             R        P        F
ROUGE-1       0.63572  0.83333  0.71946

bootstrap, 100 resamples (as ROUGE-1.5.5 -r 100 -c 95 prints them):
ROUGE-1 Average_R: 0.63636 (95%-conf.int. 0.57143 - 0.70000)
ROUGE-1 Average_P: 0.83500 (95%-conf.int. 0.66667 - 1.00000)
ROUGE-1 Average_F: 0.72050 (95%-conf.int. 0.61539 - 0.82353)" \
    "$("$bin" rouge --bootstrap 100 -n 1 --no-skip -x sum.txt ref1.txt)"

printf 'ok\nbad \xff byte\n' > bad.txt
out=$("$bin" rouge sum.txt bad.txt 2>&1)
check "invalid UTF-8: FILE:LINE and the byte, exit 3" "precis: bad.txt:2: invalid UTF-8 at byte 5 of the line
rc=3" "$out
rc=$?"
printf 'ok\nNUL \0 byte\n' > nul.txt
check "a NUL byte named as such" "precis: nul.txt:2: NUL byte at byte 5 of the line" \
    "$("$bin" rouge sum.txt nul.txt 2>&1)"
printf 'one line\n' > one.txt
check "line counts differ" "precis: one.txt has 1 lines but sum.txt has 2: line i of each REFS file must be a reference for line i of the summaries" \
    "$("$bin" rouge sum.txt one.txt 2>&1)"
out=$("$bin" rouge -n 7 sum.txt ref1.txt 2>&1)
check "a value out of range, exit 2" "precis: invalid value '7' for -n
rc=2" "$out
rc=$?"
check "a long option's bad value names it" "precis: invalid value 'C' for --format" \
    "$("$bin" rouge --format=C sum.txt ref1.txt 2>&1)"
out=$("$bin" rouge -l 5 -b 5 sum.txt ref1.txt 2>&1)
check "-l and -b exclude each other" "precis: -l and -b exclude each other
rc=2" "$out
rc=$?"
"$bin" rouge sum.txt >/dev/null 2>&1
check "no REFS file: usage error" 2 $?
"$bin" rouge --help | grep -q "usage: precis rouge"
check "help" 0 $?

exit $fail
