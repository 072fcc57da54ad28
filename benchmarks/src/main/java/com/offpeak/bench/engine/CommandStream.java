package com.offpeak.bench.engine;

import com.offpeak.engine.Command;
import com.offpeak.engine.CommandType;
import com.offpeak.engine.TimeInForce;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A pre-generated, replayable command stream: the benchmark applies it batch by batch and never
 * runs the generator while it measures.
 *
 * <p>Each cycle starts on an empty engine and ends with a drain (cancel-all of every account, then
 * a tick past the last timer) that empties it again. The engine is deterministic and numbers its
 * orders from a counter, so replaying the same commands shifted by the cycle's time span and by
 * its number of orders reproduces the cycle exactly: {@link #load} shifts each batch as it hands it
 * out, and one engine runs any number of cycles (a new engine per cycle would allocate).
 */
public final class CommandStream
{
    /**
     * Commands applied per benchmark invocation; a stream is a whole number of batches. Small
     * enough (about 0.5 MB of commands) to stay in cache between loading and applying.
     */
    public static final int BATCH = 5_000;

    private final Command[] commands;
    private final long[] skipsPerBatch;
    private final long ordersPerCycle;
    private final long cycleMillis;
    private final long eventsPerCycle;
    private final String description;

    CommandStream(final Command[] commands, final long[] skipsPerBatch, final long ordersPerCycle, final long cycleMillis,
        final long eventsPerCycle, final String description)
    {
        if (commands.length % BATCH != 0 || skipsPerBatch.length != commands.length / BATCH)
        {
            throw new IllegalArgumentException("a stream is a whole number of batches of " + BATCH);
        }
        this.commands = commands;
        this.skipsPerBatch = skipsPerBatch;
        this.ordersPerCycle = ordersPerCycle;
        this.cycleMillis = cycleMillis;
        this.eventsPerCycle = eventsPerCycle;
        this.description = description;
    }

    public int batches()
    {
        return skipsPerBatch.length;
    }

    /** Resting orders skipped by walks during batch {@code batch} (the same in every cycle). */
    long skipsInBatch(final int batch)
    {
        return skipsPerBatch[batch];
    }

    /** Orders the engine accepts in one cycle: the shift of every order id in the next one. */
    public long ordersPerCycle()
    {
        return ordersPerCycle;
    }

    /** Events the engine emits in one cycle; the stream itself causes no rejection. */
    long eventsPerCycle()
    {
        return eventsPerCycle;
    }

    /** Workload statistics measured while generating, for the benchmark log. */
    public String description()
    {
        return description;
    }

    /**
     * Copies batch {@code batch} into {@code slots}, shifted to cycle {@code cycle} (0 = as
     * generated): later by {@code cycle} spans, order ids past {@code cycle} cycles' orders.
     */
    public void load(final int batch, final long cycle, final Command[] slots)
    {
        final long millis = cycle * cycleMillis;
        final long orderIds = cycle * ordersPerCycle;
        final int first = batch * BATCH;
        for (int i = 0; i < BATCH; i++)
        {
            final Command command = slots[i].copyFrom(commands[first + i]);
            command.timestamp += millis;
            switch (command.type)
            {
                case PLACE_ASK -> command.availableUntil += millis;
                case PLACE_BID ->
                {
                    if (command.timeInForce == TimeInForce.GTD)
                    {
                        command.deadline += millis;
                    }
                }
                case CANCEL, AMEND -> command.orderId += orderIds;
                case CANCEL_ALL, TIMER_TICK ->
                {
                    // Nothing else refers to time or to an order.
                }
            }
        }
    }

    /** Writes the stream in a private binary form, for {@link #readFrom}. */
    void writeTo(final DataOutput out) throws IOException
    {
        out.writeUTF(description);
        out.writeLong(ordersPerCycle);
        out.writeLong(cycleMillis);
        out.writeLong(eventsPerCycle);
        out.writeInt(commands.length);
        for (final Command command : commands)
        {
            out.writeByte(command.type.ordinal());
            out.writeLong(command.timestamp);
            out.writeLong(command.account);
            out.writeLong(command.clientOrderId);
            out.writeLong(command.orderId);
            out.writeInt(command.instrument);
            out.writeInt(command.gpus);
            out.writeInt(command.durationMinutes);
            out.writeLong(command.price);
            out.writeLong(command.availableUntil);
            out.writeInt(command.minBlock);
            out.writeByte(command.timeInForce == null ? -1 : command.timeInForce.ordinal());
            out.writeLong(command.deadline);
            out.writeBoolean(command.contiguous);
            out.writeBoolean(command.postOnly);
            out.writeBoolean(command.preemptible);
        }
        for (final long skips : skipsPerBatch)
        {
            out.writeLong(skips);
        }
    }

    static CommandStream readFrom(final DataInput in) throws IOException
    {
        final String description = in.readUTF();
        final long ordersPerCycle = in.readLong();
        final long cycleMillis = in.readLong();
        final long eventsPerCycle = in.readLong();
        final Command[] commands = new Command[in.readInt()];
        final CommandType[] types = CommandType.values();
        final TimeInForce[] timesInForce = TimeInForce.values();
        for (int i = 0; i < commands.length; i++)
        {
            final Command command = new Command();
            command.type = types[in.readByte()];
            command.timestamp = in.readLong();
            command.account = in.readLong();
            command.clientOrderId = in.readLong();
            command.orderId = in.readLong();
            command.instrument = in.readInt();
            command.gpus = in.readInt();
            command.durationMinutes = in.readInt();
            command.price = in.readLong();
            command.availableUntil = in.readLong();
            command.minBlock = in.readInt();
            final byte timeInForce = in.readByte();
            command.timeInForce = timeInForce < 0 ? null : timesInForce[timeInForce];
            command.deadline = in.readLong();
            command.contiguous = in.readBoolean();
            command.postOnly = in.readBoolean();
            command.preemptible = in.readBoolean();
            commands[i] = command;
        }
        final long[] skipsPerBatch = new long[commands.length / BATCH];
        for (int i = 0; i < skipsPerBatch.length; i++)
        {
            skipsPerBatch[i] = in.readLong();
        }
        return new CommandStream(commands, skipsPerBatch, ordersPerCycle, cycleMillis, eventsPerCycle, description);
    }
}
