#!/usr/bin/env bash
# Rebuilds docs/serve-front.png and docs/serve-story.png: a desk loaded
# with the example articles (examples/cluster.jsonl, examples/desk.jsonl),
# shot by headless Chromium.  Usage: docs/screenshots.sh [PRECIS]
set -eu
precis=${1:-build/precis}
tmp=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2> /dev/null; rm -rf "$tmp"' EXIT
"$precis" ingest -q --db "$tmp/news.db" examples/cluster.jsonl
"$precis" ingest -q --db "$tmp/news.db" examples/desk.jsonl
"$precis" serve -q --port 0 --db "$tmp/news.db" > "$tmp/out" &
PID=$!
URL=
while [ -z "$URL" ]; do sleep 0.1; URL=$(sed -n 's/^precis: serving \(http:[^ ]*\)\/ .*/\1/p' "$tmp/out"); done
id=$(curl -s --noproxy '*' "$URL/articles/01-northern-wire" | grep -o '"story":[0-9]*' | cut -d: -f2)
shot() { # url file
  HOME=$tmp timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --no-proxy-server --user-data-dir="$tmp/profile" --window-size=1000,1300 --screenshot="$2" "$1" 2> /dev/null
}
shot "$URL/" docs/serve-front.png
shot "$URL/story/$id" docs/serve-story.png
