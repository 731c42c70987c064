#!/usr/bin/env bash
# The HTML report ('precis analyze --format html') opened in real headless
# Chromium: each section renders with the content of the JSON report of the
# same cluster, a citation reveals its source sentences, input text is
# escaped (no injected element or attribute reaches the DOM) and the page
# refers to nothing outside itself.
# Usage: test_html.sh PRECIS TESTS_DIR SHARED_DATA
# Needs Debian's 'chromium' (installed by 'make deps'); skipped (77) only
# when no chromium binary exists.
set -u
precis=$1
tests=$2
root=$(cd "$tests/.." && pwd)
ex=$root/examples
fail=0
pass=0

chrome=
for c in chromium chromium-browser; do
  if command -v "$c" > /dev/null; then chrome=$(command -v "$c"); break; fi
done
if [ -z "$chrome" ]; then
  echo "SKIP: neither chromium nor chromium-browser is installed ('make deps' installs it)"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # name, status (0 = ok)
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}

# Headless Chromium, one run per call.  --no-sandbox lets it run as root
# (CI containers); a throw-away profile; the bound catches a hang, not
# slowness (a cold start on a busy 2-core machine takes seconds).
CHROME_RUNS=0
CHROME_SECS=0
chrome() { # args... (stdout: what chromium writes)
  local t0=$SECONDS
  HOME=$tmp XDG_CONFIG_HOME=$tmp/xdg XDG_CACHE_HOME=$tmp/xdg \
    timeout 60 "$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
    --no-default-browser-check --disable-extensions --disable-dev-shm-usage \
    --disable-background-networking --user-data-dir="$tmp/profile" "$@" 2>> "$tmp/chrome.err"
  local rc=$?
  CHROME_RUNS=$((CHROME_RUNS + 1))
  CHROME_SECS=$((CHROME_SECS + SECONDS - t0))
  return $rc
}
dump() { # html-file dom-file
  chrome --dump-dom "file://$1" > "$2"
  local rc=$?
  [ "$rc" -eq 0 ] && grep -q '</html>' "$2"
  check "chromium renders $(basename "$1") (rc $rc)" $?
}
# The part of a DOM dump inside <section id="$2">.
section() { sed -n "/<section id=\"$2\">/,/<\/section>/p" "$1"; }
# Text as the DOM serialiser writes it (& < > escaped, quotes not).
domtext() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
count() { grep -o -- "$1" | wc -l; }

# ---- the example cluster ------------------------------------------------
page=$tmp/report.html
"$precis" analyze --format html "$ex/cluster.jsonl" > "$page"
check "analyze --format html exits 0" $?
"$precis" analyze --format json "$ex/cluster.jsonl" > "$tmp/report.json"
check "analyze --format json exits 0" $?
"$precis" summarize -f lines "$ex/cluster.jsonl" > "$tmp/lines"
check "summarize -f lines exits 0" $?
"$precis" analyze --format html "$ex/cluster.jsonl" | cmp -s - "$page"
check "the page is deterministic" $?
"$precis" summarize --format html "$ex/cluster.jsonl" | cmp -s - "$page"
check "summarize --format html writes the same report" $?

# Self-contained: a policy forbidding loads, nothing that loads.
grep -q "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'" "$page"
check "CSP meta forbids loads" $?
grep -q '<meta name="generator" content="precis [0-9]' "$page"
check "generator meta" $?
! grep -Eiq '(src|href|action|srcset|poster|data)[[:space:]]*=[[:space:]]*["'"'"']?[[:space:]]*[a-z][a-z0-9+.-]*:' "$page"
check "no attribute names a URL scheme" $?
! grep -Eiq 'https?://|url\(|@import|<(script|link|img|iframe|object|embed)[[:space:]>]' "$page"
check "no external URL, script, link, image or frame" $?
! grep -Eo 'href="[^"]*"' "$page" | grep -vEq '^href="#[a-z]+(-[0-9]+)*"$'
check "every link is a fragment within the page" $?

dom=$tmp/dom.html
dump "$page" "$dom"
for s in summary copies quotes facts timeline sources; do
  [ "$(count "<section id=\"$s\">" < "$dom")" -eq 1 ]
  check "section $s rendered once" $?
done
grep -q '<title>Report: ' "$dom"; check "title" $?

# Summary: every sentence of 'summarize -f lines', with its citations.
section "$dom" summary > "$tmp/summary"
nsent=$(wc -l < "$tmp/lines")
[ "$nsent" -ge 3 ] && [ "$(count 'class="sent"' < "$tmp/summary")" -eq "$nsent" ]
check "summary has the $nsent sentences" $?
while IFS= read -r line; do
  t=$(printf '%s' "$line" | domtext)
  grep -qF -- "$t" "$tmp/summary" || { echo "  missing: $line"; false; }
  check "summary sentence rendered: ${line:0:40}..." $?
