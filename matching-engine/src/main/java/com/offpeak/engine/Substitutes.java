package com.offpeak.engine;

import com.offpeak.engine.order.Order;

/**
 * Place and cancel of a substitutes bid (docs/matching.md, "Substitutes"): one bid naming up to
 * four alternatives (its own terms, then {@link Command#substituteCount} more), sharing
 * time-in-force, deadline and flags. Each alternative is an order of its own with consecutive ids
 * from the group id (the first one's); they are tried in the listed order, and the first that
 * trades on entry wins: the others are cancelled in the same step ({@code SUBSTITUTE_FILLED}).
 * Alternatives that rest show in their own books; the first fill of any of them later voids the
 * others (see {@link com.offpeak.engine.substitute.SubstituteGroups}).
 */
final class Substitutes
{
    private static final int MAX_ALTERNATIVES = Command.MAX_SUBSTITUTES + 1;

    private final EngineState state;
    private final Matcher matcher;
    private final PreTradeCheck preTradeCheck;
    private final OrderEntry orderEntry;
    private final Order[] alternatives = new Order[MAX_ALTERNATIVES];
    /** One alternative's terms as a plain place command, for the checks and the order it becomes. */
    private final Command alternative = new Command();

    Substitutes(final EngineState state, final Matcher matcher, final PreTradeCheck preTradeCheck, final OrderEntry orderEntry)
    {
        this.state = state;
        this.matcher = matcher;
        this.preTradeCheck = preTradeCheck;
        this.orderEntry = orderEntry;
    }

    /** Steps 2-6 of "Place" for every alternative, then acceptance and entry; the clientOrderId lookup is done. */
    void place(final Command command, final boolean remembered)
    {
        final int count = command.substituteCount + 1;
        RejectCode code = check(command, count);
        if (code == null)
        {
            // The hold is the ledger's: it gets the whole command (every alternative) and the group id.
            code = preTradeCheck.onPlace(command, state.nextOrderId);
        }
        if (code != null)
        {
            state.listener.rejected(state.now, command.account, command.clientOrderId, 0, code);
            if (remembered)
            {
                state.clientOrderIds.recordRejection(command, state.now, code);
            }
            return;
        }

        final long group = state.nextOrderId;
        for (int i = 0; i < count; i++)
        {
            final Order order = orderEntry.newOrder(terms(command, i), Side.BID);
            order.id = state.nextOrderId++;
            order.prioritySeq = state.nextPrioritySeq++;
            order.substituteGroup = group;
            order.substituteCount = count;
            alternatives[i] = order;
        }
        if (remembered)
        {
            state.clientOrderIds.recordAcceptance(command, state.now, alternatives[0]);
        }
        for (int i = 0; i < count; i++)
        {
            final Order order = alternatives[i];
            state.listener.accepted(state.now, order.account, command.clientOrderId, order.id, Side.BID, order.instrument, order.remaining,
                order.price);
        }
        int winner = -1;
        for (int i = 0; i < count && winner < 0; i++)
        {
            orderEntry.tradeOnArrival(alternatives[i]);
            if (alternatives[i].filled > 0)
            {
                winner = i;
            }
        }
        for (int i = 0; i < count; i++)
        {
            final Order order = alternatives[i];
            alternatives[i] = null;
            if (winner < 0 || i == winner)
            {
                orderEntry.settleArrival(order);
            }
            else
            {
                state.listener.orderCancelled(state.now, order.id, order.account, order.instrument, Side.BID, order.remaining,
                    CancelReason.SUBSTITUTE_FILLED);
                state.clientOrderIds.orderEnded(order, OrderStatus.CANCELLED, order.remaining);
                state.release(order);
            }
        }
    }

    /** Cancels every open alternative of {@code order}'s group, in listed order. */
    void cancelGroup(final Order order, final CancelReason reason)
    {
        final long group = order.substituteGroup;
        final int count = order.substituteCount;
        for (int i = 0; i < count; i++)
        {
            final Order alternative = state.openOrders.get(group + i);
            if (alternative != null && alternative.substituteGroup == group)
            {
                cancel(alternative, reason);
            }
        }
    }

    /**
     * {@code instrument} switches into call-auction mode: every undecided group with an alternative
     * resting on it is cancelled whole ({@code AUCTION_MODE}), in id order. A clear allocates a
     * whole book at once, so two alternatives of one group in it could both win; and an auction
     * takes no substitutes on entry either. A walk over the live orders, not a book: a switch is a
     * rare admin event, and the live list stays valid while a group leaves it (its alternatives
     * have consecutive ids, so the ones still live are next).
     */
    void cancelGroupsOn(final int instrument)
    {
        Order order = state.firstLive();
        while (order != null)
        {
            Order next = order.nextLive();
            if (order.substituteCount > 1 && order.instrument == instrument)
            {
                while (next != null && next.substituteGroup == order.substituteGroup)
                {
                    next = next.nextLive();
                }
                cancelGroup(order, CancelReason.AUCTION_MODE);
            }
            order = next;
        }
    }

    /** Cancels the alternatives voided by a sibling's first fill in this step. */
    void cancelVoided()
    {
        Order order;
        while ((order = state.substituteGroups.pollVoided()) != null)
        {
            cancel(order, CancelReason.SUBSTITUTE_FILLED);
        }
    }

    private void cancel(final Order order, final CancelReason reason)
    {
        state.listener.orderCancelled(state.now, order.id, order.account, order.instrument, Side.BID, order.remaining, reason);
        state.closeAndPublish(order, OrderStatus.CANCELLED);
    }

    private RejectCode check(final Command command, final int count)
    {
        if (count < 2 || count > MAX_ALTERNATIVES || command.timeInForce == TimeInForce.FOK)
        {
            return RejectCode.INVALID_SUBSTITUTES;
        }
        for (int i = 0; i < count; i++)
        {
            final Command terms = terms(command, i);
            final RejectCode code = orderEntry.checkBid(terms);
            if (code != null)
            {
                return code;
            }
            // A pending switch counts too: at its boundary the group would rest into the auction book.
            if (state.modes.isAuctionOrPending(terms.instrument))
            {
                return RejectCode.NOT_ALLOWED_IN_AUCTION;
            }
        }
        if (state.openOrders.size() + count > state.config.maxOpenOrders())
        {
            return RejectCode.ENGINE_FULL;
        }
        if (command.postOnly)
        {
            for (int i = 0; i < count; i++)
            {
                final Order probe = orderEntry.newOrder(terms(command, i), Side.BID);
                final boolean trades = matcher.wouldTrade(probe, probe.price, probe.remaining) > 0;
                state.release(probe);
                if (trades)
                {
                    return RejectCode.POST_ONLY_WOULD_TRADE;
                }
            }
        }
        return null;
    }

    /** Alternative {@code i} of {@code command} as a plain place command: 0 is the bid's own terms. */
    private Command terms(final Command command, final int i)
    {
        alternative.copyFrom(command);
        alternative.substituteCount = 0;
        if (i > 0)
        {
            alternative.instrument = command.substituteInstrument[i - 1];
            alternative.gpus = command.substituteGpus[i - 1];
            alternative.durationMinutes = command.substituteDuration[i - 1];
            alternative.price = command.substitutePrice[i - 1];
        }
        return alternative;
    }
}
