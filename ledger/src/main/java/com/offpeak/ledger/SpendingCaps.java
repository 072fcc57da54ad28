package com.offpeak.ledger;

import com.offpeak.ledger.transfer.TransferChecksum;

import java.util.Arrays;

/**
 * Optional per-participant spending caps (MARKET.md): a participant's exposure — Σ(limit × GPUs)
 * over its open bids plus Σ(price × GPUs) over its running leases, in micro-USD per hour — may not
 * exceed its cap when a bid is placed or grows by amend. Fills and ends only lower exposure, so a
 * lowered cap never undoes what is already open. Indexed by participant index (the order in which
 * participants first appeared); a participant without a cap has {@link #NO_CAP}.
 */
final class SpendingCaps
{
    static final long NO_CAP = Long.MAX_VALUE;

    private long[] caps = new long[0];
    private long[] exposures = new long[0];

    long cap(final int participantIndex)
    {
        return participantIndex < caps.length ? caps[participantIndex] : NO_CAP;
    }

    long exposure(final int participantIndex)
    {
        return participantIndex < exposures.length ? exposures[participantIndex] : 0;
    }

    /** Whether {@code increase} more exposure stays within the cap (and within a long, even without a cap). */
    boolean allows(final int participantIndex, final long increase)
    {
        return increase <= cap(participantIndex) - exposure(participantIndex);
    }

    void setCap(final int participantIndex, final long cap)
    {
        ensure(participantIndex);
        caps[participantIndex] = cap;
    }

    void addExposure(final int participantIndex, final long delta)
    {
        ensure(participantIndex);
        exposures[participantIndex] += delta;
    }

    private void ensure(final int participantIndex)
    {
        if (participantIndex >= caps.length)
        {
            final int oldLength = caps.length;
            final int length = Math.max(64, Math.max(participantIndex + 1, oldLength * 2));
            caps = Arrays.copyOf(caps, length);
            exposures = Arrays.copyOf(exposures, length);
            Arrays.fill(caps, oldLength, length, NO_CAP);
        }
    }

    long hash(final long seed, final int participants)
    {
        long hash = seed;
        for (int index = 0; index < participants; index++)
        {
            hash = TransferChecksum.fold(hash, cap(index));
            hash = TransferChecksum.fold(hash, exposure(index));
        }
        return hash;
    }
}
