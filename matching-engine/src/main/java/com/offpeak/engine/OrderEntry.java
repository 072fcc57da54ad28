package com.offpeak.engine;

import com.offpeak.engine.book.BookSide;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.catalog.Instrument;
import com.offpeak.engine.order.Account;
import com.offpeak.engine.order.ClientOrderIds;
import com.offpeak.engine.order.Order;

/**
 * Place, cancel, cancel-all and amend: the checks in the documented order (first failure rejects
 * and changes nothing), then the state change and its events. The matching itself is the
 * {@link Matcher}'s.
 */
final class OrderEntry
{
    private final EngineState state;
    private final Matcher matcher;
    private final PreTradeCheck preTradeCheck;
    private final Preemption preemption;
    private final Substitutes substitutes;

    OrderEntry(final EngineState state, final Matcher matcher, final PreTradeCheck preTradeCheck, final Preemption preemption)
    {
        this.state = state;
        this.matcher = matcher;
        this.preTradeCheck = preTradeCheck;
        this.preemption = preemption;
        this.substitutes = new Substitutes(state, matcher, preTradeCheck, this);
    }

    void place(final Command command, final Side side)
    {
        final EngineListener listener = state.listener;
        final boolean remembered = command.clientOrderId != 0 && command.account > 0;
        if (remembered)
        {
            final ClientOrderIds clientOrderIds = state.clientOrderIds;
            final long record = clientOrderIds.find(command.account, command.clientOrderId);
            if (record != ClientOrderIds.NONE)
            {
                if (clientOrderIds.sameRequest(record, command))
                {
                    listener.duplicate(state.now, command.account, command.clientOrderId, clientOrderIds.orderId(record),
                        clientOrderIds.rejectCode(record), clientOrderIds.currentStatus(record), clientOrderIds.currentRemaining(record));
                }
                else
                {
                    listener.rejected(state.now, command.account, command.clientOrderId, 0, RejectCode.DUPLICATE_CLIENT_ORDER_ID);
                }
                return;
            }
        }
        if (side == Side.BID && command.substituteCount != 0)
        {
            substitutes.place(command, remembered);
            return;
        }

        RejectCode code = side == Side.ASK ? checkAsk(command) : checkBid(command);
        if (code == null && state.openOrders.size() >= state.config.maxOpenOrders())
        {
            code = RejectCode.ENGINE_FULL;
        }
        Order order = null;
        if (code == null)
        {
            order = newOrder(command, side);
            code = checkWouldTrade(order);
            if (code == null)
            {
                // The id the order gets if accepted; it is consumed only on acceptance.
                code = preTradeCheck.onPlace(command, state.nextOrderId);
            }
        }
        if (code != null)
        {
            if (order != null)
            {
                state.release(order);
            }
            listener.rejected(state.now, command.account, command.clientOrderId, 0, code);
            if (remembered)
            {
                state.clientOrderIds.recordRejection(command, state.now, code);
            }
            return;
        }

        order.id = state.nextOrderId++;
        order.prioritySeq = state.nextPrioritySeq++;
        if (remembered)
        {
            state.clientOrderIds.recordAcceptance(command, state.now, order);
        }
        listener.accepted(state.now, order.account, command.clientOrderId, order.id, side, order.instrument, command.gpus, order.price);
        enter(order);
    }

    /**
     * An accepted order that has just arrived (placed or re-queued): it trades with free capacity,
     * a bid may then preempt, and what is left rests (an IOC bid's remainder is cancelled).
     */
    void enter(final Order order)
    {
        tradeOnArrival(order);
        settleArrival(order);
    }

    /** An arriving order's trading: its walk, then a bid's preemption. */
    void tradeOnArrival(final Order order)
    {
        // In call-auction mode orders only collect: the clear trades them, and nothing preempts.
        if (!state.modes.isAuction(order.instrument))
        {
            matcher.trade(order);
            preemption.take(order);
        }
    }

