package com.offpeak.gateway.marketdata;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.EngineListener;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import java.util.Arrays;

/**
 * The public market data state machine: engine events in, per-instrument depth, trades,
 * ticker, candles and utilisation out. It runs on one thread off the engine's (it is fed the
 * pipeline's output events after the engine thread handed them off) and publishes conflated
 * changes on {@link #flush}, so a burst of engine events costs subscribers one message per
 * channel. Private events are ignored here.
 */
public final class MarketData implements EngineListener
{
    private static final long MINUTE = 60_000L;

    private final InstrumentMarket[] markets;
    /**
     * Leases that start later (a preemptor's, at the hand-over): counted as leased from their start,
     * while the victim's GPUs still count until its notice ends. Few at a time; kept unordered.
     */
    private long[] pendingStart = new long[8];
    private int[] pendingInstrument = new int[8];
    private int[] pendingGpus = new int[8];
    private int pendingCount;
    private long now;

    public MarketData(final Catalog catalog)
    {
        markets = new InstrumentMarket[catalog.size()];
        for (int i = 0; i < markets.length; i++)
        {
            markets[i] = new InstrumentMarket(catalog.get(i));
        }
    }

    public int instruments()
    {
        return markets.length;
    }

    /** The instrument's market, or {@code null} for an unknown index. */
    public InstrumentMarket market(final int instrument)
    {
        return instrument >= 0 && instrument < markets.length ? markets[instrument] : null;
    }

    /** Latest engine time seen in any event. */
    public long now()
    {
        return now;
    }

    /** Engine time moved without events (a timer tick): at a new minute the 24 h window shifts. */
    public void advanceTo(final long time)
    {
        if (time > now)
        {
            final boolean newMinute = time / MINUTE != now / MINUTE;
            tick(time);
            for (int i = 0; newMinute && i < markets.length; i++)
            {
                markets[i].timePassed();
            }
        }
    }

    /** Publishes every instrument that changed since the last flush, then forgets the changes. */
    public void flush(final MarketDataListener listener)
    {
        for (final InstrumentMarket market : markets)
        {
            final int changes = market.prepare(now);
            if (changes != 0)
            {
                listener.instrumentChanged(market, changes);
                market.published();
            }
        }
    }

    @Override
    public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus, final int orders)
    {
        tick(time);
        markets[instrument].bookChanged(time, side, price, gpus, orders);
    }

    @Override
    public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
        final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
    {
        tick(time);
        markets[instrument].traded(time, leaseId, price, gpus, durationMinutes, maker);
    }

    @Override
    public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long bidId, final long askId, final int gpus, final long start, final long end, final long price, final boolean preemptible)
    {
        tick(time);
        if (start > time)
        {
            addPending(start, instrument, gpus);
        }
        else
        {
            markets[instrument].leased(time, gpus);
        }
    }

    @Override
    public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
    {
        tick(time);
        markets[instrument].leased(time, -gpus);
    }

    @Override
    public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
        final int instrument, final int gpus, final long price)
    {
        tick(time);
    }

    @Override
    public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
    {
        tick(time);
    }

    @Override
    public void duplicate(final long time, final long account, final long clientOrderId, final long orderId,
        final RejectCode originalReject, final OrderStatus status, final int remainingGpus)
    {
        tick(time);
    }

    @Override
    public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus)
    {
        tick(time);
    }

    @Override
    public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus, final CancelReason reason)
    {
        tick(time);
    }

    @Override
    public void amended(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int gpus, final long price, final boolean priorityKept)
    {
        tick(time);
    }

    @Override
    public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner,
        final int gpus, final long newEnd, final long preemptorBidId)
    {
        tick(time);
    }

    @Override
    public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
        final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
        final boolean contiguous)
    {
        tick(time);
    }

    @Override
    public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
        final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
    {
        tick(time);
    }

    @Override
    public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
    {
        tick(time);
        markets[instrument].modeChanged(time, auctionIntervalSeconds, effectiveAt);
    }

    @Override
    public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
    {
        tick(time);
        markets[instrument].indicative(price, gpus);
    }

    @Override
    public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
    {
        tick(time);
        markets[instrument].cleared(time, price, gpus);
    }

    private void tick(final long time)
    {
        if (time > now)
        {
            now = time;
            startDueLeases(time);
        }
    }

    private void addPending(final long start, final int instrument, final int gpus)
    {
        if (pendingCount == pendingStart.length)
        {
            pendingStart = Arrays.copyOf(pendingStart, pendingCount * 2);
            pendingInstrument = Arrays.copyOf(pendingInstrument, pendingCount * 2);
            pendingGpus = Arrays.copyOf(pendingGpus, pendingCount * 2);
        }
        pendingStart[pendingCount] = start;
        pendingInstrument[pendingCount] = instrument;
        pendingGpus[pendingCount] = gpus;
        pendingCount++;
    }

    /** Leases whose start has come count as leased from it (the victim's end at the same time follows as its own event). */
    private void startDueLeases(final long time)
    {
        for (int i = pendingCount - 1; i >= 0; i--)
        {
            if (pendingStart[i] <= time)
            {
                markets[pendingInstrument[i]].leased(pendingStart[i], pendingGpus[i]);
                pendingCount--;
                pendingStart[i] = pendingStart[pendingCount];
                pendingInstrument[i] = pendingInstrument[pendingCount];
                pendingGpus[i] = pendingGpus[pendingCount];
            }
        }
    }
}
