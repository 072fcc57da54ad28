#!/usr/bin/env bash
# The gateway benchmark procedure of benchmarks/README.md, against one fresh server:
# 60 s at 10k/s (the server's JIT compiles for 30-40 s), then 20k/s, 50k/s and 1,000 subscribers,
# each loadgen run with its 20 s warm-up. Prints each run's results and the server's CPU per order.
# Usage: benchmarks/gateway-suite.sh [tag] [checkout]   (checkout: the tree whose ./offpeak runs; default this one)
# Extra server JVM options: OFFPEAK_JAVA_OPTS; extra server options: SERVE_ARGS (e.g. --preallocate 1048576).
set -euo pipefail

tag="${1:-run}"
root="$(cd "${2:-$(dirname "${BASH_SOURCE[0]}")/..}" && pwd)"
port=18090
data="/tmp/gw-bench-$tag"
rm -rf "$data"
cd "$root"
# The launcher execs java, so $! is the server's JVM.
OFFPEAK_JAVA_OPTS="-Xlog:gc:file=/tmp/gw-bench-$tag-gc.log:uptime ${OFFPEAK_JAVA_OPTS:-}" ./offpeak serve --data "$data" \
  --max-connections-per-ip 2000 --port "$port" ${SERVE_ARGS:-} > "/tmp/gw-bench-$tag-serve.out" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "localhost:$port/health" > /dev/null && break; sleep 0.5; done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
run() # name, orders sent (warm-up included), loadgen options...
{
  local name=$1 orders=$2 before after
  shift 2
  before=$(cpu_ticks)
  ./offpeak loadgen --data "$data" --port "$port" "$@" 2>&1 \
    | grep -E 'acknowledged|ack latency|errors by|market data|lag' | sed "s/^/$name: /" || true
  after=$(cpu_ticks)
  echo "$name: server CPU $(( (after - before) * 10 )) ms, $(( (after - before) * 10000000 / orders )) ns per order sent"
}

echo "== $tag: $(git log --oneline -1 | cut -c1-72), load $(cut -d' ' -f1 /proc/loadavg)"
run warm-up 600000 --connections 64 --rate 10000 --seconds 40 --warmup 20
run 20k 800000 --connections 64 --rate 20000 --seconds 20 --warmup 20
run 50k 2000000 --connections 64 --rate 50000 --seconds 20 --warmup 20
run subscribers 200000 --connections 16 --rate 5000 --subscribers 1000 --seconds 20 --warmup 20
# Start-up's pauses (copying the preallocated objects into the old generation) are counted too.
echo "== $tag: load $(cut -d' ' -f1 /proc/loadavg), $(grep -c 'Pause Young' "/tmp/gw-bench-$tag-gc.log") young pauses," \
  "longest $(grep 'Pause Young' "/tmp/gw-bench-$tag-gc.log" | awk '{print $NF}' | sort -n | tail -1)"
