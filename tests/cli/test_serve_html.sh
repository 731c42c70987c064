#!/usr/bin/env bash
# The pages of 'precis serve' in real headless Chromium, loaded over HTTP
# from a running server (so the Content-Security-Policy header applies):
# the front page lists the stories (headline, summary, sources, article
# count, last update), the story page is the report plus the version
# history, hostile input in every field stays text, nothing refers outside
# the page, and both pages fit a phone-width (390 px) screen without
# sideways scrolling.
# Usage: test_serve_html.sh PRECIS TESTS_DIR SHARED_DATA
# Needs curl and chromium (make test-deps); skipped (77) without them.
set -u
precis=$1
tests=$2
root=$(cd "$tests/.." && pwd)
ex=$root/examples
fail=0
pass=0
command -v curl > /dev/null || { echo "SKIP: curl is not installed (make test-deps)"; exit 77; }
chrome=
for x in chromium chromium-browser; do
  if command -v "$x" > /dev/null; then chrome=$(command -v "$x"); break; fi
done
[ -n "$chrome" ] || { echo "SKIP: chromium is not installed (make test-deps)"; exit 77; }

tmp=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill -9 "$PID" 2> /dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
check() {
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}
c() { curl -s --noproxy '*' --max-time 60 "$@"; }
chrome() {
  HOME=$tmp XDG_CONFIG_HOME=$tmp/xdg XDG_CACHE_HOME=$tmp/xdg \
    timeout 60 "$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
    --no-default-browser-check --disable-extensions --disable-dev-shm-usage \
    --disable-background-networking --no-proxy-server --user-data-dir="$tmp/profile" "$@" \
    2>> "$tmp/chrome.err"
}
count() { grep -o -- "$1" | wc -l; }

"$precis" serve --port 0 --db "$tmp/news.db" --debounce 50 > "$tmp/s.out" 2> "$tmp/s.err" &
PID=$!
URL=
for _ in $(seq 1 200); do
  URL=$(sed -n 's/^precis: serving \(http:[^ ]*\)\/ .*/\1/p' "$tmp/s.out")
  [ -n "$URL" ] && break
  sleep 0.05
done
[ -n "$URL" ]
check "server starts" $?

cat > "$tmp/evil.jsonl" << 'EOF'
{"id": "x\" onmouseover=\"alert(2)", "source": "\"&'<b>Bold</b>", "title": "<script>alert(1)</script> Mayor <i>Lee</i> on the river", "date": "2026-01-02", "text": "The mayor said <script>alert(1)</script> was found in the river on Monday. Officials said \"&' and <img src=x onerror=alert(3)> were both logged by the city. The river rose by 41 centimeters, the mayor said. \"We are ready,\" said Mayor Ann <i>Lee</i>."}
{"id": "y'><svg onload=alert(4)>", "source": "Second </title><script>alert(5)</script>", "title": "</section><section id=\"summary\">", "text": "The mayor said <script>alert(1)</script> was found in the river on Monday. The river rose by 44 centimeters, the mayor said. Officials said \"&' and <img src=x onerror=alert(3)> were both logged by the city."}
EOF
c --data-binary @"$ex/cluster.jsonl" "$URL/articles" > "$tmp/a.json"
c --data-binary @"$tmp/evil.jsonl" "$URL/articles" > "$tmp/b.json"
grep -q '"accepted":2' "$tmp/b.json"
check "hostile articles accepted" $?
for _ in $(seq 1 400); do
  c "$URL/health" | grep -q '"pending":0,' && break
  sleep 0.05
done
story=$(grep -o '"id":"01-northern-wire","story":[0-9]*' "$tmp/a.json" | grep -o '[0-9]*$')
evil=$(grep -o '"story":[0-9]*' "$tmp/b.json" | head -1 | cut -d: -f2)

# ---- the front page ---------------------------------------------------------
c -D "$tmp/front.h" -o "$tmp/front.html" "$URL/"
grep -qi "^content-security-policy: default-src 'none'; style-src 'unsafe-inline'" "$tmp/front.h"
check "front page: CSP header" $?
chrome --dump-dom "$URL/" > "$tmp/front.dom"
grep -q '</html>' "$tmp/front.dom"
check "front page renders in chromium" $?
nstories=$(c "$URL/stories?limit=100" | grep -o '"id":[0-9]*,"headline"' | wc -l)
[ "$nstories" -ge 2 ] && [ "$(count '<article class="story"' < "$tmp/front.dom")" -eq "$nstories" ]
check "front page: one card per story ($nstories)" $?
sed -n "/<article class=\"story\" id=\"s-$story\">/,/<\/article>/p" "$tmp/front.dom" > "$tmp/card"
grep -q "<h2><a href=\"/story/$story\">" "$tmp/card" && grep -q '<p class="summary">[A-Z]' "$tmp/card" &&
  grep -q '<span class="badge">[0-9]* articles\?</span>' "$tmp/card" &&
  grep -q 'Northern Wire' "$tmp/card" && grep -q 'updated <time>20[0-9-]* [0-9:]*Z</time>' "$tmp/card"
