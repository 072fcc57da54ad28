package com.offpeak.engine;

import com.offpeak.engine.auction.FillSizer;
import com.offpeak.engine.book.BookSide;
import com.offpeak.engine.book.PriceLevel;
import com.offpeak.engine.catalog.Instrument;
import com.offpeak.engine.lease.Lease;
import com.offpeak.engine.order.Order;
import com.offpeak.engine.timer.TimerQueue;

/**
 * The matching rule, all of it (docs/matching.md, "Compatibility and fill size" and "Matching
 * walk"): an aggressor walks the opposite side in priority order while prices cross; an order it
 * cannot trade with is skipped and keeps its place; each compatible one trades the fill size at the
 * price of the older of the two, creating one lease.
 *
 * <p>The same walk answers "what would trade?" without changing anything (postOnly and FOK
 * checks): a dry run touches each passive order at most once and tracks only the aggressor's
 * remainder, so it needs no copy of the book.
 */
final class Matcher implements FillSizer
{
    private final EngineState state;
    private final boolean ignoreMinBlock;
    private final boolean skipLosesPriority;

    Matcher(final EngineState state)
    {
        this.state = state;
        this.ignoreMinBlock = state.config.plantedBug() == PlantedBug.IGNORE_MIN_BLOCK;
        this.skipLosesPriority = state.config.plantedBug() == PlantedBug.SKIP_LOSES_PRIORITY;
    }

    /**
     * GPUs a bid and an ask can trade now, 0 when they are incompatible: another account, a window
     * that holds the whole lease, a lease that ends by a GTD bid's deadline, whole blocks of the ask,
     * and all-or-none for a contiguous bid.
     * Price crossing is the caller's concern (the walk stops at the first level that does not cross).
     */
    @Override
    public int fillSize(final Order bid, final int bidRemaining, final Order ask, final int askFree)
    {
        if (bid.account == ask.account || bid.substituteVoided)
        {
            return 0;
        }
        final long leaseEnd = state.now + bid.durationMinutes * Instrument.MILLIS_PER_MINUTE;
        if (leaseEnd > ask.availableUntil)
        {
            return 0;
        }
        // Resting GTD bids expire before their deadline becomes unreachable, except at the one
        // millisecond where a lease end (fired first) returns GPUs on the bid's expiry instant.
        if (bid.timeInForce == TimeInForce.GTD && leaseEnd > bid.deadline)
        {
            return 0;
        }
        int q = Math.min(bidRemaining, askFree);
        if (!ignoreMinBlock)
        {
            q = ask.wholeBlocks(q);
        }
        if (q <= 0 || (bid.contiguous && q != bidRemaining))
        {
            return 0;
        }
        return q;
    }

    /** GPUs {@code aggressor} would trade at the given price and quantity; changes nothing. */
    int wouldTrade(final Order aggressor, final long price, final int remaining)
    {
        return walk(aggressor, price, remaining, false);
    }

    /**
     * Trades {@code aggressor} at its price and remainder, emitting fill, leaseStarted and the
     * passive level's bookChanged per fill. Returns the GPUs traded. The aggressor's own level (if
     * it rests) and its end of life are the caller's to publish.
     */
    int trade(final Order aggressor)
    {
        return walk(aggressor, aggressor.price, aggressor.remaining, true);
    }

