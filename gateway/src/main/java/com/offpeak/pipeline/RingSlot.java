package com.offpeak.pipeline;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One preallocated entry of the ring: the input, plus what each stage leaves for the next. Each
 * field has exactly one writing stage; the Disruptor's sequence barriers order the hand-overs.
 */
final class RingSlot
{
    /** Written by the producer, then stamped by the logic stage ({@link Sequencer}). */
    final InputCommand input = new InputCommand();
    /** Written by the producer; cleared by the publisher after acknowledging. */
    Acknowledger acknowledger;
    long correlationId;
    /** Written by the logic stage: a view of the output it encoded into one of its buffers. */
    final UnsafeBuffer output = new UnsafeBuffer(new byte[0]);
    int outputLength;
    /** Written by the logic stage when a snapshot is due: the state machine's serialized state. */
    byte[] snapshot;
}
