#!/usr/bin/env bash
# test_extract_story.sh -- 'precis summarize' end to end on real web pages:
# four outlets' pages on one story (South Dakota's anti-meth campaign) from
# the article-extraction benchmark in the shared data; skipped (77) when the
# data is absent.
# Usage: test_extract_story.sh PRECIS_BINARY TESTS_DIR [SHARED_DATA]
set -u
bin=$1
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

# end to end on real pages: four outlets on South Dakota's anti-meth campaign
bench=$shared/extraction/scrapinghub/html
pages="156770d676ce 3f65af7b6b98 776a1c046798 c13b9c0e04fb"
if [ -n "$shared" ] && [ -d "$bench" ]; then
    files=()
    for p in $pages; do files+=("$(ls "$bench/$p"*.html.gz)"); done
    out=$("$bin" summarize -f json --words 80 "${files[@]}" 2>"$tmp/err")
    check "benchmark story: exit status" "0" "$?"
    check "benchmark story: no warnings" "" "$(cat "$tmp/err")"
    case $out in
    *[Mm]eth*) check "benchmark story: summary is about the campaign" 1 1 ;;
    *) check "benchmark story: summary is about the campaign" "meth" "$out" ;;
    esac
    n=$(printf '%s' "$out" | grep -o '"title":"[^"]' | wc -l)
    check "benchmark story: every article has a title" "4" "$n"
    case $out in
    *'"title":"'*'| TheHill"'*) check "benchmark story: site name cut from the headline" "no | TheHill" "$out" ;;
    *) check "benchmark story: site name cut from the headline" 1 1 ;;
    esac
else
    echo "skip: no $bench" >&2
    exit 77
fi
exit $fail