    private int walk(final Order aggressor, final long price, final int remaining, final boolean execute)
    {
        final BookSide passiveSide = state.books[aggressor.instrument].opposite(aggressor.side);
        final boolean aggressorIsBid = aggressor.isBid();
        int left = remaining;
        int index = 0;
        while (left > 0 && index < passiveSide.levelCount())
        {
            final PriceLevel level = passiveSide.level(index);
            if (passiveSide.isBetter(price, level.price()))
            {
                break;
            }
            if (level.gpus() == 0)
            {
                // Only fully leased asks: nothing to trade, and skipping them never changes their place.
                index++;
                continue;
            }
            final Order last = level.tail();
            Order passive = level.head();
            // Fully leased asks can only be skipped: the walk leaves a level once it has seen every
            // order that had GPUs when it arrived, instead of stepping through the leased tail.
            int unseenWithGpus = level.activeOrders();
            while (passive != null && left > 0 && unseenWithGpus > 0)
            {
                final Order next = passive.nextInLevel();
                final boolean wasLast = passive == last;
                if (passive.remaining > 0)
                {
                    unseenWithGpus--;
                }
                final int q = aggressorIsBid ?
                    fillSize(aggressor, left, passive, passive.remaining) :
                    fillSize(passive, passive.remaining, aggressor, left);
                if (q > 0)
                {
                    left -= q;
                    if (execute)
                    {
                        fill(aggressor, passive, passiveSide, level, q);
                    }
                }
                else if (execute && skipLosesPriority)
                {
                    level.remove(passive);
                    passive.prioritySeq = state.nextPrioritySeq++;
                    level.append(passive);
                }
                if (wasLast)
                {
                    break;
                }
                passive = next;
            }
            if (execute && level.isEmpty())
            {
                passiveSide.removeLevel(level);
            }
            else
            {
                index++;
            }
        }
        return remaining - left;
    }

    private void fill(final Order aggressor, final Order passive, final BookSide passiveSide, final PriceLevel passiveLevel,
        final int q)
    {
        final Order bid = aggressor.isBid() ? aggressor : passive;
        final Order ask = aggressor.isBid() ? passive : aggressor;
        final Order maker = bid.prioritySeq < ask.prioritySeq ? bid : ask;
        lease(bid, ask, q, maker.price, maker.side);
        state.publish(passiveSide, passiveLevel);
        if (passive == bid && bid.remaining == 0)
        {
            state.close(bid, OrderStatus.FILLED);
        }
    }

    /**
     * Moves {@code q} GPUs from the bid's remainder and the ask's free GPUs into a lease starting now
     * at {@code price} ({@code maker} null for a call-auction fill). Publishing levels and closing a
     * filled bid are the caller's.
     */
    void lease(final Order bid, final Order ask, final int q, final long price, final Side maker)
    {
        reduce(bid, q);
        bid.filled += q;
        reduce(ask, q);
        ask.leased += q;
        openLease(bid, ask, q, state.now, price, maker);
    }

    /**
     * Creates the lease of {@code q} GPUs of {@code ask} for {@code bid} from {@code start} for the
     * bid's duration, arms its end and reports {@code fill} then {@code leaseStarted}. The GPUs'
     * accounting on both orders is the caller's.
     */
    Lease openLease(final Order bid, final Order ask, final int q, final long start, final long price, final Side maker)
    {
        state.substituteGroups.firstFill(bid, state.openOrders);
        final Lease lease = state.leases.newLease();
        lease.id = state.nextLeaseId++;
        lease.instrument = bid.instrument;
        lease.buyer = bid.account;
        lease.owner = ask.account;
        lease.bidId = bid.id;
        lease.ask = ask;
        lease.gpus = q;
        lease.start = start;
        lease.end = start + bid.durationMinutes * Instrument.MILLIS_PER_MINUTE;
        lease.price = price;
        lease.preemptible = bid.preemptible;
        lease.bidDeadline = bid.timeInForce == TimeInForce.GTD ? bid.deadline : 0;
        lease.bidPrice = bid.price;
        lease.bidTimeInForce = bid.timeInForce;
        lease.contiguous = bid.contiguous;
        state.leases.add(lease);
        state.timers.push(lease.end, TimerQueue.LEASE_END, lease.id);

        final EngineListener listener = state.listener;
        listener.fill(state.now, bid.instrument, lease.id, bid.id, ask.id, bid.account, ask.account, q, bid.durationMinutes, price, maker,
            bid.remaining);
        listener.leaseStarted(state.now, lease.id, lease.instrument, lease.buyer, lease.owner, bid.id, ask.id, q, lease.start, lease.end,
            price, lease.preemptible);
        return lease;
    }

    /** Takes {@code q} from an order's remainder, through its level while it rests so depth stays exact. */
    static void reduce(final Order order, final int q)
    {
        if (order.level != null)
        {
            order.level.setRemaining(order, order.remaining - q);
        }
        else
        {
            order.remaining -= q;
        }
    }
}
