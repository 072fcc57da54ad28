package com.offpeak.engine.order;

import com.offpeak.engine.Command;

/**
 * The fields of recorded place commands that most never carry: an order id, the auction interval
 * (both meaningless on a place, but compared, since a retry must be identical) and a substitutes
 * bid's alternatives. Kept apart so that the common record stays narrow, in a circular buffer of
 * its own: entries are appended in the order of the records that own them and so expire in that
 * order too. Entry {@code e} is at position {@code e & mask}; a record keeps the low 32 bits of its
 * entry's number, enough while the buffer has at most 2^31 entries.
 */
final class RequestExtras
{
    /** The substitutes arrays are {@code MAX_SUBSTITUTES} times longer and must fit in an array. */
    private static final int MAX_CAPACITY = 1 << 29;
    private static final int N = Command.MAX_SUBSTITUTES;

    private long oldest;
    private long end;
    private int mask;
    private long[] orderId;
    private int[] auctionIntervalSeconds;
    private int[] substituteCount;
    /** Substitute {@code i} of entry position {@code p} at {@code p * MAX_SUBSTITUTES + i}. */
    private int[] substituteInstrument;
    private int[] substituteGpus;
    private int[] substituteDuration;
    private long[] substitutePrice;

    RequestExtras(final int capacity)
    {
        allocate(capacity);
    }

    /** True when {@code command} has a field kept here. */
    static boolean needed(final Command command)
    {
        return command.orderId != 0 || command.auctionIntervalSeconds != 0 || command.substituteCount != 0;
    }

    /** Appends {@code command}'s fields; returns the entry's number. */
    long append(final Command command)
    {
        if (end - oldest == mask + 1)
        {
            grow();
        }
        final int p = (int)end & mask;
        orderId[p] = command.orderId;
        auctionIntervalSeconds[p] = command.auctionIntervalSeconds;
        // A rejected command keeps whatever count it carried, a negative one included; only the
        // alternatives that exist are stored and compared.
        substituteCount[p] = command.substituteCount;
        for (int i = 0; i < N; i++)
        {
            final boolean given = i < command.substituteCount;
            substituteInstrument[p * N + i] = given ? command.substituteInstrument[i] : 0;
            substituteGpus[p * N + i] = given ? command.substituteGpus[i] : 0;
            substituteDuration[p * N + i] = given ? command.substituteDuration[i] : 0;
            substitutePrice[p * N + i] = given ? command.substitutePrice[i] : 0;
        }
        return end++;
    }

    /** Sets {@code into}'s fields kept here (the others are the caller's). */
    void read(final int entry, final Command into)
    {
        final int p = entry & mask;
        into.orderId = orderId[p];
        into.auctionIntervalSeconds = auctionIntervalSeconds[p];
        into.substituteCount = substituteCount[p];
        for (int i = 0; i < N; i++)
        {
            into.substituteInstrument[i] = substituteInstrument[p * N + i];
            into.substituteGpus[i] = substituteGpus[p * N + i];
            into.substituteDuration[i] = substituteDuration[p * N + i];
            into.substitutePrice[i] = substitutePrice[p * N + i];
        }
    }

    /** The oldest entry's record expired. */
    void dropOldest()
    {
        oldest++;
    }

    private void grow()
    {
        final int capacity = mask + 1;
        if (capacity == MAX_CAPACITY)
        {
            throw new IllegalStateException("more than " + MAX_CAPACITY + " unusual place commands within the retention window");
        }
        final long[] orderId = this.orderId;
        final int[] auctionIntervalSeconds = this.auctionIntervalSeconds;
        final int[] substituteCount = this.substituteCount;
        final int[] substituteInstrument = this.substituteInstrument;
        final int[] substituteGpus = this.substituteGpus;
        final int[] substituteDuration = this.substituteDuration;
        final long[] substitutePrice = this.substitutePrice;
        allocate(2 * capacity);
        ClientOrderIds.regrow(orderId, this.orderId, capacity, oldest, end);
        ClientOrderIds.regrow(auctionIntervalSeconds, this.auctionIntervalSeconds, capacity, oldest, end);
        ClientOrderIds.regrow(substituteCount, this.substituteCount, capacity, oldest, end);
        // The substitutes arrays are rings of N-wide entries: the same copy, counted in single substitutes.
        ClientOrderIds.regrow(substituteInstrument, this.substituteInstrument, N * capacity, N * oldest, N * end);
        ClientOrderIds.regrow(substituteGpus, this.substituteGpus, N * capacity, N * oldest, N * end);
        ClientOrderIds.regrow(substituteDuration, this.substituteDuration, N * capacity, N * oldest, N * end);
        ClientOrderIds.regrow(substitutePrice, this.substitutePrice, N * capacity, N * oldest, N * end);
    }

    private void allocate(final int capacity)
    {
        mask = capacity - 1;
        orderId = new long[capacity];
        auctionIntervalSeconds = new int[capacity];
        substituteCount = new int[capacity];
        substituteInstrument = new int[N * capacity];
        substituteGpus = new int[N * capacity];
        substituteDuration = new int[N * capacity];
        substitutePrice = new long[N * capacity];
    }
}
