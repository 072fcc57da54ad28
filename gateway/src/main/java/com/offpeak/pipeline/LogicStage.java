package com.offpeak.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.offpeak.journal.OutputEncoder;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.agrona.ExpandableArrayBuffer;

/**
 * The business logic thread: stamps each input's sequence and time ({@link Sequencer}), applies
 * it to the state machine, leaving its encoded output
 * in the slot, and serializes the state into the slot when a snapshot is due (on a SNAPSHOT input
 * and every {@code snapshotEvery} inputs). Writing the file is left to the publisher so this
 * thread only pays for the in-memory copy. On a thread of its own it releases each batch to the
 * publisher ({@code release}); run by {@link SerialStages} it has no release of its own (null).
 */
final class LogicStage implements EventHandler<RingSlot>
{
    private final Sequencer sequencer;
    private final BusinessLogic logic;
    private static final int INITIAL_OUTPUT_CAPACITY = 512;

    private final OutputEncoder encoder = new OutputEncoder();
    /**
     * Output buffers by ring sequence: as many as inputs may wait for the publish stage at once, and
     * no more, so that they stay in cache (each grows to the largest output it held, then is reused).
     */
    private final ExpandableArrayBuffer[] outputs;
    private final int outputMask;
    private final long snapshotEvery;
    private final BatchRelease release;

    /**
     * {@code inFlight} (a power of two): how many inputs may be between this stage and the end of the
     * publish stage — the ring's size when the publisher has a thread of its own, one chunk when it
     * runs right after this stage on the same thread.
     */
    LogicStage(final Sequencer sequencer, final BusinessLogic logic, final long snapshotEvery, final BatchRelease release,
        final int inFlight)
    {
        outputs = new ExpandableArrayBuffer[inFlight];
        for (int i = 0; i < inFlight; i++)
        {
            outputs[i] = new ExpandableArrayBuffer(INITIAL_OUTPUT_CAPACITY);
        }
        outputMask = inFlight - 1;
        this.sequencer = sequencer;
        this.logic = logic;
        this.snapshotEvery = snapshotEvery;
        this.release = release;
    }

    @Override
    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        final InputCommand input = slot.input;
        sequencer.stamp(input);
        slot.output = outputs[(int)ringSequence & outputMask];
        encoder.wrap(slot.output);
        logic.apply(input, encoder);
        slot.outputLength = encoder.length();
        if (input.type == InputType.SNAPSHOT || (snapshotEvery > 0 && input.sequence % snapshotEvery == 0))
        {
            slot.snapshot = serialize(logic.stateMachine());
        }
        if (endOfBatch && release != null)
        {
            release.release(ringSequence);
        }
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
