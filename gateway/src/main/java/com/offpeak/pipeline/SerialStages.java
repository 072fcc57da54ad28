package com.offpeak.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

/**
 * The logic stage and then the publish stage on one thread, input by input: the default on a
 * two-core machine. There the producers (the gateway's event loops) need the other core, and two
 * stage threads would hand every batch from one core to the other — a wake-up and the slots'
 * cache lines each time — and take turns with the producers instead of running in parallel. One
 * thread still acknowledges nothing before its input is journaled: the publish stage commits each
 * batch (or chunk) before it publishes any of it.
 */
final class SerialStages implements EventHandler<RingSlot>
{
    private final LogicStage logic;
    private final PublishStage publisher;

    SerialStages(final LogicStage logic, final PublishStage publisher)
    {
        this.logic = logic;
        this.publisher = publisher;
    }

    @Override
    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        logic.onEvent(slot, ringSequence, endOfBatch);
        if (publisher.add(slot, ringSequence, endOfBatch))
        {
            logic.chunkPublished();
        }
    }

    @Override
    public void setSequenceCallback(final Sequence sequence)
    {
        publisher.setSequenceCallback(sequence);
    }
}
