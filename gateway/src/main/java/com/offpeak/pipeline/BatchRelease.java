package com.offpeak.pipeline;

import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;

/**
 * Lets a stage hand its finished batch to the stages after it at once and wake them: it publishes
 * the stage's sequence itself (the Disruptor would do the same a moment later) and signals the
 * wait strategy, which {@link StageBlockingWaitStrategy} needs to unblock downstream stages.
 */
final class BatchRelease
{
    private final WaitStrategy waitStrategy;
    private Sequence sequence;

    BatchRelease(final WaitStrategy waitStrategy)
    {
        this.waitStrategy = waitStrategy;
    }

    /** Called once by the Disruptor before the stage starts. */
    void bind(final Sequence stageSequence)
    {
        sequence = stageSequence;
    }

    /** The stage's sequence, for waiting on it; null until {@link #bind}. */
    Sequence sequence()
    {
        return sequence;
    }

    /** Everything up to {@code ringSequence} is done; call only at the end of a batch, after the batch's last side effect. */
    void release(final long ringSequence)
    {
        sequence.setVolatile(ringSequence);
        waitStrategy.signalAllWhenBlocking();
    }
}
