package com.offpeak.engine.book;

import com.offpeak.engine.Side;
import com.offpeak.engine.catalog.TickGrid;
import com.offpeak.engine.pool.ObjectPool;

/** The bids and asks of one instrument. */
public final class OrderBook
{
    private final int instrument;
    private final TickGrid grid;
    private final BookSide bids;
    private final BookSide asks;

    public OrderBook(final int instrument, final TickGrid grid, final ObjectPool<PriceLevel> levelPool)
    {
        this.instrument = instrument;
        this.grid = grid;
        this.bids = new BookSide(instrument, Side.BID, grid, levelPool);
        this.asks = new BookSide(instrument, Side.ASK, grid, levelPool);
    }

    /** The instrument's price grid: order entry checks prices on it. */
    public TickGrid grid()
    {
        return grid;
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
