package com.offpeak.gateway.marketdata;

import com.offpeak.engine.Side;
import com.offpeak.gateway.wire.JsonText;

/**
 * The JSON text of every public market-data message (docs/api.md, "Public channels"). Each
 * message is encoded once and the same text is sent to every subscriber. One instance per
 * thread: it reuses a single buffer.
 */
public final class MarketDataMessages
{
    private static final long MINUTES_PER_HOUR = 60;
    private static final long MILLIS_PER_HOUR = 3_600_000L;
    /** How many candles a candle snapshot carries. */
    public static final int CANDLE_SNAPSHOT = 120;
    /** How many trades a trades snapshot carries. */
    public static final int TRADE_SNAPSHOT = 50;

    private final JsonText json = new JsonText();

    public String bookSnapshot(final InstrumentMarket market, final long time)
    {
        final DepthBook book = market.book();
        start(Channel.BOOK, market).field("type", "snapshot").field("seq", book.seq()).field("time", time);
        levels("bids", book.bids());
        levels("asks", book.asks());
        return json.field("checksum", book.checksum()).finish();
    }

    /** The sealed update of {@link DepthBook#sealUpdate()}: every changed level with its new aggregate (0 GPUs = removed). */
    public String bookUpdate(final InstrumentMarket market, final long time)
    {
        final DepthBook book = market.book();
        start(Channel.BOOK, market).field("type", "update").field("seq", book.seq()).field("prevSeq", book.seq() - 1)
            .field("time", time);
        changedLevels("bids", book, Side.BID);
        changedLevels("asks", book, Side.ASK);
        return json.field("checksum", book.checksum()).finish();
    }

    /** Trades numbered {@code from} (inclusive) to the tape's count, oldest first. */
    public String trades(final InstrumentMarket market, final long from, final String type)
    {
        final TradeTape tape = market.trades();
        start(Channel.TRADES, market).field("type", type).startArray("trades");
        for (long n = Math.max(from, tape.oldest()); n < tape.count(); n++)
        {
            json.startObject()
                .field("leaseId", tape.leaseId(n))
                .field("time", tape.time(n))
                .price("price", tape.price(n))
                .field("gpus", tape.gpus(n))
                .field("durationMinutes", tape.durationMinutes(n))
                .ratio("gpuHours", (long)tape.gpus(n) * tape.durationMinutes(n), MINUTES_PER_HOUR, 3)
                .field("maker", tape.maker(n).name())
                .end();
        }
        return json.end().finish();
    }

    public String ticker(final InstrumentMarket market, final long time)
    {
        final DepthSide bids = market.book().bids();
        final DepthSide asks = market.book().asks();
        final RollingVolume volume = market.volume24h();
        final boolean traded = market.trades().count() > 0;
        start(Channel.TICKER, market).field("time", time)
            .priceOrNull("bestBid", bids.size() > 0 ? bids.price(0) : 0, bids.size() > 0)
            .field("bestBidGpus", bids.size() > 0 ? bids.gpus(0) : 0)
            .priceOrNull("bestAsk", asks.size() > 0 ? asks.price(0) : 0, asks.size() > 0)
            .field("bestAskGpus", asks.size() > 0 ? asks.gpus(0) : 0)
            .priceOrNull("last", market.lastPrice(), traded)
            .ratio("volume24hGpuHours", volume.gpuMinutes(), MINUTES_PER_HOUR, 3)
            .field("volume24hGpuMinutes", volume.gpuMinutes())
            .priceOrNull("vwap24h", volume.vwap(), volume.gpuMinutes() > 0);
        return json.finish();
    }

    /** Candles numbered {@code from} to the series' count, oldest first. */
    public String candles(final InstrumentMarket market, final Channel channel, final long from, final String type)
    {
        final CandleSeries series = channel == Channel.CANDLES_1H ? market.hourCandles() : market.minuteCandles();
        start(channel, market).field("interval", channel.interval()).field("type", type).startArray("candles");
        for (long n = Math.max(from, series.oldest()); n < series.count(); n++)
        {
            json.startObject()
                .field("start", series.start(n))
                .price("open", series.open(n))
                .price("high", series.high(n))
                .price("low", series.low(n))
                .price("close", series.close(n))
                .ratio("gpuHours", series.gpuMinutes(n), MINUTES_PER_HOUR, 3)
                .field("trades", series.trades(n))
                .end();
        }
        return json.end().finish();
    }