    /** After its trading, an arriving order is filled, an IOC remainder is cancelled, or it rests. */
    void settleArrival(final Order order)
    {
        final EngineListener listener = state.listener;
        final Side side = order.side;
        if (side == Side.BID && order.remaining == 0)
        {
            state.clientOrderIds.orderEnded(order, OrderStatus.FILLED, 0);
            state.release(order);
        }
        else if (order.timeInForce == TimeInForce.IOC)
        {
            listener.orderCancelled(state.now, order.id, order.account, order.instrument, side, order.remaining,
                CancelReason.IOC_REMAINDER);
            state.clientOrderIds.orderEnded(order, OrderStatus.CANCELLED, order.remaining);
            state.release(order);
        }
        else
        {
            state.rest(order);
            state.publish(state.sideOf(order), order.level);
        }
    }

    void cancel(final Command command)
    {
        final Order order = ownedOpenOrder(command);
        if (order == null)
        {
            state.listener.rejected(state.now, command.account, 0, command.orderId, RejectCode.UNKNOWN_ORDER);
            return;
        }
        cancel(order, CancelReason.USER);
    }

    void cancelAll(final Command command)
    {
        final int instrument = command.instrument;
        final boolean all = instrument == Command.ALL_INSTRUMENTS;
        if (!all && state.catalog.get(instrument) == null)
        {
            state.listener.rejected(state.now, command.account, 0, 0, RejectCode.UNKNOWN_INSTRUMENT);
            return;
        }
        final Account account = state.accounts.get(command.account);
        if (account == null)
        {
            return;
        }
        Order order = account.firstOpen();
        while (order != null)
        {
            Order next = order.nextOfAccount();
            if (all || order.instrument == instrument)
            {
                // A substitutes group goes as a whole; its later alternatives are next in id order.
                while (next != null && order.substituteCount > 1 && next.substituteGroup == order.substituteGroup)
                {
                    next = next.nextOfAccount();
                }
                cancel(order, CancelReason.CANCEL_ALL);
            }
            order = next;
        }
    }

    void amend(final Command command)
    {
        final EngineListener listener = state.listener;
        final Order order = ownedOpenOrder(command);
        final RejectCode code = order == null ? RejectCode.UNKNOWN_ORDER : checkAmend(command, order);
        if (code != null)
        {
            listener.rejected(state.now, command.account, 0, command.orderId, code);
            return;
        }

        final int gpus = command.gpus;
        final long price = command.price;
        final BookSide side = state.sideOf(order);
        final PriceLevel oldLevel = order.level;
        final boolean priorityKept = price == order.price && gpus < order.remaining;
        if (!order.isBid())
        {
            if (gpus < order.remaining)
            {
                order.retired += order.remaining - gpus;
            }
            else
            {
                order.askPosted += gpus - order.remaining;
            }
        }
        if (priorityKept)
        {
            oldLevel.setRemaining(order, gpus);
            listener.amended(state.now, order.id, order.account, order.instrument, order.side, gpus, price, true);
            state.publish(side, oldLevel);
        }
        else
        {
            oldLevel.remove(order);
            // Same price: the old level is still in the book (it is pruned below only if left), no search needed.
            final PriceLevel newLevel = price == order.price ? oldLevel : side.levelFor(price);
            order.remaining = gpus;
            order.price = price;
            order.prioritySeq = state.nextPrioritySeq++;
            if (state.config.plantedBug() == PlantedBug.LIFO_AT_LEVEL)
            {
                newLevel.prepend(order);
            }
            else
            {
                newLevel.append(order);
            }
            listener.amended(state.now, order.id, order.account, order.instrument, order.side, gpus, price, false);
            if (newLevel != oldLevel)
            {
                state.publish(side, oldLevel);
                state.pruneIfEmpty(side, oldLevel);
            }
            state.publish(side, newLevel);
        }
        tradeResting(order);
    }