check "front page card: headline link, summary, article count, sources, last update" $?
headline=$(c "$URL/stories/$story" | grep -o '"headline":"[^"]*"' | head -1 | cut -d'"' -f4)
grep -qF "$headline" "$tmp/card"
check "front page card shows the story's headline ($headline)" $?

# ---- the story page ---------------------------------------------------------
c -D "$tmp/story.h" -o "$tmp/story.html" "$URL/story/$story"
grep -qi "^content-security-policy: default-src 'none'" "$tmp/story.h" &&
  grep -qi '^content-type: text/html; charset=utf-8' "$tmp/story.h"
check "story page: CSP header, HTML" $?
chrome --dump-dom "$URL/story/$story" > "$tmp/story.dom"
for s in summary copies quotes facts timeline sources versions; do
  [ "$(count "<section id=\"$s\">" < "$tmp/story.dom")" -eq 1 ]
  check "story page: section $s rendered once" $?
done
grep -q '<nav><a href="/">All stories</a>' "$tmp/story.dom"
check "story page links back to the front page" $?
grep -q '<li id="v-1"><div class="vhead">Version 1 · ' "$tmp/story.dom" &&
  sed -n '/<section id="versions">/,/<\/section>/p' "$tmp/story.dom" | grep -q 'New in the summary'
check "story page: version history with what it added" $?
grep -qF "<title>$headline · precis</title>" "$tmp/story.dom"
check "story page title is the headline" $?

# ---- escaping: the hostile story -----------------------------------------------
chrome --dump-dom "$URL/story/$evil" > "$tmp/evil.dom"
for d in front evil; do
  f=$tmp/$d.dom
  grep -q '</html>' "$f"
  check "$d: renders" $?
  for tag in script img svg b; do
    [ "$(count "<$tag[ >]" < "$f")" -eq 0 ]
    check "$d: no injected <$tag> element" $?
  done
  ! grep -o '<[a-z][^<>]*>' "$f" | grep -Eq '[[:space:]]on[a-z]+='
  check "$d: no injected event attribute" $?
  grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$f"
  check "$d: <script> shown as text" $?
done
[ "$(count '<section id="summary">' < "$tmp/evil.dom")" -eq 1 ]
check "evil: no injected section" $?
grep -qF '&lt;i&gt;Lee&lt;/i&gt;' "$tmp/evil.dom" && ! grep -q '<i>Lee</i>' "$tmp/evil.dom"
check "evil: markup in a title stays text" $?

# ---- self-contained ------------------------------------------------------------
for p in front story; do
  ! grep -Eiq 'https?://|url\(|@import|<(script|link|img|iframe|object|embed)[[:space:]>]' "$tmp/$p.html"
  check "$p: no external URL, script, link, image or frame" $?
  ! grep -Eo 'href="[^"]*"' "$tmp/$p.html" | grep -vEq '^href="(#[a-z]+(-[0-9]+)*|/|/story/[0-9]+|/\?page=[0-9]+)"$'
  check "$p: every link is a fragment or a page of the desk" $?
done

# ---- phone width: no sideways scrolling at 390 px -------------------------------
# Headless Chromium keeps windows at least 500 px wide, so each page is
# shown in a 390 px frame.  A copy of the page with a probe script (the
# policy is lifted for it) posts its scroll width and viewport width to the
# harness, which writes them into its title.
for p in front story; do
  sed -e '/Content-Security-Policy/d' \
    -e 's#</body>#<script>parent.postMessage("W" + document.documentElement.scrollWidth + "-" + innerWidth, "*");</script></body>#' \
    "$tmp/$p.html" > "$tmp/$p.probe.html"
  printf '<!DOCTYPE html><html><head><title>none</title></head><body><iframe src="%s" style="width:390px;height:800px;border:0"></iframe><script>addEventListener("message", function (e) { document.title = e.data; });</script></body></html>\n' \
    "$p.probe.html" > "$tmp/$p.frame.html"
  chrome --virtual-time-budget=5000 --dump-dom "file://$tmp/$p.frame.html" > "$tmp/$p.probe.dom"
  w=$(grep -o '<title>W[0-9]*-390</title>' "$tmp/$p.probe.dom" | sed 's/<title>W\([0-9]*\)-.*/\1/')
  [ -n "$w" ] && [ "$w" -le 390 ]
  check "$p page fits a 390 px screen (scroll width ${w:-?})" $?
done

kill -TERM "$PID"
wait "$PID"
check "server stops" $?
PID=
echo "test_serve_html: $pass passed, $fail failed"
if [ "$fail" -ne 0 ]; then tail -n 20 "$tmp/chrome.err"; fi
[ "$fail" -eq 0 ]