done < "$tmp/lines"
ncite=$(count '<a href="#ev-[0-9]*-[0-9]*"' < "$tmp/summary")
nsupport=$(grep -o '"support":[0-9]*' "$tmp/report.json" | awk -F: '{s += $2} END {print s + 0}')
[ "$ncite" -eq "$nsupport" ] && [ "$ncite" -gt "$nsent" ]
check "one citation per supporting article ($ncite, JSON support $nsupport)" $?
# every citation has its revealable source block, with a sentence
bad=0
for id in $(grep -o '<a href="#ev-[0-9]*-[0-9]*"' "$tmp/summary" | sed 's/.*#//; s/"//'); do
  sed -n "/<div class=\"ev-art\" id=\"$id\">/,/<\/div>/p" "$tmp/summary" | grep -q '<blockquote>' ||
    { echo "  no source sentence for $id"; bad=1; }
done
check "each citation's source sentence is there" $bad
[ "$(count '· selected sentence' < "$tmp/summary")" -eq "$nsent" ]
check "each sentence shows its selected source" $?
grep -q '· closest sentence' "$tmp/summary"
check "supporting articles' own sentences located" $?

# Clicking a citation: the page with the citation's fragment shows the
# source block (hidden otherwise).  The window is taller than the page, so
# nothing scrolls: a difference in pixels is the block appearing.
first=$(grep -o '<a href="#ev-[0-9]*-[0-9]*"' "$tmp/summary" | sed -n '2{s/.*#//;s/"//;p}')
for f in none nothing "$first"; do
  frag=
  [ "$f" = none ] || frag="#$f"
  chrome --hide-scrollbars --window-size=1000,9000 --screenshot="$tmp/shot-$f.png" \
    "file://$page$frag" > /dev/null
  check "screenshot $f" $?
done
cmp -s "$tmp/shot-none.png" "$tmp/shot-nothing.png"
check "screenshots are stable (control)" $?
! cmp -s "$tmp/shot-none.png" "$tmp/shot-$first.png"
check "clicking citation $first reveals its source sentences" $?

# Copies: a row per pair of the JSON report; the wire copy is named.
section "$dom" copies > "$tmp/copies"
ncopies=$(count '"verdict":' < "$tmp/report.json")
[ "$ncopies" -ge 1 ] && [ "$(count '<tr class="\(related\|independent\)"' < "$tmp/copies")" -eq "$ncopies" ]
check "copies table has the $ncopies pairs" $?
[ "$(count '<tr class="independent"' < "$tmp/copies")" -eq "$(count '"verdict":"independent"' < "$tmp/report.json")" ]
check "independent pairs dimmed" $?
grep '<tr class="related">' "$tmp/copies" | grep 'Northern Wire' | grep 'Valley Courier' |
  grep -Eq 'republishes|contains|same text'
check "copies: Valley Courier republishes Northern Wire" $?
grep '<tr class="related">' "$tmp/copies" | grep -q 'href="#art-4"[^>]*>\[4\]</a> updates <a class="ref" href="#art-3"'
check "copies: the later Harbour Times version updates the early one" $?

# Quotes: every quote once, translations grouped under one statement.
section "$dom" quotes > "$tmp/quotes"
nq=$(count '"variant":' < "$tmp/report.json")
[ "$nq" -ge 3 ]
check "the analysis found quotes ($nq)" $?
[ "$(($(count '<div class="quote"' < "$tmp/quotes") + $(count '<p class="variant"' < "$tmp/quotes")))" -eq "$nq" ]
check "every quote shown once ($nq)" $?
grep -q '<span class="speaker">[^<]*Okafor-Hale</span>' "$tmp/quotes"
check "quotes: Okafor-Hale as speaker" $?
grep -qF 'We are moving people out street by street' "$tmp/quotes"
check "quotes: her words" $?
grep -q '<p class="variant" id="q-[0-9]*">also worded as “The river falls only when' "$tmp/quotes"
check "quotes: Petrosyan's two translations grouped" $?

