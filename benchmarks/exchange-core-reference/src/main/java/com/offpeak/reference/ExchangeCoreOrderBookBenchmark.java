package com.offpeak.reference;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.orderbook.IOrderBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * exchange-core's own order book, one symbol, driven through {@code IOrderBook.processCommand} with a
 * pre-generated stream (see {@link StreamGenerator}). One op = one command.
 *
 * <p>The timed method only applies {@value #BATCH} already-filled, reused OrderCommand objects. Filling
 * them from the recorded stream, counting the previous batch's results, and rebuilding the book from a
 * fresh instance plus the same prefill when the stream runs out all happen in the untimed
 * per-invocation setup: the stream is only valid on a book in the exact state it was generated from.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExchangeCoreOrderBookBenchmark {
    static final int BATCH = 5_000;
    static final long SEED = 20261201L;
    /** Book size is sampled every this many batches: getOrdersNum allocates a little, and this keeps it negligible. */
    static final int SAMPLE_EVERY_BATCHES = 64;

    @Param({"DIRECT", "NAIVE"})
    public BookImpl impl;

    @Param({"EXCHANGE_CORE", "OFFPEAK"})
    public Mix mix;

    /** Measured commands per pass (after the 1,000-order prefill); a multiple of BATCH. */
    @Param({"2000000"})
    public int commands;

    private CommandStream stream;
    private ObjectsPool pool; // one per trial, reused by every rebuilt book, as exchange-core shares one per shard
    private IOrderBook book;
    private final OrderCommand[] batch = new OrderCommand[BATCH];
    private final CommandResultCode[] results = new CommandResultCode[BATCH];
    private int cursor; // next command of the stream to load
    private boolean batchPending;
    private long batchesCollected;
    private final StreamStats replayed = new StreamStats();
    private long rebuilds;

    @Setup(Level.Trial)
    public void generate() {
        if (commands % BATCH != 0) {
            throw new IllegalArgumentException("commands must be a multiple of " + BATCH);
        }
        final long t0 = System.nanoTime();
        final StreamGenerator.Result gen = StreamGenerator.generate(impl, mix, commands, SEED);
        stream = gen.stream;
        System.out.printf("%n[%s/%s] generated in %d ms%n", impl, mix, (System.nanoTime() - t0) / 1_000_000);
        System.out.println(gen.stats.report("[" + impl + "/" + mix + "] stream as generated"));
        System.out.println("  " + gen.priceRangeLine());
        verifyReplay(gen.finalStateHash);
        for (int i = 0; i < BATCH; i++) {
            batch[i] = new OrderCommand();
        }
        pool = BookImpl.newProductionPool();
        rebuildBook();
    }

    /** One untimed full pass on a fresh book must reproduce the generator's final state exactly. */
    private void verifyReplay(int expectedHash) {
        final IOrderBook check = impl.newBook(BookImpl.newProductionPool());
        final OrderCommand cmd = new OrderCommand();
        for (int i = 0; i < stream.length(); i++) {
            stream.load(i, cmd);
            final CommandResultCode rc = IOrderBook.processCommand(check, cmd);
            if (rc != CommandResultCode.SUCCESS) {
                throw new IllegalStateException("replay diverged at command " + i + ": " + rc + " for " + cmd);
            }
        }
        if (check.stateHash() != expectedHash) {
            throw new IllegalStateException("replay ended in a different book state");
        }
    }

    /**
     * A fresh book holding just the prefill: the state the measured stream starts from. The old book is
     * dropped whole; objects it took from the pool simply go with it, and the pool's free objects stay valid.
     */
    private void rebuildBook() {
        book = impl.newBook(pool);
        final OrderCommand cmd = batch[0];
        for (int i = 0; i < stream.prefillSize(); i++) {
            stream.load(i, cmd);
            IOrderBook.processCommand(book, cmd);
        }
        cursor = stream.prefillSize();
        rebuilds++;
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
        collectBatch();
        if (cursor + BATCH > stream.length()) {
            rebuildBook();
        }
        for (int i = 0; i < BATCH; i++) {
            stream.load(cursor + i, batch[i]);
        }
        cursor += BATCH;
        batchPending = true;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void processCommand() {
        final IOrderBook b = book;
        final OrderCommand[] cmds = batch;
        final CommandResultCode[] out = results;
        for (int i = 0; i < BATCH; i++) {
            out[i] = IOrderBook.processCommand(b, cmds[i]);
        }
    }

    /** Counts the batch the benchmark just ran (result codes, trades from its events, book size). */
    private void collectBatch() {
        if (!batchPending) {
            return;
        }
        for (int i = 0; i < BATCH; i++) {
            replayed.record(batch[i], results[i]);
        }
        if (batchesCollected++ % SAMPLE_EVERY_BATCHES == 0) {
            replayed.sampleResting(book.getOrdersNum(OrderAction.BID) + book.getOrdersNum(OrderAction.ASK));
        }
        batchPending = false;
    }

    @TearDown(Level.Trial)
    public void report() {
        collectBatch();
        System.out.println();
        System.out.println(replayed.report("[" + impl + "/" + mix + "] replayed in this trial, warm-up included"));
        System.out.println("  book rebuilt (untimed) " + rebuilds + " times");
        final long unexpected = replayed.commands() - replayed.count(CommandResultCode.SUCCESS);
        if (unexpected != 0) {
            throw new IllegalStateException(unexpected + " commands did not succeed: the stream is not valid for this book");
        }
    }
}
