package com.offpeak.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

/**
 * First stage: gives every input its pipeline sequence number and time. Producers may race for
 * ring slots, but this single thread sees them in ring order, so sequence and time are stamped in
 * the same order and time never goes backwards, even if the wall clock does.
 */
final class SequencerStage implements EventHandler<RingSlot>
{
    private final PipelineClock clock;
    private final BatchRelease release;
    private long nextSequence;
    private long lastTime;

    SequencerStage(final PipelineClock clock, final long lastSequence, final long lastTime, final BatchRelease release)
    {
        this.clock = clock;
        this.release = release;
        this.nextSequence = lastSequence + 1;
        this.lastTime = lastTime;
    }

    @Override
    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        final long time = Math.max(lastTime, clock.now());
        lastTime = time;
        slot.input.sequence = nextSequence++;
        slot.input.command.timestamp = time;
        if (endOfBatch)
        {
            release.release(ringSequence);
        }
    }

    @Override
    public void setSequenceCallback(final Sequence sequence)
    {
        release.bind(sequence);
    }
}
