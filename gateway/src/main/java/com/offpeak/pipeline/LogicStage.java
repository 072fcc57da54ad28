package com.offpeak.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.offpeak.journal.InputJournal;
import com.offpeak.journal.OutputEncoder;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.agrona.ExpandableArrayBuffer;

/**
 * The business logic thread: stamps each input's sequence and time ({@link Sequencer}), applies
 * it to the state machine, leaving its encoded output in the slot, and serializes the state into
 * the slot on a SNAPSHOT input (a snapshot on request; the periodic ones are the
 * {@link SnapshotReplica}'s, so the engine never stops for them). Writing the file is left to the
 * publisher so this thread only pays for the in-memory copy. On a thread of its own it releases
 * each batch to the publisher ({@code release}); run by {@link SerialStages} it has no release of
 * its own (null).
 */
final class LogicStage implements EventHandler<RingSlot>
{
    private static final int INITIAL_OUTPUT_CAPACITY = 512;

    private final Sequencer sequencer;
    private final BusinessLogic logic;
    private final OutputEncoder encoder = new OutputEncoder();
    /**
     * Where outputs are encoded. Publish stage on this thread: one arena, each input's output right
     * after the previous one's until the chunk is published ({@link #chunkPublished}) — sequential
     * writes to a few tens of KB that stay in cache. Publish stage on a thread of its own: a buffer
     * per ring slot, since this stage may run a whole ring ahead of it. Each grows to the largest
     * output it held, then is reused.
     */
    private final ExpandableArrayBuffer[] outputs;
    private final int outputMask;
    private final boolean arena;
    private int arenaPosition;
    private final BatchRelease release;

    /**
     * With a {@code release}, this stage has a thread of its own and hands each batch on to the
     * publish stage through it, and {@code ringSize} buffers hold the outputs in flight; without one
     * (null), {@link SerialStages} runs the publish stage after it, and one arena holds a chunk's outputs.
     */
    LogicStage(final Sequencer sequencer, final BusinessLogic logic, final BatchRelease release, final int ringSize)
    {
        arena = release == null;
        final int buffers = arena ? 1 : ringSize;
        outputs = new ExpandableArrayBuffer[buffers];
        for (int i = 0; i < buffers; i++)
        {
            outputs[i] = new ExpandableArrayBuffer(arena ? INITIAL_OUTPUT_CAPACITY * InputJournal.MAX_RECORDS_PER_DOCUMENT :
                INITIAL_OUTPUT_CAPACITY);
        }
        outputMask = buffers - 1;
        this.sequencer = sequencer;
        this.logic = logic;
        this.release = release;
    }

    @Override
    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        final InputCommand input = slot.input;
        sequencer.stamp(input);
        final ExpandableArrayBuffer buffer = outputs[(int)ringSequence & outputMask];
        final int offset = arena ? arenaPosition : 0;
        encoder.wrap(buffer, offset);
        logic.apply(input, encoder);
        final int length = encoder.length();
        // A view of the array as it is now: should a later output grow the arena, this one keeps its bytes.
        slot.output.wrap(buffer.byteArray(), offset, length);
        slot.outputLength = length;
        if (arena)
        {
            arenaPosition += length;
        }
        if (input.type == InputType.SNAPSHOT)
        {
            slot.snapshot = serialize(logic.stateMachine());
        }
        if (endOfBatch && release != null)
        {
            release.release(ringSequence);
        }
    }

    /** The publish stage has published every output in the arena: the next input's output starts it again. */
    void chunkPublished()
    {
        arenaPosition = 0;
    }

    @Override
    public void setSequenceCallback(final Sequence sequence)
    {
        if (release != null)
        {
            release.bind(sequence);
        }
    }

    static byte[] serialize(final StateMachine stateMachine)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            stateMachine.writeSnapshot(out);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot serialize the state for a snapshot", e);
        }
        return bytes.toByteArray();
    }
}
