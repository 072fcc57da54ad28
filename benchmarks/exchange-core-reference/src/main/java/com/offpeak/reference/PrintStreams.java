package com.offpeak.reference;

/**
 * Generates the benchmark's streams without timing anything and prints what they contain:
 * {@code java -cp target/benchmarks.jar com.offpeak.reference.PrintStreams [commands]}.
 * The generator itself checks every command against the real book, so this is also a quick validity check.
 */
public final class PrintStreams {
    private PrintStreams() {
    }

    public static void main(String[] args) {
        final int commands = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        for (BookImpl impl : BookImpl.values()) {
            for (Mix mix : Mix.values()) {
                final long t0 = System.nanoTime();
                final StreamGenerator.Result r = StreamGenerator.generate(impl, mix, commands, ExchangeCoreOrderBookBenchmark.SEED);
                System.out.printf("%s%n  %s%n  (%d ms, final state hash %d)%n",
                        r.stats.report("[" + impl + "/" + mix + "] stream as generated"), r.priceRangeLine(),
                        (System.nanoTime() - t0) / 1_000_000, r.finalStateHash);
            }
        }
    }
}
