package com.offpeak.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.offpeak.journal.InputJournal;
import com.offpeak.journal.OutputJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last stage, after the logic stage: makes a batch durable, then public. It adds each input to the
 * input journal's pending document and its output to the output journal's pending batch; at the
 * end of the ring batch (or of a chunk of {@link InputJournal#MAX_RECORDS_PER_DOCUMENT} inputs) it
 * commits the input document (msync under SYNC durability: group commit), then the output batch,
 * and only then goes over the chunk again and, per input, hands its output to the subscribers,
 * writes a due snapshot file and acknowledges the producer. So an acknowledged input is durable
 * under the configured mode, subscribers never see output the output journal does not hold yet,
 * and nothing is published that a crash could take back.
 *
 * <p>The input journal is written here rather than on a thread of its own next to the logic stage:
 * on two cores the hop costs more than the append, and the logic stage has stamped the input by now.
 */
final class PublishStage implements EventHandler<RingSlot>
{
    private static final Logger LOG = LoggerFactory.getLogger(PublishStage.class);

    private final RingBuffer<RingSlot> ring;
    private final InputJournal inputJournal;
    private final OutputJournal outputJournal;
    private final OutputSubscriber[] subscribers;
    private final SnapshotStore snapshots;
    private final BatchRelease release;
    private long chunkStart = -1;

    PublishStage(final RingBuffer<RingSlot> ring, final InputJournal inputJournal, final OutputJournal outputJournal,
        final OutputSubscriber[] subscribers, final SnapshotStore snapshots, final BatchRelease release)
    {
        this.release = release;
        this.ring = ring;
        this.inputJournal = inputJournal;
        this.outputJournal = outputJournal;
        this.subscribers = subscribers;
        this.snapshots = snapshots;
    }

    @Override
    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        add(slot, ringSequence, endOfBatch);
    }

    /** {@link #onEvent}; true if this input closed a chunk, which is now published and released. */
    boolean add(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        if (chunkStart < 0)
        {
            chunkStart = ringSequence;
        }
        inputJournal.add(slot.input);
        outputJournal.add(slot.input.sequence, slot.input.timestamp(), slot.output, slot.outputLength);
        // A long batch goes out in chunks of one journal document: the first input's acknowledgement
        // does not wait for tens of thousands behind it, and a document stays small.
        if (endOfBatch || inputJournal.isFull())
        {
            final long journalIndex = inputJournal.commit();
            // After its input: output is derived, so a crash between the two loses nothing replay cannot rebuild.
            outputJournal.commit();
            // The chunk's slots are still this stage's: producers reuse them only after the release below.
            for (long sequence = chunkStart; sequence <= ringSequence; sequence++)
            {
                publish(ring.get(sequence), journalIndex);
            }
            chunkStart = -1;
            // Frees the chunk's slots at once and wakes producers waiting for one.
            release.release(ringSequence);
            return true;
        }
        return false;
    }

    @Override
    public void setSequenceCallback(final Sequence sequence)
    {
        release.bind(sequence);
    }

    /** This stage's sequence: the last slot it finished, the one producers wait on when the ring is full. */
    Sequence sequence()
    {
        return release.sequence();
    }

    private void publish(final RingSlot slot, final long journalIndex)
    {
        final InputCommand input = slot.input;
        // Every input, an empty timer tick too: its time is how subscribers see engine time pass
        // (heartbeats, utilisation's minutes) on an exchange where nothing else happens.
        for (final OutputSubscriber subscriber : subscribers)
        {
            try
            {
                subscriber.onOutput(input.sequence, input.timestamp(), slot.output, slot.outputLength);
            }
            catch (final RuntimeException e)
            {
                // One broken subscriber must not stop the exchange or starve the others.
                LOG.error("subscriber {} failed on sequence {}", subscriber, input.sequence, e);
            }
        }
        if (slot.snapshot != null)
        {
            snapshots.write(input.sequence, journalIndex, input.timestamp(), slot.snapshot);
            slot.snapshot = null;
        }
        final Acknowledger acknowledger = slot.acknowledger;
        if (acknowledger != null)
        {
            slot.acknowledger = null;
            acknowledger.acknowledged(slot.correlationId, input.sequence, slot.output, slot.outputLength);
        }
    }
}