    /**
     * A resting order walks as an aggressor (after an amend, or when leased GPUs return to an
     * ask), then its own level is published if it traded; a bid that filled completely leaves.
     */
    void tradeResting(final Order order)
    {
        if (state.modes.isAuction(order.instrument) || matcher.trade(order) == 0)
        {
            return;
        }
        final BookSide side = state.sideOf(order);
        final PriceLevel level = order.level;
        if (order.isBid() && order.remaining == 0)
        {
            state.close(order, OrderStatus.FILLED);
        }
        state.publish(side, level);
        state.pruneIfEmpty(side, level);
    }

    /** Cancels the voided alternatives of substitutes groups decided in this step. */
    void cancelVoidedSubstitutes()
    {
        substitutes.cancelVoided();
    }

    /** The instrument is switching into call-auction mode: its undecided substitutes groups go. */
    void cancelSubstitutesOn(final int instrument)
    {
        substitutes.cancelGroupsOn(instrument);
    }

    private void cancel(final Order order, final CancelReason reason)
    {
        if (order.substituteCount > 1)
        {
            substitutes.cancelGroup(order, reason);
            return;
        }
        state.listener.orderCancelled(state.now, order.id, order.account, order.instrument, order.side, order.remaining, reason);
        state.closeAndPublish(order, OrderStatus.CANCELLED);
    }

    private Order ownedOpenOrder(final Command command)
    {
        final Order order = state.openOrders.get(command.orderId);
        return order != null && order.account == command.account ? order : null;
    }

    private RejectCode checkCommon(final Command command, final Instrument instrument)
    {
        if (command.account <= 0)
        {
            return RejectCode.INVALID_COMMAND;
        }
        if (instrument == null)
        {
            return RejectCode.UNKNOWN_INSTRUMENT;
        }
        return checkQuantityAndPrice(command.gpus, command.price, instrument);
    }

    private RejectCode checkQuantityAndPrice(final int gpus, final long price, final Instrument instrument)
    {
        if (!instrument.allowsGpus(gpus))
        {
            return RejectCode.INVALID_QUANTITY;
        }
        if (price <= 0)
        {
            return RejectCode.INVALID_PRICE;
        }
        if (!state.books[instrument.index()].grid().isOnGrid(price))
        {
            return RejectCode.PRICE_NOT_ON_TICK;
        }
        return null;
    }

    private RejectCode checkAsk(final Command command)
    {
        final Instrument instrument = state.catalog.get(command.instrument);
        final RejectCode common = checkCommon(command, instrument);
        if (common != null)
        {
            return common;
        }
        if (command.minBlock < 1 || command.gpus % command.minBlock != 0)
        {
            return RejectCode.INVALID_MIN_BLOCK;
        }
        final long availableUntil = Command.resolve(command.availableUntil, state.now);
        // availableUntil < now first: the subtraction below could wrap for absurd values.
        if (availableUntil < state.now || availableUntil - state.now < instrument.minDurationMillis())
        {
            return RejectCode.WINDOW_TOO_SHORT;
        }
        if (!Notional.fits(command.price, command.gpus, windowMinutes(availableUntil)))
        {
            return RejectCode.NOTIONAL_OVERFLOW;
        }
        return null;
    }

    RejectCode checkBid(final Command command)
    {
        final Instrument instrument = state.catalog.get(command.instrument);
        final RejectCode common = checkCommon(command, instrument);
        if (common != null)
        {
            return common;
        }
        if (!instrument.allowsDuration(command.durationMinutes))
        {
            return RejectCode.INVALID_DURATION;
        }
        final TimeInForce tif = command.timeInForce;
        final long deadline = Command.resolve(command.deadline, state.now);
        if (tif == null || (tif == TimeInForce.GTD) != (deadline > 0))
        {
            return RejectCode.INVALID_DEADLINE;
        }
        if (tif == TimeInForce.GTD && state.now + command.durationMinutes * Instrument.MILLIS_PER_MINUTE > deadline)
        {
            return RejectCode.DEADLINE_TOO_SOON;
        }
        if (command.postOnly && tif.isImmediate())
        {
            return RejectCode.POST_ONLY_NOT_ALLOWED;
        }
        if ((command.postOnly || tif.isImmediate()) && state.modes.isAuction(command.instrument))
        {
            return RejectCode.NOT_ALLOWED_IN_AUCTION;
        }
        if (!Notional.fits(command.price, command.gpus, command.durationMinutes))
        {
            return RejectCode.NOTIONAL_OVERFLOW;
        }
        return null;
    }

