#!/usr/bin/env bash
# Every target of the Targets table, measured one after the other with each section's own command:
# the engine (four workloads, then aged state), exchange-core's order book as the same-hour reference,
# the ledger, the pipeline (throughput, latency, sync, replay), the replay benchmark, the VM's
# memory latency, and the gateway suite. About 15 minutes; run it with nothing else on the machine.
# Whole outputs go to /tmp/targets-TAG-*.out; the result lines are printed.
# Usage: benchmarks/targets.sh [tag]
set -euo pipefail

tag="${1:-run}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q package -DskipTests -pl benchmarks -am
(cd benchmarks/exchange-core-reference && mvn -B -q package)
OFFPEAK_REBUILD=1 ./offpeak --help > /dev/null
flags="$(cat gateway/target/classes/offpeak-jvm.flags)"
out() { echo "/tmp/targets-$tag-$1.out"; }
say() { echo "== $1 $(date +%T), load $(cut -d' ' -f1 /proc/loadavg), $(git log --oneline -1 | cut -c1-60)"; }

say engine
java -jar benchmarks/target/benchmarks.jar 'MatchingEngineBenchmark' -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc \
  -p workload=EXCHANGE_MIX,EXCHANGE_MIX_CLIENT_IDS,SKIP_HEAVY_100,SKIP_HEAVY_1000 -jvmArgsAppend "$flags" > "$(out engine)" 2>&1
java -jar benchmarks/target/benchmarks.jar 'MatchingEngineBenchmark' -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc \
  -p workload=EXCHANGE_MIX -p aged=true -jvmArgsAppend "$flags" > "$(out engine-aged)" 2>&1
grep -hE '^MatchingEngineBenchmark.applyBatch( |:gc.alloc.rate.norm)' "$(out engine)" "$(out engine-aged)"

say exchange-core
(cd benchmarks/exchange-core-reference && java -jar target/benchmarks.jar ExchangeCoreOrderBookBenchmark -p impl=DIRECT \
  -f 1 -wi 3 -w 2s -i 5 -r 2s -jvmArgsAppend "-Dchronicle.analytics.disable=true") > "$(out exchange-core)" 2>&1
grep -E '^ExchangeCoreOrderBookBenchmark.processCommand ' "$(out exchange-core)"

say ledger
java -jar benchmarks/target/benchmarks.jar 'Ledger' -f 1 -wi 3 -i 5 -prof gc -jvmArgsAppend "$flags" > "$(out ledger)" 2>&1
grep -E '^LedgerSettlementBenchmark.holdFillPayout( |:gc.alloc.rate.norm)' "$(out ledger)"

say pipeline
rm -rf /tmp/pl-bench
# shellcheck disable=SC2086 # the flags file is a list of JVM options
java $flags -Xmx4g -Doffpeak.log.level=WARN -cp benchmarks/target/benchmarks.jar com.offpeak.bench.pipeline.PipelineBenchmark \
  /tmp/pl-bench 2000000 5 EXCHANGE_MIX 1 > "$(out pipeline)" 2>&1
grep -E '^(throughput|replay|latency)' "$(out pipeline)"
# shellcheck disable=SC2086
java $flags -Xmx4g -Doffpeak.log.level=WARN -cp benchmarks/target/benchmarks.jar com.offpeak.bench.pipeline.ReplayBenchmark \
  /tmp/pl-bench/throughput-ASYNC-BLOCKING 10 > "$(out replay)" 2>&1
grep -E '^replay run' "$(out replay)" | cut -c1-120

say memory-latency
java -cp benchmarks/target/benchmarks.jar com.offpeak.bench.platform.PlatformMemoryLatency | tee "$(out memory-latency)"

say gateway
benchmarks/gateway-suite.sh "$tag"
say done
