package com.offpeak.ledger.journal;

import org.agrona.collections.Long2LongHashMap;

/** Running sums by id (balances by account, holds by order, escrow by lease) for the journal readers. */
final class Tally
{
    // Agrona maps cannot store their missing value; no honest sum reaches Long.MIN_VALUE (add refuses it).
    private static final long ABSENT = Long.MIN_VALUE;

    private final Long2LongHashMap sums = new Long2LongHashMap(ABSENT);

    long get(final long id)
    {
        final long sum = sums.get(id);
        return sum == ABSENT ? 0 : sum;
    }

    /** Adds {@code delta} to the sum of {@code id}; returns false, changing nothing, if the sum would leave the long range. */
    boolean add(final long id, final long delta)
    {
        final long current = get(id);
        final long sum = current + delta;
        if (((current ^ sum) & (delta ^ sum)) < 0 || sum == ABSENT)
        {
            return false;
        }
        sums.put(id, sum);
        return true;
    }
}
