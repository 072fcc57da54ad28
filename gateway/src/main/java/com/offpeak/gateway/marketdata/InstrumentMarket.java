package com.offpeak.gateway.marketdata;

import com.offpeak.engine.Side;
import com.offpeak.engine.catalog.Instrument;

/**
 * Everything the public channels show for one instrument: depth, trades, ticker, candles,
 * utilisation (now and over windows) and call-auction state, with flags telling which of them changed since the last flush.
 */
public final class InstrumentMarket
{
    public static final int BOOK = 1;
    public static final int TRADES = 1 << 1;
    public static final int TICKER = 1 << 2;
    public static final int CANDLES = 1 << 3;
    public static final int UTILISATION = 1 << 4;
    public static final int AUCTION = 1 << 5;

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final int TRADES_KEPT = 200;
    private static final int CANDLES_KEPT = 500;

    private final Instrument instrument;
    private final DepthBook book = new DepthBook();
    private final TradeTape trades = new TradeTape(TRADES_KEPT);
    private final CandleSeries minuteCandles = new CandleSeries(MINUTE, CANDLES_KEPT);
    private final CandleSeries hourCandles = new CandleSeries(HOUR, CANDLES_KEPT);
    private final RollingVolume volume24h = new RollingVolume();
    private final UtilisationWindows utilisation = new UtilisationWindows();
    private final AuctionState auction = new AuctionState();
    private long leasedGpus;
    private long lastPrice;
    private long lastTradeTime;
    private long publishedTrades;
    private long publishedMinuteCandles;
    private long publishedHourCandles;
    private int changes;

    public InstrumentMarket(final Instrument instrument)
    {
        this.instrument = instrument;
    }

    void bookChanged(final long time, final Side side, final long price, final int gpus, final int orders)
    {
        if (side == Side.ASK)
        {
            utilisation.accrue(time, postedGpus(), leasedGpus);
        }
        book.apply(side, price, gpus, orders);
        changes |= BOOK | TICKER;
        if (side == Side.ASK)
        {
            changes |= UTILISATION;
        }
    }

    void traded(final long time, final long leaseId, final long price, final int gpus, final int minutes, final Side maker)
    {
        final long gpuMinutes = (long)gpus * minutes;
        trades.add(time, leaseId, price, gpus, minutes, maker);
        minuteCandles.trade(time, price, gpuMinutes);
        hourCandles.trade(time, price, gpuMinutes);
        volume24h.trade(time, price, gpuMinutes);
        lastPrice = price;
        lastTradeTime = time;
        changes |= TRADES | TICKER | CANDLES;
    }

    void leased(final long time, final int gpus)
    {
        utilisation.accrue(time, postedGpus(), leasedGpus);
        leasedGpus += gpus;
        changes |= UTILISATION;
    }

    /** Called before publishing: seals the book update and rolls the 24 h window to {@code now}. */
    int prepare(final long now)
    {
        if ((changes & BOOK) != 0)
        {
            book.sealUpdate();
        }
        if ((changes & TICKER) != 0)
        {
            volume24h.roll(now);
        }
        if ((changes & UTILISATION) != 0)
        {
            utilisation.accrue(now, postedGpus(), leasedGpus);
            utilisation.roll(now);
        }
        return changes;
    }

    void published()
    {
        book.clearChanges();
        publishedTrades = trades.count();
        publishedMinuteCandles = minuteCandles.count();
        publishedHourCandles = hourCandles.count();
        changes = 0;
    }

    /** The 24 h and utilisation windows move with time even without trades; their channels are re-sent when they do. */
    void timePassed()
    {
        if (trades.count() > 0)
        {
            changes |= TICKER;
        }
        if (postedGpus() > 0 || utilisation.postedGpuMillis(UtilisationWindows.WEEK) > 0)
        {
            changes |= UTILISATION;
        }
    }

    void modeChanged(final long time, final int auctionIntervalSeconds, final long effectiveAt)
    {
        auction.modeChanged(time, auctionIntervalSeconds, effectiveAt);
        changes |= AUCTION;
    }

    void indicative(final long price, final int gpus)
    {
        auction.indicative(price, gpus);
        changes |= AUCTION;
    }

    void cleared(final long time, final long price, final int gpus)
    {
        auction.cleared(time, price, gpus);
        changes |= AUCTION;
    }

    public AuctionState auction()
    {
        return auction;
    }

    /** Posted and leased GPU-time over the trailing windows, as of the last publish. */
    public UtilisationWindows utilisationWindows()
    {
        return utilisation;
    }

    public Instrument instrument()
    {
        return instrument;
    }

    public int index()
    {
        return instrument.index();
    }

    public DepthBook book()
    {
        return book;
    }

    public TradeTape trades()
    {
        return trades;
    }

    /** Trade number of the first trade not yet published. */
    public long firstUnpublishedTrade()
    {
        return Math.max(publishedTrades, trades.oldest());
    }

    /**
     * Number of the first candle an update must carry: the last one published (it may have
     * grown since) and any opened after it.
     */
    public long firstCandleToPublish(final boolean hourly)
    {
        return Math.max(0, (hourly ? publishedHourCandles : publishedMinuteCandles) - 1);
    }

    public CandleSeries minuteCandles()
    {
        return minuteCandles;
    }

    public CandleSeries hourCandles()
    {
        return hourCandles;
    }

    public RollingVolume volume24h()
    {
        return volume24h;
    }

    public long lastPrice()
    {
        return lastPrice;
    }

    public long lastTradeTime()
    {
        return lastTradeTime;
    }

    /** GPUs currently out on lease from this instrument's asks. */
    public long leasedGpus()
    {
        return leasedGpus;
    }

    /** GPUs on offer and free right now: the asks' free depth. */
    public long idleGpus()
    {
        return book.asks().totalGpus();
    }

    /** GPUs owners have committed right now: idle plus leased. */
    public long postedGpus()
    {
        return idleGpus() + leasedGpus;
    }
}
