package com.offpeak.bench.engine;

import com.offpeak.engine.Command;
import com.offpeak.engine.TimeInForce;

/**
 * A pre-generated, replayable command stream: the benchmark applies it batch by batch and never
 * runs the generator while it measures.
 *
 * <p>Each cycle starts on an empty engine and ends with a drain (cancel-all of every account, then
 * a tick past the last lease end) that empties it again. The engine is deterministic and numbers
 * its orders from a counter, so replaying the same commands shifted by the cycle's time span and
 * by its number of orders reproduces the cycle exactly: {@link #shiftToNextCycle()} rewrites the
 * preallocated commands in place instead of building a new engine, which would allocate.
 */
final class CommandStream
{
    /** Commands applied per benchmark invocation; a stream is a whole number of batches. */
    static final int BATCH = 10_000;

    private final Command[] commands;
    private final long[] skipsPerBatch;
    private final long ordersPerCycle;
    private final long cycleMillis;
    private final long fillsPerCycle;
    private final String description;

    CommandStream(final Command[] commands, final long[] skipsPerBatch, final long ordersPerCycle, final long cycleMillis,
        final long fillsPerCycle, final String description)
    {
        if (commands.length % BATCH != 0 || skipsPerBatch.length != commands.length / BATCH)
        {
            throw new IllegalArgumentException("a stream is a whole number of batches of " + BATCH);
        }
        this.commands = commands;
        this.skipsPerBatch = skipsPerBatch;
        this.ordersPerCycle = ordersPerCycle;
        this.cycleMillis = cycleMillis;
        this.fillsPerCycle = fillsPerCycle;
        this.description = description;
    }

    Command[] commands()
    {
        return commands;
    }

    int length()
    {
        return commands.length;
    }

    /** Resting orders skipped by walks during batch {@code batch} (the same in every cycle). */
    long skipsInBatch(final int batch)
    {
        return skipsPerBatch[batch];
    }

    /** Orders the engine accepts in one cycle: the shift of every order id in the next one. */
    long ordersPerCycle()
    {
        return ordersPerCycle;
    }

    long fillsPerCycle()
    {
        return fillsPerCycle;
    }

    /** Workload statistics measured while generating, for the benchmark log. */
    String description()
    {
        return description;
    }

    /** Moves every command to the next cycle: later by one cycle span, order ids past this cycle's orders. */
    void shiftToNextCycle()
    {
        for (final Command command : commands)
        {
            command.timestamp += cycleMillis;
            switch (command.type)
            {
                case PLACE_ASK -> command.availableUntil += cycleMillis;
                case PLACE_BID ->
                {
                    if (command.timeInForce == TimeInForce.GTD)
                    {
                        command.deadline += cycleMillis;
                    }
                }
                case CANCEL, AMEND -> command.orderId += ordersPerCycle;
                case CANCEL_ALL, TIMER_TICK ->
                {
                    // Nothing else refers to time or to an order.
                }
            }
        }
    }
}
