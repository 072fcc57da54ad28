package com.offpeak.engine;

/**
 * How long a bid may wait. Urgent work uses {@link #IOC} or {@link #FOK} (now or never);
 * deferrable work uses {@link #GTD} with a deadline by which the lease must have ended.
 */
public enum TimeInForce
{
    /** Good till cancelled. */
    GTC,
    /** Good till deadline: rests while a lease could still end by the deadline, then expires. */
    GTD,
    /** Immediate or cancel: fills what it can now, the remainder is cancelled. */
    IOC,
    /** Fill or kill: fills completely now, or is rejected with nothing done. */
    FOK;

    public boolean isImmediate()
    {
        return this == IOC || this == FOK;
    }
}
