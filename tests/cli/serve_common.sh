# Shared by the tests and the benchmark of 'precis serve' (sourced, not a
# test itself): talk to a server on a free loopback port.  Needs $precis.

# curl straight to the loopback server, never through a proxy
c() { curl -s --noproxy '*' --max-time 60 "$@"; }

# start_server LOG ARGS...: runs 'precis serve --port 0 ARGS', sets PID and
# URL (http://127.0.0.1:PORT) once it listens; 1 if it does not start.
start_server() {
  local log=$1
  shift
  "$precis" serve --port 0 "$@" > "$log.out" 2> "$log.err" &
  PID=$!
  URL=
  for _ in $(seq 1 200); do
    URL=$(sed -n 's/^precis: serving \(http:[^ ]*\)\/ .*/\1/p' "$log.out")
    [ -n "$URL" ] && return 0
    kill -0 "$PID" 2> /dev/null || break
    sleep 0.05
  done
  echo "server did not start:"
  cat "$log.err"
  return 1
}

# stop_server: SIGTERM, then its exit status
stop_server() {
  kill -TERM "$PID" 2> /dev/null
  wait "$PID"
  local rc=$?
  PID=
  return $rc
}

# idle: waits until no story waits for a summary (30 s at most)
idle() {
  for _ in $(seq 1 600); do
    c "$URL/health" | grep -q '"pending":0,' && return 0
    sleep 0.05
  done
  return 1
}
