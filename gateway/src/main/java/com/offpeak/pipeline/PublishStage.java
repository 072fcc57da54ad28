package com.offpeak.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.offpeak.journal.InputJournal;
import com.offpeak.journal.OutputJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last stage, after the logic stage: makes a batch durable, then public. It appends each input to
 * the input journal and, at the end of the batch, commits it (msync under SYNC durability: one per
 * batch, group commit); only then does it go over the batch again and, per input, write its output
 * to the output journal, hand it to the subscribers, write a due snapshot file and acknowledge the
 * producer. So an acknowledged input is durable under the configured mode, and nothing is
 * published that a crash could take back.
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
    private long batchStart = -1;

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
        if (batchStart < 0)
        {
            batchStart = ringSequence;
        }
        slot.journalIndex = inputJournal.append(slot.input);
        if (endOfBatch)
        {
            inputJournal.commit();
            // The whole batch is still this stage's: the Disruptor frees the slots only after the last one returns.
            for (long sequence = batchStart; sequence <= ringSequence; sequence++)
            {
                publish(ring.get(sequence));
            }
            batchStart = -1;
            // Frees the batch's slots at once and wakes producers waiting for one.
            release.release(ringSequence);
        }
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

    private void publish(final RingSlot slot)
    {
        final InputCommand input = slot.input;
        final int length = slot.outputLength;
        if (length > 0)
        {
            outputJournal.append(input.sequence, input.timestamp(), slot.output, length);
            for (final OutputSubscriber subscriber : subscribers)
            {
                try
                {
                    subscriber.onOutput(input.sequence, input.timestamp(), slot.output, length);
                }
                catch (final RuntimeException e)
                {
                    // One broken subscriber must not stop the exchange or starve the others.
                    LOG.error("subscriber {} failed on sequence {}", subscriber, input.sequence, e);
                }
            }
        }
        if (slot.snapshot != null)
        {
            snapshots.write(input.sequence, slot.journalIndex, input.timestamp(), slot.snapshot);
            slot.snapshot = null;
        }
        final Acknowledger acknowledger = slot.acknowledger;
        if (acknowledger != null)
        {
            slot.acknowledger = null;
            acknowledger.acknowledged(slot.correlationId, input.sequence, slot.output, length);
        }
    }
}
