package com.offpeak.bench.engine;

import com.offpeak.engine.Command;
import com.offpeak.engine.CommandType;
import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.MatchingEngine;
import com.offpeak.engine.PreTradeCheck;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.catalog.Catalog;

import java.util.Locale;

/**
 * Records a workload into a {@link CommandStream} by applying every generated command to a
 * generation-time engine whose events feed a {@link ShadowBook}. A command the engine rejects is
 * replaced in its slot by a freshly generated one (a rejection changes nothing but the timers it
 * fired, which the replacement fires identically), so the measured stream is all real work.
 */
final class CommandStreamBuilder
{
    /** Gap between a cycle's drain and the first command of the next cycle. */
    private static final long CYCLE_GAP_MILLIS = 60_000;
    private static final int MAX_ATTEMPTS = 100;
    private static final int SAMPLE_EVERY = 1_000;

    /** Writes one candidate command into a slot; called again after a rejection. */
    @FunctionalInterface
    interface CommandWriter
    {
        void write(Command slot);
    }

    private final ShadowBook shadow;
    private final MatchingEngine engine;
    private final Command[] commands;
    private final long[] skipsPerBatch;
    private final long[] typeCounts = new long[CommandType.values().length];
    private int size;
    private long immediateBids;
    private long replacedRejections;
    private long restingSampleSum;
    private long restingSamples;

    CommandStreamBuilder(final Catalog catalog, final int length)
    {
        if (length <= 0 || length % CommandStream.BATCH != 0)
        {
            throw new IllegalArgumentException("stream length must be a positive multiple of " + CommandStream.BATCH);
        }
        shadow = new ShadowBook(catalog);
        engine = new MatchingEngine(catalog, EngineConfig.DEFAULT, shadow, PreTradeCheck.ALLOW_ALL);
        commands = new Command[length];
        for (int i = 0; i < length; i++)
        {
            commands[i] = new Command();
        }
        skipsPerBatch = new long[length / CommandStream.BATCH];
    }

    ShadowBook shadow()
    {
        return shadow;
    }

    /** Slots still free. */
    int remaining()
    {
        return commands.length - size;
    }

    void append(final CommandWriter writer)
    {
        final Command slot = commands[size];
        final long skipsBefore = shadow.skips();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
        {
            writer.write(slot);
            shadow.expect(slot);
            engine.apply(slot);
            shadow.commandDone();
            final RejectCode reject = shadow.lastReject();
            if (reject == null)
            {
                skipsPerBatch[size / CommandStream.BATCH] += shadow.skips() - skipsBefore;
                typeCounts[slot.type.ordinal()]++;
                if (slot.type == CommandType.PLACE_BID && slot.timeInForce.isImmediate())
                {
                    immediateBids++;
                }
                if (size % SAMPLE_EVERY == 0)
                {
                    restingSampleSum += shadow.restingCount();
                    restingSamples++;
                }
                size++;
                return;
            }
            replacedRejections++;
        }
        throw new IllegalStateException("the generator produced " + MAX_ATTEMPTS + " rejected commands in a row, last " + slot +
            " rejected " + shadow.lastReject());
    }

    /**
     * Fills the remaining slots with the drain: cancel-all for accounts 1..{@code accounts} and a
     * tick at the last timer's due time (lease ends, and the expiries of cancelled orders, which
     * the engine drops only when they come due), which leaves the engine empty.
     */
    CommandStream drain(final long accounts, final long time, final String workload)
    {
        if (remaining() != accounts + 1)
        {
            throw new IllegalStateException("the drain needs exactly " + (accounts + 1) + " slots, " + remaining() + " are left");
        }
        for (long account = 1; account <= accounts; account++)
        {
            final long acct = account;
            append(slot -> slot.cancelAll(time, acct, Command.ALL_INSTRUMENTS));
        }
        final long drainTime = Math.max(time, shadow.lastTimerDue());
        append(slot -> slot.timerTick(drainTime));
        if (engine.openOrderCount() != 0 || shadow.restingCount() != 0)
        {
            throw new IllegalStateException("the drain left " + engine.openOrderCount() + " open orders");
        }
        final long cycleMillis = drainTime + CYCLE_GAP_MILLIS - commands[0].timestamp;
        return new CommandStream(commands, skipsPerBatch, shadow.acceptedOrders(), cycleMillis, shadow.events(),
            describe(workload, cycleMillis));
    }

    private String describe(final String workload, final long cycleMillis)
    {
        final StringBuilder text = new StringBuilder(workload).append(": ").append(size).append(" commands per cycle (");
        for (final CommandType type : CommandType.values())
        {
            text.append(type).append(' ').append(percent(typeCounts[type.ordinal()])).append(", ");
        }
        text.append("IOC/FOK bids ").append(percent(immediateBids))
            .append(", repricing amends ").append(percent(shadow.repricedOrders())).append("), ");
        long skips = 0;
        for (final long batchSkips : skipsPerBatch)
        {
            skips += batchSkips;
        }
        text.append(String.format(Locale.ROOT, "%.4f fills/op, %.4f skips/op (", (double)shadow.fills() / size, (double)skips / size));
        for (final SkipReason reason : SkipReason.values())
        {
            text.append(reason).append(' ').append(String.format(Locale.ROOT, "%.4f", (double)shadow.skips(reason) / size))
                .append(reason.ordinal() < SkipReason.values().length - 1 ? ", " : "), ");
        }
        return text.append(String.format(Locale.ROOT, "%.0f resting orders on average, ", (double)restingSampleSum / restingSamples))
            .append(shadow.acceptedOrders()).append(" orders and ")
            .append(String.format(Locale.ROOT, "%.1f engine hours per cycle, ", cycleMillis / 3_600_000.0))
            .append(replacedRejections).append(" rejected candidates replaced")
            .toString();
    }

    private String percent(final long count)
    {
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * count / size);
    }
}
