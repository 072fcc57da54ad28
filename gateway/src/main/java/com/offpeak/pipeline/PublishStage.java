package com.offpeak.pipeline;

import com.lmax.disruptor.EventHandler;
import com.offpeak.journal.OutputJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last stage, after both the journal and the logic stage are done with a slot: writes the
 * command's output to the output journal, hands it to the subscribers, writes a due snapshot file,
 * and only then acknowledges the producer. By the time this stage sees a slot, the journal stage
 * has committed the slot's whole batch, so an acknowledged input is durable under the configured
 * mode.
 */
final class PublishStage implements EventHandler<RingSlot>
{
    private static final Logger LOG = LoggerFactory.getLogger(PublishStage.class);

    private final OutputJournal outputJournal;
    private final OutputSubscriber[] subscribers;
    private final SnapshotStore snapshots;

    PublishStage(final OutputJournal outputJournal, final OutputSubscriber[] subscribers, final SnapshotStore snapshots)
    {
        this.outputJournal = outputJournal;
        this.subscribers = subscribers;
        this.snapshots = snapshots;
    }

    @Override
    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
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