# Facts: conflicts first and highlighted; every fact in a table by kind.
section "$dom" facts > "$tmp/facts"
nf=$(count '{"kind":' < "$tmp/report.json")
[ "$nf" -ge 10 ] && [ "$(count '<tr id="fact-' < "$tmp/facts")" -eq "$nf" ]
check "facts: all $nf facts listed" $?
grep '<li class="conflict"' "$tmp/facts" | grep '>41 [^<]*residents<' | grep -q '>44 [^<]*residents<'
check "facts: the 41 vs 44 residents conflict highlighted" $?
nk=$(grep -o '"conflicts":\[[^]]*\]' "$tmp/report.json" | count '"a":')
[ "$nk" -ge 1 ] && [ "$(count '<li class="conflict"' < "$tmp/facts")" -eq "$nk" ]
check "facts: every conflict listed ($nk)" $?
[ "$(count '<tr id="fact-[0-9]*" class="conflict">' < "$tmp/facts")" -ge 2 ]
check "facts: conflicting rows highlighted" $?
for h in Figures Dates People; do
  grep -q "<h3>$h</h3>" "$tmp/facts"
  check "facts: group $h" $?
done
grep -q '<p class="new-facts">New facts: <a href="#fact-' "$dom"
check "timeline: new facts linked" $?

# Timeline: the JSON's story order, its added sentences, dates.
section "$dom" timeline > "$tmp/timeline"
ids=$(grep -o '"articles":\[{"id":"[^]]*\]' "$tmp/report.json" | tail -1 | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
want=
for a in $(grep -o '"timeline":.*' "$tmp/report.json" | grep -o '{"article":"[^"]*"' | cut -d'"' -f4); do
  want="$want $(printf '%s\n' $ids | grep -nx -- "$a" | cut -d: -f1)"
done
got=$(grep -o '<div class="who">[^[]*<a class="ref" href="#art-[0-9]*"' "$tmp/timeline" | sed 's/.*#art-//; s/"//' | tr '\n' ' ')
[ -n "$want" ] && [ "$(echo $want)" = "$(echo $got)" ]
check "timeline in story order ($(echo $want))" $?
nadd=$(grep -o '"timeline":.*' "$tmp/report.json" | count '"start":')
[ "$nadd" -ge 1 ] && [ "$(sed -n '/<ul class="added">/,/<\/ul>/p' "$tmp/timeline" | count '<li>')" -eq "$nadd" ]
check "timeline: the $nadd added sentences" $?
grep -q '<div class="when">2026-03-14T09:10:00Z</div>' "$tmp/timeline"
check "timeline: dates shown" $?

section "$dom" sources > "$tmp/sources"
[ "$(count '<li id="art-[0-9]*">' < "$tmp/sources")" -eq 5 ] &&
  grep -q '<li id="art-1">.*Northern Wire.*01-northern-wire' "$tmp/sources"
check "articles listed" $?

# ---- hostile input: markup in every field is text, not markup ------------
cat > "$tmp/evil.jsonl" << 'EOF'
{"id": "x\" onmouseover=\"alert(2)", "source": "\"&'<b>Bold</b>", "title": "<script>alert(1)</script>", "date": "2026-01-02", "text": "The mayor said <script>alert(1)</script> was found in the river on Monday. Officials said \"&' and <img src=x onerror=alert(3)> were both logged by the city. The river rose by 41 centimeters, the mayor said. \"We are ready,\" said Mayor Ann <i>Lee</i>."}
{"id": "y'><svg onload=alert(4)>", "source": "Second </title><script>alert(5)</script>", "title": "</section><section id=\"summary\">", "text": "The mayor said <script>alert(1)</script> was found in the river on Monday. The river rose by 44 centimeters, the mayor said. Officials said \"&' and <img src=x onerror=alert(3)> were both logged by the city."}
EOF
"$precis" analyze --format html "$tmp/evil.jsonl" > "$tmp/evil.html"
check "hostile input renders" $?
"$precis" summarize --format html "$tmp/evil.jsonl" > "$tmp/evil2.html"
check "hostile input renders (summarize)" $?
for p in evil evil2; do
  dump "$tmp/$p.html" "$tmp/$p.dom"
  for tag in script img svg b; do
    [ "$(count "<$tag[ >]" < "$tmp/$p.dom")" -eq 0 ]
    check "$p: no injected <$tag> element" $?
  done
  ! grep -q '<i>Lee</i>' "$tmp/$p.dom" && grep -qF '&lt;i&gt;Lee&lt;/i&gt;' "$tmp/$p.dom"
  check "$p: no injected <i> element" $?
  # the serialiser escapes < in text, so <...> are the real tags
  ! grep -o '<[a-z][^<>]*>' "$tmp/$p.dom" | grep -Eq '[[:space:]]on[a-z]+='
  check "$p: no injected event attribute" $?
  [ "$(count '<section id="summary">' < "$tmp/$p.dom")" -eq 1 ] &&
    [ "$(count '</section>' < "$tmp/$p.dom")" -eq "$(count '<section ' < "$tmp/$p.dom")" ]
  check "$p: no injected section" $?
  grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/$p.dom"
  check "$p: <script> shown as text" $?
  grep -qF '"&amp;'"'"' and &lt;img src=x onerror=alert(3)&gt;' "$tmp/$p.dom"
  check "$p: quotes, ampersand and apostrophe shown as text" $?
  grep -qF "&quot;&amp;'&lt;b&gt;Bold&lt;/b&gt;" "$tmp/$p.dom"
  check "$p: markup in a source name shown as text (attribute)" $?
done

echo "chromium: $CHROME_RUNS runs, ${CHROME_SECS} s in total"
echo "test_html: $pass passed, $fail failed"
if [ "$fail" -ne 0 ]; then
  echo "--- chromium stderr (tail) ---"
  tail -n 20 "$tmp/chrome.err"
fi
[ "$fail" -eq 0 ]
