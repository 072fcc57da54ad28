package com.offpeak.engine;

import com.offpeak.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.HOUR;
import static com.offpeak.engine.EngineDriver.MINUTE;
import static com.offpeak.engine.EngineDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero allocation as behaviour: after a warm-up that grows the pools, maps and timer heap to their
 * steady-state size, 100k more commands of the same mix (asks, bids, GTD bids, price-changing
 * amends, IOC bids that preempt, cancels, timer ticks that end leases and notices, re-queue and
 * expire orders, clientOrderIds expiring out of retention) allocate nothing on this thread (up to a documented JVM constant). The commands are generated up front into
 * preallocated slots and the listener encodes events into a preallocated buffer, so the only code
 * running inside the measurement is the engine's.
 */
class ZeroAllocationTest
{
    private static final int COMMANDS_PER_CYCLE = 8;
    private static final int PLACES_PER_CYCLE = 4;
    private static final int CANCEL_LAG_CYCLES = 10;
    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 100_000;
    /**
     * Measured: 0 bytes in most runs, 72 bytes in some. Measured per command, the 72 bytes land on
     * one IOC place at a different position in each run (no GC in between): a JIT event such as a
     * deoptimisation, not the engine, whose behaviour is the same in every run. One allocation
     * per command would be at least 16 bytes x 100k = 1.6 MB, so this bound still catches it.
     */
    private static final long JVM_NOISE_BYTES = 1024;
    /** Cycles of placed order ids remembered; more than the cancel lag. */
    private static final int ID_RING = 16;

    /**
     * The ids the places of recent cycles got, by (cycle, place slot): re-queues take order ids too,
     * so cancels and amends are aimed at run time rather than computed up front.
     */
    private final long[][] placedIds = new long[ID_RING][PLACES_PER_CYCLE];

    @Test
    void steadyStateCommandsAllocateNothing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final EncodingListener listener = new EncodingListener();
        final MatchingEngine engine = new MatchingEngine(Catalog.loadDefault(), EngineConfig.DEFAULT.withRetentionMillis(HOUR),
            listener, PreTradeCheck.ALLOW_ALL);
        final Command[] commands = generate(WARM_UP + MEASURED);

        for (int i = 0; i < WARM_UP; i++)
        {
            apply(engine, listener, commands[i], i);
        }
        engine.validate();
        final long fillsBefore = listener.fills;
        final long leaseEndsBefore = listener.leaseEnds;
        final long expiriesBefore = listener.expiries;
        final long preemptionsBefore = listener.preemptions;
        final long requeuesBefore = listener.requeues;

        final long calibrationStart = threads.getCurrentThreadAllocatedBytes();
        final long calibration = threads.getCurrentThreadAllocatedBytes() - calibrationStart;
        final long start = threads.getCurrentThreadAllocatedBytes();
        for (int i = WARM_UP; i < WARM_UP + MEASURED; i++)
        {
            apply(engine, listener, commands[i], i);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - start - calibration;

        engine.validate();
        assertThat(listener.fills - fillsBefore).as("fills in the measured window").isGreaterThan(10_000);
        assertThat(listener.leaseEnds - leaseEndsBefore).as("lease ends in the measured window").isGreaterThan(10_000);
        assertThat(listener.expiries - expiriesBefore).as("expiries in the measured window").isGreaterThan(1_000);
        assertThat(listener.preemptions - preemptionsBefore).as("preemptions in the measured window").isGreaterThan(1_000);
        assertThat(listener.requeues - requeuesBefore).as("re-queues in the measured window").isGreaterThan(1_000);
        assertThat(listener.rejections).as("rejections (all cancels of filled orders)").isLessThan(WARM_UP + MEASURED);
        assertThat(allocated).as("bytes allocated by %d steady-state commands", MEASURED).isLessThan(JVM_NOISE_BYTES);
    }

    /** Aims command {@code i} at the order it targets (an amend, a cancel), applies it, and remembers the id a place got. */
    private void apply(final MatchingEngine engine, final EncodingListener listener, final Command command, final int i)
    {
        final int cycle = i / COMMANDS_PER_CYCLE;
        final long[] lagged = placedIds[Math.floorMod(cycle - CANCEL_LAG_CYCLES, ID_RING)];
        final int position = i % COMMANDS_PER_CYCLE;
        switch (position)
        {
            case 3 -> command.orderId = placedIds[cycle % ID_RING][1];
            case 5 -> command.orderId = lagged[0];
            case 6 -> command.orderId = lagged[1];
            default ->
            {
                // places and ticks target nothing
            }
        }
        listener.lastAccepted = 0;
        engine.apply(command);
        if (position <= 2 || position == 4)
        {
            placedIds[cycle % ID_RING][position == 4 ? 3 : position] = listener.lastAccepted;
        }
    }

