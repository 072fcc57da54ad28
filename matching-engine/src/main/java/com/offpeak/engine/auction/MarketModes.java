package com.offpeak.engine.auction;

import com.offpeak.engine.timer.TimerQueue;

/**
 * Each instrument's market mode and its clearing schedule, as parallel primitive arrays indexed by
 * instrument: the interval in force (0 = continuous), the interval last asked for (different while
 * a switch waits for its boundary), and the boundary at which an
 * {@link TimerQueue#AUCTION_BOUNDARY} timer is armed (0 = none).
 *
 * <p>A clear is armed only when the auction book changes: with no change since the last clear,
 * nothing new can cross (windows and deadlines only shrink), so an idle auction costs no timers
 * however long the engine runs. The indicative flag marks books whose indicative price must be
 * republished at the end of the current command.
 */
public final class MarketModes
{
    private static final long MILLIS_PER_SECOND = 1_000L;

    private final long[] intervalMillis;
    private final long[] requestedMillis;
    private final long[] armedAt;
    /** The queue handle of each armed boundary timer, so re-arming or disarming removes it. */
    private final int[] armedTimer;
    private final boolean[] indicativeDue;
    private final TimerQueue timers;
    private int indicativesDue;

    public MarketModes(final int instruments, final AuctionIntervals defaults, final TimerQueue timers)
    {
        this.intervalMillis = new long[instruments];
        this.requestedMillis = new long[instruments];
        this.armedAt = new long[instruments];
        this.armedTimer = new int[instruments];
        this.indicativeDue = new boolean[instruments];
        this.timers = timers;
        for (int i = 0; i < instruments; i++)
        {
            intervalMillis[i] = defaults.secondsFor(i) * MILLIS_PER_SECOND;
            requestedMillis[i] = intervalMillis[i];
        }
    }

    public int instruments()
    {
        return intervalMillis.length;
    }

    public boolean isAuction(final int instrument)
    {
        return intervalMillis[instrument] != 0;
    }

    /** In call-auction mode, or switching into it at its next boundary (what takes no substitutes). */
    public boolean isAuctionOrPending(final int instrument)
    {
        return intervalMillis[instrument] != 0 || requestedMillis[instrument] != 0;
    }

    public long intervalMillis(final int instrument)
    {
        return intervalMillis[instrument];
    }

    public long requestedMillis(final int instrument)
    {
        return requestedMillis[instrument];
    }

    /** The boundary the instrument's timer is armed for, 0 when none; a popped timer at another time is stale. */
    public long armedAt(final int instrument)
    {
        return armedAt[instrument];
    }

    /** The first multiple of {@code intervalMillis} strictly after {@code now}. */
    public static long nextBoundary(final long now, final long intervalMillis)
    {
        return (now / intervalMillis + 1) * intervalMillis;
    }

    /** Hook for every change of a book's depth: an auction book needs a clear and a fresh indicative. */
    public void bookChanged(final int instrument, final long now)
    {
        if (intervalMillis[instrument] != 0)
        {
            markIndicativeDue(instrument);
            if (armedAt[instrument] == 0)
            {
                arm(instrument, nextBoundary(now, intervalMillis[instrument]));
            }
        }
    }

    /** Records a requested interval; the caller decides when it takes effect. */
    public void request(final int instrument, final long millis)
    {
        requestedMillis[instrument] = millis;
    }

    /** Puts the requested interval in force; an armed clear moves to the new schedule. */
    public void applyRequested(final int instrument, final long now)
    {
        intervalMillis[instrument] = requestedMillis[instrument];
        if (intervalMillis[instrument] == 0)
        {
            disarm(instrument);
        }
        else if (armedAt[instrument] != 0)
        {
            arm(instrument, nextBoundary(now, intervalMillis[instrument]));
        }
    }

    /**
     * Arms the instrument's boundary timer, removing an earlier one still queued: otherwise a later
     * re-arm at that earlier time would leave two live timers for one boundary.
     */
    public void arm(final int instrument, final long boundary)
    {
        if (armedAt[instrument] == boundary)
        {
            return;
        }
        disarm(instrument);
        armedAt[instrument] = boundary;
        armedTimer[instrument] = timers.push(boundary, TimerQueue.AUCTION_BOUNDARY, instrument);
    }

    public void disarm(final int instrument)
    {
        if (armedAt[instrument] != 0)
        {
            // A no-op when the timer already fired: its handle then holds no boundary of this instrument.
            timers.cancel(armedTimer[instrument], TimerQueue.AUCTION_BOUNDARY, instrument);
        }
        armedAt[instrument] = 0;
    }

    public void markIndicativeDue(final int instrument)
    {
        if (!indicativeDue[instrument])
        {
            indicativeDue[instrument] = true;
            indicativesDue++;
        }
    }

    public boolean anyIndicativeDue()
    {
        return indicativesDue != 0;
    }

    /** Clears and returns the instrument's indicative flag. */
    public boolean takeIndicativeDue(final int instrument)
    {
        if (!indicativeDue[instrument])
        {
            return false;
        }
        indicativeDue[instrument] = false;
        indicativesDue--;
        return true;
    }

    /** Snapshot restore: the mode fields of one instrument, re-arming its timer. */
    public void restore(final int instrument, final long interval, final long requested, final long armed)
    {
        intervalMillis[instrument] = interval;
        requestedMillis[instrument] = requested;
        armedAt[instrument] = 0;
        if (armed != 0)
        {
            arm(instrument, armed);
        }
    }
}
