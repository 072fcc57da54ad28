package com.offpeak.engine.auction;

import java.util.Arrays;

/**
 * The market mode each instrument starts in: 0 = continuous matching, N = a call auction clearing
 * every N seconds of engine time. Part of the engine's configuration (a replay must start the same
 * way); instruments not named are continuous. Immutable.
 */
public final class AuctionIntervals
{
    /** Longest clearing interval accepted: one day. */
    public static final int MAX_SECONDS = 86_400;
    public static final AuctionIntervals ALL_CONTINUOUS = new AuctionIntervals(new int[0]);

    private final int[] secondsByInstrument;

    private AuctionIntervals(final int[] secondsByInstrument)
    {
        this.secondsByInstrument = secondsByInstrument;
    }

    /** A copy in which {@code instrument} starts in auction mode clearing every {@code seconds} (0: continuous). */
    public AuctionIntervals with(final int instrument, final int seconds)
    {
        if (instrument < 0 || !isValid(seconds))
        {
            throw new IllegalArgumentException("instrument must be >= 0 and seconds in 0.." + MAX_SECONDS);
        }
        final int[] copy = Arrays.copyOf(secondsByInstrument, Math.max(secondsByInstrument.length, instrument + 1));
        copy[instrument] = seconds;
        return new AuctionIntervals(copy);
    }

    public int secondsFor(final int instrument)
    {
        return instrument < secondsByInstrument.length ? secondsByInstrument[instrument] : 0;
    }

    public static boolean isValid(final long seconds)
    {
        return seconds >= 0 && seconds <= MAX_SECONDS;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof AuctionIntervals that && Arrays.equals(trimmed(), that.trimmed());
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(trimmed());
    }

    @Override
    public String toString()
    {
        return "AuctionIntervals" + Arrays.toString(secondsByInstrument);
    }

    private int[] trimmed()
    {
        int length = secondsByInstrument.length;
        while (length > 0 && secondsByInstrument[length - 1] == 0)
        {
            length--;
        }
        return Arrays.copyOf(secondsByInstrument, length);
    }
}
