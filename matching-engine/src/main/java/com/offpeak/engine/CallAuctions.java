package com.offpeak.engine;

import com.offpeak.engine.auction.AuctionAllocation;
import com.offpeak.engine.auction.AuctionIntervals;
import com.offpeak.engine.auction.MarketModes;
import com.offpeak.engine.book.BookSide;
import com.offpeak.engine.book.OrderBook;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.order.Order;

/**
 * Call-auction mode (docs/auction.md): the admin command that switches an instrument's mode, the
 * boundary timer that switches it or clears its book, the clear itself (an {@link AuctionAllocation}
 * executed at one uniform price, both sides makers), the indicative price published after each
 * command that changed an auction book, and the return to continuous matching.
 */
final class CallAuctions
{
    private static final long MILLIS_PER_SECOND = 1_000L;

    private final EngineState state;
    private final Matcher matcher;
    private final OrderEntry orderEntry;
    private final MarketModes modes;
    private final AuctionAllocation allocation = new AuctionAllocation();

    CallAuctions(final EngineState state, final Matcher matcher, final OrderEntry orderEntry)
    {
        this.state = state;
        this.matcher = matcher;
        this.orderEntry = orderEntry;
        this.modes = state.modes;
    }

    /**
     * SET_MARKET_MODE. To auction (or to another interval): at the next boundary of the schedule in
     * force (continuous: of the new interval). To continuous: now, after one final clear.
     */
    void setMode(final Command command)
    {
        final RejectCode code = check(command);
        if (code != null)
        {
            state.listener.rejected(state.now, command.account, command.clientOrderId, 0, code);
            return;
        }
        final int instrument = command.instrument;
        final long millis = command.auctionIntervalSeconds * MILLIS_PER_SECOND;
        final long now = state.now;
        modes.request(instrument, millis);
        if (millis == modes.intervalMillis(instrument))
        {
            // Asking for the mode in force withdraws any pending switch.
            if (millis == 0)
            {
                modes.disarm(instrument);
            }
            state.listener.marketModeChanged(now, instrument, command.auctionIntervalSeconds, now);
        }
        else if (millis == 0)
        {
            clear(instrument);
            modes.applyRequested(instrument, now);
            state.listener.marketModeChanged(now, instrument, 0, now);
            matchCrossedBids(instrument);
        }
        else
        {
            final long schedule = modes.isAuction(instrument) ? modes.intervalMillis(instrument) : millis;
            final long boundary = modes.armedAt(instrument) != 0 && modes.isAuction(instrument) ?
                modes.armedAt(instrument) : MarketModes.nextBoundary(now, schedule);
            modes.arm(instrument, boundary);
            state.listener.marketModeChanged(now, instrument, command.auctionIntervalSeconds, boundary);
        }
    }

    /** The instrument's boundary timer fired (now = its due time): clear if in auction, then any pending switch. */
    void boundary(final int instrument)
    {
        modes.disarm(instrument);
        if (modes.isAuction(instrument))
        {
            clear(instrument);
        }
        if (modes.requestedMillis(instrument) != modes.intervalMillis(instrument))
        {
            if (!modes.isAuction(instrument))
            {
                // Joining an auction: the book is still continuous, so these cancels arm no clear.
                orderEntry.cancelSubstitutesOn(instrument);
            }
            modes.applyRequested(instrument, state.now);
            modes.markIndicativeDue(instrument);
            state.listener.marketModeChanged(state.now, instrument, (int)(modes.intervalMillis(instrument) / MILLIS_PER_SECOND),
                state.now);
        }
    }

    /** After each command: the indicative price and volume of every auction book the command changed. */
    void publishIndicatives()
    {
        if (!modes.anyIndicativeDue())
        {
            return;
        }
        for (int i = 0; i < modes.instruments(); i++)
        {
            if (modes.takeIndicativeDue(i) && modes.isAuction(i))
            {
                final OrderBook book = state.books[i];
                allocation.allocate(book.side(Side.BID), book.side(Side.ASK), matcher);
                state.listener.auctionIndicative(state.now, i, allocation.price(), allocation.volume());
                allocation.forget();
            }
        }
    }

    private void clear(final int instrument)
    {
        final OrderBook book = state.books[instrument];
        final BookSide bids = book.side(Side.BID);
        final BookSide asks = book.side(Side.ASK);
        allocation.allocate(bids, asks, matcher);
        final long price = allocation.price();
        for (int f = 0; f < allocation.fillCount(); f++)
        {
            final Order bid = allocation.bidAt(f);
            final Order ask = allocation.askAt(f);
            matcher.lease(bid, ask, allocation.gpusAt(f), price, null);
            state.publish(asks, ask.level);
            final PriceLevel bidLevel = bid.level;
            state.publish(bids, bidLevel);
            if (bid.remaining == 0)
            {
                state.close(bid, OrderStatus.FILLED);
                state.pruneIfEmpty(bids, bidLevel);
            }
        }
        if (allocation.volume() > 0)
        {
            state.listener.auctionCleared(state.now, instrument, price, allocation.volume());
        }
        allocation.forget();
    }

    /**
     * Back to continuous: pairs the final clear left crossed and compatible (its price rule can
     * leave some) trade as in continuous matching, each resting bid walking as an aggressor in
     * priority order. A bid's walk only lowers asks' free GPUs, which never makes an incompatible
     * pair compatible, so afterwards no crossed compatible pair is left.
     */
    private void matchCrossedBids(final int instrument)
    {
        final BookSide bids = state.books[instrument].side(Side.BID);
        final BookSide asks = state.books[instrument].side(Side.ASK);
        int l = 0;
        while (l < bids.levelCount() && asks.levelCount() > 0 && bids.level(l).price() >= asks.level(0).price())
        {
            final PriceLevel level = bids.level(l);
            Order bid = level.head();
            while (bid != null)
            {
                // A walk can close only the walking bid; take its successor first.
                final Order next = bid.nextInLevel();
                orderEntry.tradeResting(bid);
                bid = next;
            }
            if (l < bids.levelCount() && bids.level(l) == level)
            {
                l++;
            }
        }
    }

    private RejectCode check(final Command command)
    {
        if (command.account != Command.ADMIN_ACCOUNT)
        {
            return RejectCode.NOT_AUTHORISED;
        }
        if (state.catalog.get(command.instrument) == null)
        {
            return RejectCode.UNKNOWN_INSTRUMENT;
        }
        if (!AuctionIntervals.isValid(command.auctionIntervalSeconds))
        {
            return RejectCode.INVALID_AUCTION_INTERVAL;
        }
        return null;
    }
}
