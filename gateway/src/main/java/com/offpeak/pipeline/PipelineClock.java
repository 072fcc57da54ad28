package com.offpeak.pipeline;

/**
 * The wall clock the sequencer stamps commands with, optionally accelerated for the demo. Only the
 * sequencer reads it; everything after reads the stamped, journaled time.
 */
@FunctionalInterface
public interface PipelineClock
{
    PipelineClock SYSTEM = System::currentTimeMillis;

    long now();

    /**
     * Real time at {@code speed} 1; otherwise engine time runs {@code speed} times faster than the
     * wall clock, starting from {@code resumeFrom} (the journal's last time after a restart), or from
     * now for a new journal.
     */
    static PipelineClock accelerated(final double speed, final long resumeFrom)
    {
        if (!(speed >= 1.0) || Double.isInfinite(speed))
        {
            throw new IllegalArgumentException("clock speed must be a finite number >= 1, was " + speed);
        }
        if (speed == 1.0)
        {
            return SYSTEM;
        }
        final long wallOrigin = System.currentTimeMillis();
        final long engineOrigin = Math.max(resumeFrom, wallOrigin);
        return () -> engineOrigin + (long)((System.currentTimeMillis() - wallOrigin) * speed);
    }
}
