package com.offpeak.bench.pipeline;

import com.offpeak.bench.engine.CommandStream;
import com.offpeak.engine.Command;
import com.offpeak.pipeline.InputCommand;
import com.offpeak.pipeline.PipelineClock;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * The engine benchmark's generated exchange-mix stream as pipeline inputs, for one producer thread:
 * a deposit for every account the stream uses, then its commands in order, cycle after cycle
 * (shifted as {@link CommandStream#load} shifts them).
 *
 * <p>As the pipeline's clock it returns each input's own time. The logic thread reads the clock
 * exactly once per input, in sequence order, so the engine runs on the timeline the stream was
 * generated on — leases end, capacity returns, orders expire — however fast the pipeline goes, and
 * the stream replays as generated: no rejection (checked after the run). Only the logic thread calls
 * {@link #now}; only the producer calls {@link #next}.
 */
final class ExchangeMixInputs implements PipelineClock
{
    /** Far more than any account's bids can hold at once. */
    private static final long DEPOSIT = 1_000_000_000_000L;

    private final CommandStream stream;
    private final long[] accounts;
    /** Every input's time, deposits included: the clock's answers in order. */
    private final long[] times;
    private final Command[] batch = new Command[CommandStream.BATCH];
    private int issued;
    private int stamped;

    /** {@code inputs} in all: the deposits, then as many of the stream's commands (whole cycles and part of the next). */
    ExchangeMixInputs(final CommandStream stream, final int inputs)
    {
        this.stream = stream;
        for (int i = 0; i < batch.length; i++)
        {
            batch[i] = new Command();
        }
        // Every cycle places orders for the same accounts, so one cycle names them all.
        final TreeSet<Long> seen = new TreeSet<>();
        for (int b = 0; b < stream.batches(); b++)
        {
            loadBatch(b * CommandStream.BATCH);
            for (final Command command : batch)
            {
                if (command.account != 0)
                {
                    seen.add(command.account);
                }
            }
        }
        accounts = seen.stream().mapToLong(Long::longValue).toArray();
        times = new long[Math.max(inputs, accounts.length)];
        for (int i = accounts.length; i < times.length; i++)
        {
            final int command = i - accounts.length;
            if (command % CommandStream.BATCH == 0)
            {
                loadBatch(command);
            }
            times[i] = batch[command % CommandStream.BATCH].timestamp;
        }
        // The deposits come at the first command's time.
        loadBatch(0);
        Arrays.fill(times, 0, accounts.length, batch[0].timestamp);
    }

    /** Inputs this source gives: deposits plus commands. */
    int inputs()
    {
        return times.length;
    }

    /** Fills {@code slot} with the next input (producer thread). */
    void next(final InputCommand slot)
    {
        final int n = issued++;
        if (n < accounts.length)
        {
            slot.deposit(accounts[n], DEPOSIT, n + 1);
            return;
        }
        final int command = n - accounts.length;
        if (command % CommandStream.BATCH == 0)
        {
            loadBatch(command);
        }
        slot.command.copyFrom(batch[command % CommandStream.BATCH]);
        slot.engineCommand();
    }

    /** The time of the input being stamped (logic thread). */
    @Override
    public long now()
    {
        return times[Math.min(stamped++, times.length - 1)];
    }

    private void loadBatch(final int firstCommand)
    {
        final int batchNumber = firstCommand / CommandStream.BATCH;
        stream.load(batchNumber % stream.batches(), batchNumber / stream.batches(), batch);
    }
}
