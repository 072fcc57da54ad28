#!/usr/bin/env bash
# The gateway benchmark procedure of benchmarks/README.md, against one fresh server:
# 60 s at 10k/s (the server's JIT compiles for 30-40 s), then 20k/s, 50k/s and 1,000 subscribers in
# the fills mix; then, on a second fresh server, 60 s at 10k/s and 20k/s in the exchange mix, and 20k/s
# of pings (the round trip without the exchange). Each loadgen run has its 20 s warm-up. Prints each
# run's results and the server's CPU per order.
# Usage: benchmarks/gateway-suite.sh [tag] [checkout]   (checkout: the tree whose ./offpeak runs; default this one)
# Extra server JVM options: OFFPEAK_JAVA_OPTS; extra server options: SERVE_ARGS (e.g. --preallocate 1048576).
set -euo pipefail

tag="${1:-run}"
root="$(cd "${2:-$(dirname "${BASH_SOURCE[0]}")/..}" && pwd)"
port=18090
cd "$root"
server=
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null || true' EXIT

start_server() # name: a fresh server on a fresh data directory
{
  data="/tmp/gw-bench-$1"
  gc_log="/tmp/gw-bench-$1-gc.log"
  rm -rf "$data"
  # The launcher execs java, so $! is the server's JVM.
  OFFPEAK_JAVA_OPTS="-Xlog:gc:file=$gc_log:uptime ${OFFPEAK_JAVA_OPTS:-}" ./offpeak serve --data "$data" \
    --max-connections-per-ip 2000 --port "$port" ${SERVE_ARGS:-} > "/tmp/gw-bench-$1-serve.out" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -sf "localhost:$port/health" > /dev/null && break; sleep 0.5; done
  curl -sf "localhost:$port/health" > /dev/null || { echo "the server did not start: /tmp/gw-bench-$1-serve.out" >&2; exit 1; }
  echo "== $1: $(git log --oneline -1 | cut -c1-72), load $(cut -d' ' -f1 /proc/loadavg)"
}

stop_server() # name
{
  # Start-up's pauses (copying the preallocated objects into the old generation) are counted too.
  echo "== $1: load $(cut -d' ' -f1 /proc/loadavg), $(grep -c 'Pause Young' "$gc_log") young pauses," \
    "longest $(grep 'Pause Young' "$gc_log" | awk '{print $NF}' | sort -n | tail -1)"
  kill "$server" 2>/dev/null || echo "== $1: the server had already stopped: /tmp/gw-bench-$1-serve.out"
  wait "$server" 2>/dev/null || true
  server=
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
run() # name, orders sent (warm-up included), loadgen options...
{
  local name=$1 orders=$2 before after
  shift 2
  before=$(cpu_ticks)
  # The whole output goes to a file; the result lines, and any failure's, to the terminal.
  ./offpeak loadgen --data "$data" --port "$port" "$@" > "/tmp/gw-bench-$tag-$name.out" 2>&1 || echo "$name: loadgen failed"
  grep -E 'acknowledged|ack latency|answers over|errors by|market data|lag|Exception|closed by' "/tmp/gw-bench-$tag-$name.out" | sed "s/^/$name: /" || true
  after=$(cpu_ticks)
  echo "$name: server CPU $(( (after - before) * 10 )) ms, $(( (after - before) * 10000000 / orders )) ns per order sent"
}

# The 20k/s runs warm up for 30 s: the server's first periodic snapshot (at input 1,000,000, with the
# replica's snapshot code not yet compiled: 140 ms of its CPU and 170 ms of C2's, 2026-12-04) then falls
# in the warm-up, where with 20 s it fell on the first measured 400 ms. The next one, at 2,000,000, comes
# in the 50k/s run's warm-up.
start_server "$tag"
run warm-up 600000 --connections 64 --rate 10000 --seconds 40 --warmup 20
run 20k 1000000 --connections 64 --rate 20000 --seconds 20 --warmup 30
run 50k 2000000 --connections 64 --rate 50000 --seconds 20 --warmup 20
run subscribers 200000 --connections 16 --rate 5000 --subscribers 1000 --seconds 20 --warmup 20
stop_server "$tag"

# The exchange mix on a server of its own: after the fills runs the state holds their million
# 60-minute leases, which is the fills mix's doing, not this one's.
start_server "$tag-exchange"
run warm-up 600000 --connections 64 --rate 10000 --seconds 40 --warmup 20 --mix exchange
run 20k-exchange 1000000 --connections 64 --rate 20000 --seconds 20 --warmup 30 --mix exchange
# The floor under it, on the same server a minute later: pings, which the event loop answers
# without the pipeline, at the same rate over the same number of connections.
run 20k-ping 800000 --connections 64 --rate 20000 --seconds 20 --warmup 20 --mix ping
stop_server "$tag-exchange"
