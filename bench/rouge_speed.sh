#!/bin/sh
# rouge_speed.sh -- times "precis rouge" on the 5,622 Multi-News validation
# summaries (issue 3: under 2 s without bootstrap).  The summary of
# cluster i is the first 300 words of val.src line i; the reference is
# val.tgt line i; the default protocol (ROUGE-1..4, L, W-1.2, SU4, -m).
# Not a test: it prints the time.
#   usage: bench/rouge_speed.sh [PRECIS_BINARY] [SHARED_DATA_DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/precis}
data=${2:-$here/../shared/data}
src=$data/multinews-val/val.src
tgt=$data/multinews-val/val.tgt
if [ ! -f "$src" ] || [ ! -f "$tgt" ]; then
    echo "rouge_speed: no evaluation data at $data; nothing to time" >&2
    exit 77
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
awk '{ n = split($0, w, " "); s = ""; for (i = 1; i <= n && i <= 300; i++) s = s (i > 1 ? " " : "") w[i]; print s }' "$src" > "$tmp"
start=$(date +%s.%N)
"$bin" rouge "$tmp" "$tgt" > /dev/null
end=$(date +%s.%N)
echo "precis rouge: $(wc -l < "$tgt") summaries scored in $(echo "$end - $start" | bc) s"
