package com.offpeak.pipeline;

/**
 * Gives every input its pipeline sequence number and time, on the logic thread just before the
 * input is applied. Producers may race for ring slots, but that one thread sees them in ring
 * order, so sequence and time are stamped in the same order and time never goes backwards, even if
 * the wall clock does. (Not a stage of its own: on two cores a thread hop costs more than the
 * stamp, and the input journal is written after the logic stage, so it sees the stamps.)
 */
final class Sequencer
{
    private final PipelineClock clock;
    private long nextSequence;
    private long lastTime;

    Sequencer(final PipelineClock clock, final long lastSequence, final long lastTime)
    {
        this.clock = clock;
        this.nextSequence = lastSequence + 1;
        this.lastTime = lastTime;
    }

    void stamp(final InputCommand input)
    {
        final long time = Math.max(lastTime, clock.now());
        lastTime = time;
        input.sequence = nextSequence++;
        input.command.timestamp = time;
    }
}
