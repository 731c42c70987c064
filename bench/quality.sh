#!/usr/bin/env bash
# Quality benchmark (not a test): every summarizer method, the Lead-3 and
# Lead-RR baselines and a greedy oracle that sees the reference, each
# capped at 300 words, scored by 'precis rouge' with the Multi-News
# protocol (F1 of ROUGE-1.5.5 -n 2 -2 4 -U -m, plus ROUGE-L; no stopword
# removal), on the first N validation clusters (default 500; N=5622 for
# all).  Prints one Markdown table; the time column is the summarizing
# time of each method.
#
#   bench/quality.sh [BUILD_DIR]        N=5622 bench/quality.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
N=${N:-500}
WORDS=${WORDS:-300}
data=${DATA:-$here/../shared/data}/multinews-val
if [ ! -f "$data/val.src" ]; then
  echo "quality: $data not found; skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -n "$N" "$data/val.src" > "$tmp/src"
head -n "$N" "$data/val.tgt" > "$tmp/tgt"

score() { # file -> "R1 R2 SU4 L" (F1 x 100)
  "$build/precis" rouge -n 2 -w 0 "$1" "$tmp/tgt" |
    awk '$1=="ROUGE-1"{a=$4} $1=="ROUGE-2"{b=$4} $1=="ROUGE-SU4"{c=$4} $1=="ROUGE-L"{d=$4}
         END{printf "%.2f %.2f %.2f %.2f\n", 100*a, 100*b, 100*c, 100*d}'
}
timed() { # out cmd... -> seconds
  local out=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > "$out"
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}'
}

echo "Multi-News validation, first $N clusters, summaries capped at $WORDS words"
echo
printf "| %-34s | %6s | %6s | %6s | %6s | %8s |\n" method R-1 R-2 R-SU4 R-L "time (s)"
printf "|%s|%s|%s|%s|%s|%s|\n" "------------------------------------" "-------:" "-------:" "-------:" "-------:" "---------:"
row() {
  read -r r1 r2 su rl < <(score "$2")
  printf "| %-34s | %6s | %6s | %6s | %6s | %8s |\n" "$1" "$r1" "$r2" "$su" "$rl" "$3"
  echo "$1|$r1|$r2" >> "$tmp/rows"
}
t=$(timed "$tmp/lead3" "$build/precis-baselines" lead3 "$WORDS" < "$tmp/src")
row "Lead-3 (baseline)" "$tmp/lead3" "$t"
t=$(timed "$tmp/leadrr" "$build/precis" batch -q -m lead-rr --words "$WORDS" "$tmp/src")
row "Lead-RR, whole sentences (baseline)" "$tmp/leadrr" "$t"
t=$(timed "$tmp/leadrrt" "$build/precis" batch -q -m lead-rr --truncate --words "$WORDS" "$tmp/src")
row "Lead-RR, cut at 300 words (baseline)" "$tmp/leadrrt" "$t"
for m in lead centroid lexrank mmr default; do
  t=$(timed "$tmp/$m" "$build/precis" batch -q -m "$m" --words "$WORDS" "$tmp/src")
  row "precis -m $m" "$tmp/$m" "$t"
done
t=$(timed "$tmp/oracle" "$build/precis-baselines" oracle "$WORDS" "$tmp/src" "$tmp/tgt")
row "greedy oracle (sees the reference)" "$tmp/oracle" "$t"

# The target of the quality issue, read off this run: the default method
# against the best baseline (Lead-3, Lead-RR either way) and against the
# best other method, and the share of the distance to the oracle it closes.
awk -F'|' '
  /\(baseline\)/ { if ($2 > b1) b1 = $2; if ($3 > b2) b2 = $3 }
  /^precis -m / && !/default/ { if ($2 > m1) m1 = $2; if ($3 > m2) m2 = $3 }
  /^precis -m default/ { d1 = $2; d2 = $3 }
  /oracle/ { o1 = $2; o2 = $3 }
  END {
    printf "\ndefault vs best baseline: %+.2f R-1, %+.2f R-2 (target +1.00, +0.70)\n", d1 - b1, d2 - b2
    printf "default vs best other method: %+.2f R-1, %+.2f R-2\n", d1 - m1, d2 - m2
    printf "distance from the best baseline to the oracle closed: %.0f%% (R-1), %.0f%% (R-2)\n",
           100 * (d1 - b1) / (o1 - b1), 100 * (d2 - b2) / (o2 - b2)
  }' "$tmp/rows"
