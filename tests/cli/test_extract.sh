#!/usr/bin/env bash
# test_extract.sh -- web pages end to end: 'precis extract' on the golden
# pages of tests/golden/html (one per kind of boilerplate and per metadata
# source; NAME.json is the expected output), gzip input, auto-detection and
# --input html in summarize / analyze / batch, the error messages and exit
# status of bad pages.  (test_extract_story.sh: real pages, with the shared
# data.)
# Usage: test_extract.sh PRECIS_BINARY TESTS_DIR [SHARED_DATA]
set -u
bin=$1
dir=$2/golden/html
shared=${3:-}
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

# golden pages: every boilerplate kind out, every metadata source read
for page in "$dir"/*.html; do
    name=$(basename "$page" .html)
    check "golden $name" "$(cat "$dir/$name.json")" "$("$bin" extract "$page")"
done

# gzip input, read directly; several pages give one line each, in order
gzip -c "$dir/meta_og.html" > "$tmp/page.html.gz"
check "gzip page" "$(cat "$dir/meta_og.json")" "$("$bin" extract "$tmp/page.html.gz")"
check "two pages, two lines" "2" "$("$bin" extract "$dir/nav.html" "$tmp/page.html.gz" | wc -l)"
out=$("$bin" extract -f text - < "$dir/ads.html" | head -1)
check "text format from stdin" "Council votes to rebuild Mill Street bridge" "$out"

# summarize: .html auto-detected, content that is plainly HTML too, --input html
cp "$dir/meta_jsonld.html" "$tmp/noext"
out=$("$bin" summarize -f json --words 40 "$dir/meta_og.html" "$tmp/noext" 2>&1)
check "summarize auto-detects pages" "0" "$?"
case $out in
*'"title":"Council votes to rebuild Mill Street bridge"'*'"source":"Harwick Gazette"'*) check "summarize takes title and site" 1 1 ;;
*) check "summarize takes title and site" "title and source in $out" "missing" ;;
esac
case $out in
*'<p>'* | *'application/ld+json'*) check "no markup in the summary" "none" "$out" ;;
*) check "no markup in the summary" 1 1 ;;
esac
"$bin" summarize --input html --words 30 "$dir/comments.html" > "$tmp/s.txt" 2>&1
check "summarize --input html" "0" "$?"
if grep -qi 'about time\|four million' "$tmp/s.txt"; then check "comments stay out of the summary" "no comment" "$(cat "$tmp/s.txt")"; fi
"$bin" analyze "$tmp/page.html.gz" "$dir/share.html" > "$tmp/a.json" 2>&1
check "analyze reads pages" "0" "$?"

# batch --input html: one cluster per line, paths separated by spaces
printf '%s %s\n%s\n' "$dir/nav.html" "$dir/related.html" "$tmp/missing.html" > "$tmp/batch.txt"
out=$("$bin" batch --input html -f json --words 20 "$tmp/batch.txt" 2>"$tmp/err")
check "batch exit status with one bad record" "1" "$?"
check "batch lines" "2" "$(printf '%s\n' "$out" | wc -l)"
case $(sed -n 2p <<<"$out") in
*'"error":"'*'missing.html: No such file'*) check "batch error record" 1 1 ;;
*) check "batch error record" "error record" "$(sed -n 2p <<<"$out")" ;;
esac

# bad pages: clear message naming the file, exit status 1, the rest still read
printf '\037\213\010\000garbage-not-deflate' > "$tmp/bad.html.gz"
printf '<html><body><nav><a href="/">Home</a></nav></body></html>' > "$tmp/empty.html"
"$bin" extract "$tmp/bad.html.gz" "$tmp/empty.html" "$dir/nav.html" > "$tmp/out" 2> "$tmp/err"
check "bad pages exit status" "1" "$?"
case $(sed -n 1p "$tmp/err") in
"precis: $tmp/bad.html.gz: corrupt gzip data at byte "*" of 23") check "corrupt gzip message" 1 1 ;;
*) check "corrupt gzip message" "precis: FILE: corrupt gzip data at byte N of 23" "$(cat "$tmp/err")" ;;
esac
check "empty page message" "precis: $tmp/empty.html: no article text found in the page" \
    "$(sed -n 2p "$tmp/err")"
check "bad pages keep their line" "3" "$(wc -l < "$tmp/out")"
check "error record" '{"error":"no article text found in the page"}' "$(sed -n 2p "$tmp/out")"
"$bin" extract --format xml "$dir/nav.html" 2>/dev/null
check "bad format is a usage error" "2" "$?"
"$bin" extract 2>/dev/null
check "no input is a usage error" "2" "$?"

exit $fail