    private RejectCode checkWouldTrade(final Order order)
    {
        if (order.postOnly && matcher.wouldTrade(order, order.price, order.remaining) > 0)
        {
            return RejectCode.POST_ONLY_WOULD_TRADE;
        }
        if (order.timeInForce == TimeInForce.FOK && fillable(order) < order.remaining)
        {
            return RejectCode.FOK_NOT_FILLABLE;
        }
        return null;
    }

    /** GPUs an arriving order would get now: from free capacity, then by preemption. */
    private int fillable(final Order order)
    {
        final int free = matcher.wouldTrade(order, order.price, order.remaining);
        return free + preemption.wouldTake(order, order.remaining - free);
    }

    private RejectCode checkAmend(final Command command, final Order order)
    {
        if (order.substituteGroup != 0)
        {
            return RejectCode.SUBSTITUTE_NOT_AMENDABLE;
        }
        final Instrument instrument = state.catalog.get(order.instrument);
        final RejectCode quantityAndPrice = checkQuantityAndPrice(command.gpus, command.price, instrument);
        if (quantityAndPrice != null)
        {
            return quantityAndPrice;
        }
        final boolean bid = order.isBid();
        if (!bid && command.gpus % order.minBlock != 0)
        {
            return RejectCode.INVALID_MIN_BLOCK;
        }
        final long minutes = bid ? order.durationMinutes : windowMinutes(order.availableUntil);
        if (!Notional.fits(command.price, command.gpus, minutes))
        {
            return RejectCode.NOTIONAL_OVERFLOW;
        }
        if (command.gpus == order.remaining && command.price == order.price)
        {
            return RejectCode.AMEND_NO_CHANGE;
        }
        if (order.postOnly && !state.modes.isAuction(order.instrument) && matcher.wouldTrade(order, command.price, command.gpus) > 0)
        {
            return RejectCode.POST_ONLY_WOULD_TRADE;
        }
        return preTradeCheck.onAmend(command, order.side, order.instrument, order.remaining, order.price, bid ? order.durationMinutes : 0);
    }

    /** Whole minutes left in an ask's window at now (the ask's notional horizon). */
    private long windowMinutes(final long availableUntil)
    {
        return (availableUntil - state.now) / Instrument.MILLIS_PER_MINUTE;
    }

    Order newOrder(final Command command, final Side side)
    {
        final Order order = state.newOrder();
        order.account = command.account;
        order.side = side;
        order.instrument = command.instrument;
        order.price = command.price;
        order.remaining = command.gpus;
        if (side == Side.BID)
        {
            order.durationMinutes = command.durationMinutes;
            order.timeInForce = command.timeInForce;
            order.deadline = Command.resolve(command.deadline, state.now);
            order.contiguous = command.contiguous;
            order.postOnly = command.postOnly;
            order.preemptible = command.preemptible;
            if (command.timeInForce == TimeInForce.GTD)
            {
                order.expiresAt = order.deadline - command.durationMinutes * Instrument.MILLIS_PER_MINUTE + 1;
            }
        }
        else
        {
            order.askPosted = command.gpus;
            order.availableUntil = Command.resolve(command.availableUntil, state.now);
            order.minBlock = command.minBlock;
            order.expiresAt = order.availableUntil - state.catalog.get(command.instrument).minDurationMillis() + 1;
        }
        return order;
    }
}
