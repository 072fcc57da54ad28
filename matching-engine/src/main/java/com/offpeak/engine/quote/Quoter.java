package com.offpeak.engine.quote;

import com.offpeak.engine.Command;
import com.offpeak.engine.EngineListener;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.auction.FillSizer;
import com.offpeak.engine.book.OrderBook;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;
import com.offpeak.engine.order.Order;

/**
 * Answers a QUOTE command: "what would N GPUs of class X for D minutes cost now, and which other
 * classes are cheaper?" One {@code quoted} event per candidate (the asked instrument, then, with
 * {@code alternatives}, every other instrument in catalog order), each from a {@link QuoteWalk}.
 * Read-only: the probe bid never enters a book, so no state changes (the state hash is unchanged).
 */
public final class Quoter
{
    private final OrderBook[] books;
    private final Catalog catalog;
    private final EngineListener listener;
    private final FillSizer sizer;
    private final QuoteWalk walk = new QuoteWalk();
    private final Order probe = new Order();

    public Quoter(final OrderBook[] books, final Catalog catalog, final EngineListener listener, final FillSizer sizer)
    {
        this.books = books;
        this.catalog = catalog;
        this.listener = listener;
        this.sizer = sizer;
    }

    public void quote(final Command command, final long now)
    {
        final RejectCode code = check(command);
        if (code != null)
        {
            listener.rejected(now, command.account, command.clientOrderId, 0, code);
            return;
        }
        final int primary = command.instrument;
        walk(command, primary);
        final int primaryFillable = walk.fillableGpus();
        final long primaryAverage = walk.averagePrice();
        emit(command, now, primary, false);
        if (!command.alternatives)
        {
            return;
        }
        for (int i = 0; i < catalog.size(); i++)
        {
            if (i != primary)
            {
                walk(command, i);
                final boolean cheaper = walk.fillableGpus() == command.gpus &&
                    (primaryFillable < command.gpus || walk.averagePrice() < primaryAverage);
                emit(command, now, i, cheaper);
            }
        }
    }

    private void walk(final Command command, final int instrument)
    {
        probe.account = command.account;
        probe.side = Side.BID;
        probe.instrument = instrument;
        probe.remaining = command.gpus;
        probe.durationMinutes = command.durationMinutes;
        probe.timeInForce = TimeInForce.GTC;
        walk.walk(books[instrument].side(Side.ASK), probe, sizer);
        probe.clear();
    }

    private void emit(final Command command, final long now, final int instrument, final boolean cheaper)
    {
        listener.quoted(now, command.account, command.clientOrderId, instrument, command.gpus, command.durationMinutes,
            walk.fillableGpus(), walk.notional(), walk.averagePrice(), cheaper);
    }

    private RejectCode check(final Command command)
    {
        if (command.account < 0)
        {
            return RejectCode.INVALID_COMMAND;
        }
        final Instrument instrument = catalog.get(command.instrument);
        if (instrument == null)
        {
            return RejectCode.UNKNOWN_INSTRUMENT;
        }
        if (!instrument.allowsGpus(command.gpus))
        {
            return RejectCode.INVALID_QUANTITY;
        }
        if (!instrument.allowsDuration(command.durationMinutes))
        {
            return RejectCode.INVALID_DURATION;
        }
        return null;
    }
}