    /** Cycles of 8 commands: 4 valid places, an amend and two cancels aimed at places of this and earlier cycles, a tick. */
    private static Command[] generate(final int count)
    {
        final Command[] commands = new Command[count];
        long t = T0;
        for (int i = 0; i < count; i++)
        {
            final int cycle = i / COMMANDS_PER_CYCLE;
            final long owner = 1 + cycle % 5;
            final long buyer = 6 + cycle % 5;
            final long price = (90 + (cycle * 7) % 21) * 10_000L;
            final long clientOrderId = i + 1;
            final Command c = new Command();
            switch (i % COMMANDS_PER_CYCLE)
            {
                case 0 -> c.placeAsk(t, owner, clientOrderId, H100, 6, price, t + 3 * HOUR, 2);
                case 1 -> c.placeBid(t, buyer, clientOrderId, H100, 4, 60, price - 50_000, TimeInForce.GTC, 0, false, false, false);
                case 2 -> c.placeBid(t, buyer, clientOrderId, H100, 2, 60, price, TimeInForce.GTD, t + 2 * HOUR, cycle % 3 == 0, false, true);
                case 3 -> c.amend(t, buyer, 0, 3, price + 10_000);
                // More than free capacity usually offers: the rest preempts the preemptible GTD leases above.
                case 4 -> c.placeBid(t, buyer, clientOrderId, H100, 6, 90, price + 100_000, TimeInForce.IOC, 0, false, false, false);
                case 5 -> c.cancel(t, 1 + (cycle - CANCEL_LAG_CYCLES) % 5, 0);
                case 6 -> c.cancel(t, 6 + (cycle - CANCEL_LAG_CYCLES) % 5, 0);
                default ->
                {
                    t += 7 * MINUTE;
                    c.timerTick(t);
                }
            }
            commands[i] = c;
        }
        return commands;
    }

    /** Encodes events as longs into a fixed ring, as a journal or network encoder would, counting a few kinds. */
    private static final class EncodingListener implements EngineListener
    {
        private final long[] buffer = new long[1 << 16];
        private int position;
        long fills;
        long leaseEnds;
        long expiries;
        long rejections;
        long preemptions;
        long requeues;
        long lastAccepted;

        private void put(final long a, final long b, final long c, final long d)
        {
            final int mask = buffer.length - 1;
            buffer[position++ & mask] = a;
            buffer[position++ & mask] = b;
            buffer[position++ & mask] = c;
            buffer[position++ & mask] = d;
        }

        @Override
        public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
            final int instrument, final int gpus, final long price)
        {
            lastAccepted = orderId;
            put(1, time, orderId, price);
        }

        @Override
        public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
        {
            rejections++;
            put(2, time, orderId, code.ordinal());
        }

        @Override
        public void duplicate(final long time, final long account, final long clientOrderId, final long orderId,
            final RejectCode originalReject, final OrderStatus status, final int remainingGpus)
        {
            put(3, time, orderId, status.ordinal());
        }

        @Override
        public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
            final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
        {
            fills++;
            put(4, time, leaseId, price);
        }

        @Override
        public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
            final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
            final boolean preemptible)
        {
            put(5, time, leaseId, end);
        }

        @Override
        public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
            final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
        {
            leaseEnds++;
            put(6, time, leaseId, gpus);
        }

        @Override
        public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner,
            final int gpus, final long newEnd, final long preemptorBidId)
        {
            preemptions++;
            put(11, time, leaseId, newEnd);
        }

        @Override
        public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
            final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
            final boolean contiguous)
        {
            requeues++;
            put(12, time, orderId, originalOrderId);
        }

        @Override
        public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
            final int remainingGpus)
        {
            expiries++;
            put(7, time, orderId, remainingGpus);
        }

        @Override
        public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
            final int remainingGpus, final CancelReason reason)
        {
            put(8, time, orderId, reason.ordinal());
        }

        @Override
        public void amended(final long time, final long orderId, final long account, final int instrument, final Side side,
            final int gpus, final long price, final boolean priorityKept)
        {
            put(9, time, orderId, price);
        }

        @Override
        public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
        {
            put(13, time, instrument, effectiveAt);
        }

        @Override
        public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
        {
            put(14, time, price, gpus);
        }

        @Override
        public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
        {
            put(15, time, price, gpus);
        }

        @Override
        public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
            final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
        {
            put(16, time, requestId, notional);
        }

        @Override
        public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus,
            final int orders)
        {
            put(10, time, price, gpus);
        }
    }
}