    public String utilisation(final InstrumentMarket market, final long time)
    {
        final long posted = market.postedGpus();
        start(Channel.UTILISATION, market).field("time", time)
            .field("postedGpus", posted)
            .field("leasedGpus", market.leasedGpus())
            .field("idleGpus", market.idleGpus());
        if (posted > 0)
        {
            json.ratio("utilisation", market.leasedGpus(), posted, 4);
        }
        else
        {
            json.nullField("utilisation");
        }
        final UtilisationWindows windows = market.utilisationWindows();
        json.startObject("windows");
        for (int w = 0; w < UtilisationWindows.windows(); w++)
        {
            window(UtilisationWindows.name(w), windows.postedGpuMillis(w), windows.leasedGpuMillis(w));
        }
        return json.end().finish();
    }

    /** Every instrument's utilisation summed: GPUs now and GPU-hours over the windows (REST {@code /api/utilisation}). */
    public String utilisationOverall(final MarketData marketData, final long time)
    {
        long posted = 0;
        long leased = 0;
        long idle = 0;
        final long[] windowPosted = new long[UtilisationWindows.windows()];
        final long[] windowLeased = new long[UtilisationWindows.windows()];
        for (int i = 0; i < marketData.instruments(); i++)
        {
            final InstrumentMarket market = marketData.market(i);
            posted += market.postedGpus();
            leased += market.leasedGpus();
            idle += market.idleGpus();
            for (int w = 0; w < windowPosted.length; w++)
            {
                windowPosted[w] += market.utilisationWindows().postedGpuMillis(w);
                windowLeased[w] += market.utilisationWindows().leasedGpuMillis(w);
            }
        }
        json.startMessage().field("channel", Channel.UTILISATION.wireName()).field("instrument", "ALL").field("time", time)
            .field("postedGpus", posted).field("leasedGpus", leased).field("idleGpus", idle);
        if (posted > 0)
        {
            json.ratio("utilisation", leased, posted, 4);
        }
        else
        {
            json.nullField("utilisation");
        }
        json.startObject("windows");
        for (int w = 0; w < windowPosted.length; w++)
        {
            window(UtilisationWindows.name(w), windowPosted[w], windowLeased[w]);
        }
        return json.end().finish();
    }

    /** An instrument's call-auction state: mode, a pending switch, the indicative price and volume, the last clear. */
    public String auction(final InstrumentMarket market, final long time)
    {
        final AuctionState auction = market.auction();
        start(Channel.AUCTION, market).field("time", time)
            .field("mode", auction.intervalSeconds() == 0 ? "CONTINUOUS" : "AUCTION")
            .field("auctionIntervalSeconds", auction.intervalSeconds());
        if (auction.switchPending())
        {
            json.startObject("pendingSwitch").field("auctionIntervalSeconds", auction.pendingIntervalSeconds())
                .field("effectiveAt", auction.pendingEffectiveAt()).end();
        }
        else
        {
            json.nullField("pendingSwitch");
        }
        json.priceOrNull("indicativePrice", auction.indicativePrice(), auction.indicativeGpus() > 0)
            .field("indicativeGpus", auction.indicativeGpus());
        if (auction.lastClearTime() != 0)
        {
            json.startObject("lastClear").field("time", auction.lastClearTime()).price("price", auction.lastClearPrice())
                .field("gpus", auction.lastClearGpus()).end();
        }
        else
        {
            json.nullField("lastClear");
        }
        return json.finish();
    }

    private void window(final String name, final long postedGpuMillis, final long leasedGpuMillis)
    {
        json.startObject(name).ratio("postedGpuHours", postedGpuMillis, MILLIS_PER_HOUR, 3)
            .ratio("leasedGpuHours", leasedGpuMillis, MILLIS_PER_HOUR, 3);
        if (postedGpuMillis > 0)
        {
            json.ratio("utilisation", leasedGpuMillis, postedGpuMillis, 4);
        }
        else
        {
            json.nullField("utilisation");
        }
        json.end();
    }

    /** A heartbeat: engine time and the last book {@code seq} of each instrument the connection follows. */
    public JsonText heartbeatStart(final long time)
    {
        return json.startMessage().field("channel", "heartbeat").field("time", time).startObject("bookSeq");
    }

    private JsonText start(final Channel channel, final InstrumentMarket market)
    {
        return json.startMessage().field("channel", channel.wireName()).field("instrument", market.instrument().id());
    }

    private void levels(final String name, final DepthSide side)
    {
        json.startArray(name);
        for (int i = 0; i < side.size(); i++)
        {
            json.startArray().priceValue(side.price(i)).value(side.gpus(i)).value(side.orders(i)).end();
        }
        json.end();
    }

    private void changedLevels(final String name, final DepthBook book, final Side side)
    {
        json.startArray(name);
        final DepthSide levels = book.side(side);
        for (int i = 0; i < book.changedCount(side); i++)
        {
            final long price = book.changedPrice(side, i);
            json.startArray().priceValue(price).value(levels.gpusAt(price)).value(levels.ordersAt(price)).end();
        }
        json.end();
    }
}
