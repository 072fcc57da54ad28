package com.offpeak.engine.book;

import com.offpeak.engine.Side;
import com.offpeak.engine.pool.ObjectPool;

/** The bids and asks of one instrument. */
public final class OrderBook
{
    private final int instrument;
    private final BookSide bids;
    private final BookSide asks;

    public OrderBook(final int instrument, final ObjectPool<PriceLevel> levelPool)
    {
        this.instrument = instrument;
        this.bids = new BookSide(instrument, Side.BID, levelPool);
        this.asks = new BookSide(instrument, Side.ASK, levelPool);
    }

    public int instrument()
    {
        return instrument;
    }

    public BookSide side(final Side side)
    {
        return side == Side.BID ? bids : asks;
    }

    public BookSide opposite(final Side side)
    {
        return side == Side.BID ? asks : bids;
    }
}
