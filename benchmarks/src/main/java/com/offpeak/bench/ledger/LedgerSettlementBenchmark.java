package com.offpeak.bench.ledger;

import com.offpeak.ledger.Ledger;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.ledger.LedgerResult;
import com.offpeak.ledger.MakerSide;
import com.offpeak.ledger.transfer.TransferListener;
import com.offpeak.ledger.transfer.TransferReason;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The ledger's hot path in memory, single-threaded: per invocation one bid is held, filled in
 * full below its limit (notional and fee into escrow, the excess released), its order closed,
 * and the lease paid out at its natural end (owner payout, owner fee, buyer fee) —
 * {@value #TRANSFERS_PER_ROUND} transfers, each numbered, checksum-chained and emitted. Scores
 * are transfers per second. Two participants swap buyer and owner every round so funds circulate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Dchronicle.analytics.disable=true")
public class LedgerSettlementBenchmark
{
    static final int TRANSFERS_PER_ROUND = 7;
    private static final long MINUTE = 60_000L;
    private static final long ALICE = 1;
    private static final long BOB = 2;

    /** Counts what the journal encoder would receive, so the emitted transfers are checked, not assumed. */
    static final class CountingListener implements TransferListener
    {
        long transfers;
        long checksums;

        @Override
        public void onTransfer(final long transferId, final long time, final long debitAccount, final long creditAccount,
            final long amount, final TransferReason reason, final long ref, final long leaseId, final long checksum)
        {
            transfers++;
            checksums ^= checksum;
        }
    }

    private final CountingListener listener = new CountingListener();
    private Ledger ledger;
    private long round;
    private long now;
    private long transfersAtStart;
    private long roundsAtStart;

    @Setup(Level.Iteration)
    public void setUp()
    {
        if (ledger == null)
        {
            now = 1_780_000_000_000L;
            ledger = new Ledger(new LedgerConfig(10, 25), listener);
            ledger.deposit(now, 1, ALICE, 1_000_000_000_000_000L);
            ledger.deposit(now, 2, BOB, 1_000_000_000_000_000L);
        }
        transfersAtStart = listener.transfers;
        roundsAtStart = round;
    }

    @TearDown(Level.Iteration)
    public void checkEveryRoundMadeItsTransfers()
    {
        final long rounds = round - roundsAtStart;
        final long transfers = listener.transfers - transfersAtStart;
        if (transfers != rounds * TRANSFERS_PER_ROUND)
        {
            throw new IllegalStateException(rounds + " rounds made " + transfers + " transfers, expected " + TRANSFERS_PER_ROUND + " each");
        }
        ledger.checkInvariants();
    }

    @Benchmark
    @OperationsPerInvocation(TRANSFERS_PER_ROUND)
    public long holdFillPayout()
    {
        final long r = ++round;
        now += MINUTE;
        final long buyer = (r & 1) == 0 ? ALICE : BOB;
        final long owner = buyer == ALICE ? BOB : ALICE;
        final long end = now + 90 * MINUTE;
        int failures = ledger.holdBid(now, r, buyer, 2_100_000, 8, 90).ordinal();
        failures |= ledger.fill(now, r, r, buyer, owner, 2_000_000, 8, 90, MakerSide.OWNER, end).ordinal();
        failures |= ledger.releaseHold(now, r).ordinal();
        failures |= ledger.leaseEnded(end, r, end).ordinal();
        if (failures != LedgerResult.OK.ordinal())
        {
            throw new IllegalStateException("round " + r + " was rejected");
        }
        return ledger.lastChecksum();
    }
}
