package com.offpeak.pipeline;

import org.agrona.ExpandableArrayBuffer;

/**
 * One preallocated entry of the ring: the input, plus what each stage leaves for the next. Each
 * field has exactly one writing stage; the Disruptor's sequence barriers order the hand-overs.
 */
final class RingSlot
{
    private static final int INITIAL_OUTPUT_CAPACITY = 512;

    /** Written by the producer, then stamped by the logic stage ({@link Sequencer}). */
    final InputCommand input = new InputCommand();
    /** Written by the producer; cleared by the publisher after acknowledging. */
    Acknowledger acknowledger;
    long correlationId;
    /** Written by the logic stage: grows to the largest output seen, then is reused. */
    final ExpandableArrayBuffer output = new ExpandableArrayBuffer(INITIAL_OUTPUT_CAPACITY);
    int outputLength;
    /** Written by the logic stage when a snapshot is due: the state machine's serialized state. */
    byte[] snapshot;
}
