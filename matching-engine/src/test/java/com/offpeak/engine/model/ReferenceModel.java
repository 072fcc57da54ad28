package com.offpeak.engine.model;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.Command;
import com.offpeak.engine.CommandType;
import com.offpeak.engine.EngineListener;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.LeaseView;
import com.offpeak.engine.LevelView;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.OrderView;
import com.offpeak.engine.PreTradeCheck;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * docs/matching.md in executable form: a slow, obviously-correct model of the matching engine used
 * to cross-check it. Everything is a plain list scanned linearly and sorted afresh whenever an
 * order is needed; timers are not stored but found by scanning the running leases and open
 * orders for the smallest (due, kind, id). It shares no code with the engine beyond the API types.
 */
public final class ReferenceModel
{
    private static final long MINUTE = Instrument.MILLIS_PER_MINUTE;
    /** docs/matching.md: a later timestamp is refused, which keeps every now + duration far from overflow. */
    private static final long MAX_TIMESTAMP = 1L << 62;
    private static final int LEASE_END = 0;
    private static final int ORDER_EXPIRY = 1;

    /** Price-time priority of one side: bids highest first, asks lowest first, then older priority. */
    private static final Comparator<ModelOrder> BID_PRIORITY =
        Comparator.comparingLong((ModelOrder o) -> -o.price).thenComparingLong(o -> o.prioritySeq);
    private static final Comparator<ModelOrder> ASK_PRIORITY =
        Comparator.comparingLong((ModelOrder o) -> o.price).thenComparingLong(o -> o.prioritySeq);

    private final Catalog catalog;
    private final long retentionMillis;
    private final int maxOpenOrders;
    private final EngineListener listener;
    private final PreTradeCheck preTradeCheck;
    private final long preemptionNoticeMillis;

    /** Open orders and draining asks, in id order. Closed orders live on only in clientOrderId records. */
    private final List<ModelOrder> orders = new ArrayList<>();
    private final List<ModelLease> leases = new ArrayList<>();
    private final List<ClientOrderRecord> clientOrderRecords = new ArrayList<>();
    /** Alternatives whose sibling traded first in this step, in the order they were voided. */
    private final List<ModelOrder> voided = new ArrayList<>();

    private long now;
    private long nextOrderId = 1;
    private long nextLeaseId = 1;
    private long nextPrioritySeq = 1;

    public ReferenceModel(
        final Catalog catalog, final long retentionMillis, final int maxOpenOrders, final EngineListener listener,
        final PreTradeCheck preTradeCheck)
    {
        this(catalog, retentionMillis, maxOpenOrders, 5 * MINUTE, listener, preTradeCheck);
    }

    public ReferenceModel(
        final Catalog catalog, final long retentionMillis, final int maxOpenOrders, final long preemptionNoticeMillis,
        final EngineListener listener, final PreTradeCheck preTradeCheck)
    {
        this.catalog = catalog;
        this.retentionMillis = retentionMillis;
        this.maxOpenOrders = maxOpenOrders;
        this.preemptionNoticeMillis = preemptionNoticeMillis;
        this.listener = listener;
        this.preTradeCheck = preTradeCheck;
    }

    public long now()
    {
        return now;
    }

    public void apply(final Command command)
    {
        if (command.type == null || command.timestamp > MAX_TIMESTAMP)
        {
            // refused before anything else: no timer fires and time does not move
            listener.rejected(now, command.account, command.clientOrderId, command.orderId, RejectCode.INVALID_COMMAND);
            return;
        }
        final long commandTime = Math.max(now, command.timestamp);
        fireTimersUpTo(commandTime);
        now = commandTime;
        switch (command.type)
        {
            case PLACE_ASK, PLACE_BID -> place(command);
            case CANCEL -> cancel(command);
            case CANCEL_ALL -> cancelAll(command);
            case AMEND -> amend(command);
            case TIMER_TICK ->
            {
                // only moves time: the timers have fired above
            }
            default -> throw new IllegalArgumentException("the model does not know " + command.type);
        }
        cancelVoided();
    }

    // ------------------------------------------------------------------------------------------ timers

    private void fireTimersUpTo(final long time)
    {
        while (true)
        {
            ModelLease dueLease = null;
            for (final ModelLease lease : leases)
            {
                if (lease.nextDue() <= time && (dueLease == null || lease.nextDue() < dueLease.nextDue() ||
                    (lease.nextDue() == dueLease.nextDue() && lease.id < dueLease.id)))
                {
                    dueLease = lease;
                }
            }
            ModelOrder dueOrder = null;
            for (final ModelOrder order : orders)
            {
                final long expiry = expiryOf(order);
                if (expiry != Long.MAX_VALUE && expiry <= time && (dueOrder == null || expiry < expiryOf(dueOrder) ||
                    (expiry == expiryOf(dueOrder) && order.id < dueOrder.id)))
                {
                    dueOrder = order;
                }
            }
            if (dueLease == null && dueOrder == null)
            {
                return;
            }
            if (dueOrder == null || (dueLease != null && compareTimers(dueLease.nextDue(), LEASE_END, dueLease.id, expiryOf(dueOrder),
                ORDER_EXPIRY, dueOrder.id) <= 0))
            {
                now = dueLease.nextDue();
                if (now == dueLease.end)
                {
                    endLease(dueLease);
                }
                else
                {
                    endNotice(dueLease);
                }
            }
            else
            {
                now = expiryOf(dueOrder);
                expire(dueOrder);
            }
            cancelVoided();
        }
    }

    private static int compareTimers(final long dueA, final int kindA, final long idA, final long dueB, final int kindB, final long idB)
    {
        if (dueA != dueB)
        {
            return Long.compare(dueA, dueB);
        }
        return kindA != kindB ? Integer.compare(kindA, kindB) : Long.compare(idA, idB);
    }

    /** The first millisecond at which an open order can no longer trade, or MAX_VALUE if it never expires. */
    private long expiryOf(final ModelOrder order)
    {
        if (!order.isOpen())
        {
            return Long.MAX_VALUE;
        }
        if (order.isBid())
        {
            return order.timeInForce == TimeInForce.GTD ? order.deadline - order.durationMinutes * MINUTE + 1 : Long.MAX_VALUE;
        }
        return order.availableUntil - catalog.get(order.instrument).minDurationMillis() + 1;
    }

    /** A lease runs its full duration; GPUs under a notice ending no earlier go on to the preemptor's lease. */
    private void endLease(final ModelLease lease)
    {
        leases.remove(lease);
        final ModelOrder ask = lease.ask;
        final int back = lease.gpus - lease.noticeGpus;
        ask.leased -= back;
        final boolean returned = ask.isOpen() && back > 0;
        if (ask.isOpen())
        {
            ask.free += back;
        }
        else
        {
            ask.retired += back;
        }
        listener.leaseEnded(now, lease.id, lease.instrument, lease.buyer, lease.owner, ask.id, lease.gpus,
            LeaseEndReason.COMPLETED, returned);
        if (returned)
        {
            publishLevel(ask.instrument, ask.side, ask.price);
            walk(ask, true);
            publishLevel(ask.instrument, ask.side, ask.price);
        }
        dropIfGone(ask);
    }

    /** A notice ends before the lease's natural end: its GPUs pass to the preemptor, and the victim's work is re-queued. */
    private void endNotice(final ModelLease lease)
    {
        final int gpus = lease.noticeGpus;
        listener.leaseEnded(now, lease.id, lease.instrument, lease.buyer, lease.owner, lease.ask.id, gpus, LeaseEndReason.PREEMPTED,
            false);
        lease.gpus -= gpus;
        lease.noticeGpus = 0;
        if (lease.gpus == 0)
        {
            leases.remove(lease);
        }
        requeue(lease, gpus);
    }

    private void requeue(final ModelLease victim, final int gpus)
    {
        if (victim.bidTimeInForce == TimeInForce.IOC || victim.bidTimeInForce == TimeInForce.FOK)
        {
            return;
        }
        final long used = (now - victim.start + MINUTE - 1) / MINUTE;
        final long unused = (victim.end - victim.start) / MINUTE - used;
        final int duration = (int)Math.max(unused, catalog.get(victim.instrument).minDurationMinutes());
        if (victim.bidTimeInForce == TimeInForce.GTD && now + duration * MINUTE > victim.bidDeadline)
        {
            return;
        }
        final Command command = new Command().placeBid(now, victim.buyer, 0, victim.instrument, gpus, duration, victim.bidPrice,
            victim.bidTimeInForce, victim.bidDeadline, victim.contiguous, false, true);
        RejectCode code = openOrderCount() >= maxOpenOrders ? RejectCode.ENGINE_FULL : null;
        if (code == null)
        {
            code = preTradeCheck.onPlace(command, nextOrderId);
        }
        if (code != null)
        {
            listener.rejected(now, victim.buyer, 0, victim.bidId, code);
            return;
        }
        final ModelOrder order = newBid(nextOrderId++, nextPrioritySeq++, command);
        orders.add(order);
        listener.requeued(now, order.id, victim.bidId, order.account, order.instrument, gpus, duration, order.price, order.timeInForce,
            order.deadline, order.contiguous);
        walk(order, true);
        preempt(order, order.remaining, true);
        if (order.remaining == 0)
        {
            order.close(OrderStatus.FILLED);
        }
        else
        {
            publishLevel(order.instrument, order.side, order.price);
        }
        dropIfGone(order);
    }

    private void expire(final ModelOrder order)
    {
        final int remaining = order.bookGpus();
        order.close(OrderStatus.EXPIRED);
        listener.orderExpired(now, order.id, order.account, order.instrument, order.side, remaining);
        publishLevel(order.instrument, order.side, order.price);
        dropIfGone(order);
    }

    // ------------------------------------------------------------------------------------------ place

    private void place(final Command command)
    {
        if (hasRetryProtection(command))
        {
            final ClientOrderRecord record = findClientOrderRecord(command.account, command.clientOrderId);
            if (record != null)
            {
                if (record.sameRequestAs(command))
                {
                    listener.duplicate(now, command.account, command.clientOrderId, record.orderId(), record.rejectCode(), record.status(),
                        record.remainingGpus());
                }
                else
                {
                    listener.rejected(now, command.account, command.clientOrderId, 0, RejectCode.DUPLICATE_CLIENT_ORDER_ID);
                }
                return;
            }
        }

        if (command.type == CommandType.PLACE_BID && command.substituteCount != 0)
        {
            placeSubstitutes(command);
            return;
        }
        RejectCode code = validatePlace(command);
        if (code == null && openOrderCount() >= maxOpenOrders)
        {
            code = RejectCode.ENGINE_FULL;
        }
        if (code == null && command.type == CommandType.PLACE_BID)
        {
            final ModelOrder probe = newBid(0, 0, command);
            if (command.postOnly && walk(probe, false) > 0)
            {
                code = RejectCode.POST_ONLY_WOULD_TRADE;
            }
            else if (command.timeInForce == TimeInForce.FOK &&
                walk(probe, false) + preempt(probe, command.gpus - walk(probe, false), false) < command.gpus)
            {
                code = RejectCode.FOK_NOT_FILLABLE;
            }
        }
        if (code == null)
        {
            code = preTradeCheck.onPlace(command, nextOrderId);
        }
        if (code != null)
        {
            recordAnswer(command, null, code);
            listener.rejected(now, command.account, command.clientOrderId, 0, code);
            return;
        }

        final long orderId = nextOrderId++;
        final ModelOrder order = command.type == CommandType.PLACE_BID
            ? newBid(orderId, nextPrioritySeq++, command)
            : ModelOrder.ask(orderId, command.account, command.instrument, command.gpus, command.price, nextPrioritySeq++,
                command.availableUntil, command.minBlock);
        orders.add(order);
        recordAnswer(command, order, null);
        listener.accepted(now, order.account, command.clientOrderId, order.id, order.side, order.instrument, command.gpus, order.price);

        walk(order, true);
        if (order.isBid())
        {
            preempt(order, order.remaining, true);
        }

        if (order.isBid() && order.remaining == 0)
        {
            order.close(OrderStatus.FILLED);
        }
        else if (order.isBid() && order.timeInForce == TimeInForce.IOC)
        {
            order.close(OrderStatus.CANCELLED);
            listener.orderCancelled(now, order.id, order.account, order.instrument, order.side, order.remaining,
                CancelReason.IOC_REMAINDER);
        }
        else
        {
            publishLevel(order.instrument, order.side, order.price);
        }
        dropIfGone(order);
    }

    /** docs/matching.md "Substitutes": every alternative checked, all accepted, tried in order, the first to trade wins. */
    private void placeSubstitutes(final Command command)
    {
        final int count = command.substituteCount + 1;
        RejectCode code = count < 2 || count > 4 || command.timeInForce == TimeInForce.FOK ? RejectCode.INVALID_SUBSTITUTES : null;
        final List<Command> alternatives = new ArrayList<>();
        for (int i = 0; code == null && i < count; i++)
        {
            final Command terms = new Command().copyFrom(command);
            terms.substituteCount = 0;
            if (i > 0)
            {
                terms.instrument = command.substituteInstrument[i - 1];
                terms.gpus = command.substituteGpus[i - 1];
                terms.durationMinutes = command.substituteDuration[i - 1];
                terms.price = command.substitutePrice[i - 1];
            }
            alternatives.add(terms);
            code = validatePlace(terms);
        }
        if (code == null && openOrderCount() + count > maxOpenOrders)
        {
            code = RejectCode.ENGINE_FULL;
        }
        for (int i = 0; code == null && command.postOnly && i < count; i++)
        {
            if (walk(newBid(0, 0, alternatives.get(i)), false) > 0)
            {
                code = RejectCode.POST_ONLY_WOULD_TRADE;
            }
        }
        if (code == null)
        {
            code = preTradeCheck.onPlace(command, nextOrderId);
        }
        if (code != null)
        {
            recordAnswer(command, null, code);
            listener.rejected(now, command.account, command.clientOrderId, 0, code);
            return;
        }

        final List<ModelOrder> group = new ArrayList<>();
        for (final Command terms : alternatives)
        {
            final ModelOrder order = newBid(nextOrderId++, nextPrioritySeq++, terms);
            order.substituteGroup = group.isEmpty() ? order.id : group.get(0).id;
            order.substituteCount = count;
            group.add(order);
        }
        recordAnswer(command, group.get(0), null);
        for (final ModelOrder order : group)
        {
            listener.accepted(now, order.account, command.clientOrderId, order.id, order.side, order.instrument, order.remaining, order.price);
        }
        ModelOrder winner = null;
        for (final ModelOrder order : group)
        {
            walk(order, true);
            preempt(order, order.remaining, true);
            if (order.filled > 0)
            {
                winner = order;
                order.substituteCount = 1;
                break;
            }
        }
        for (final ModelOrder order : group)
        {
            if (winner != null && order != winner)
            {
                order.close(OrderStatus.CANCELLED);
                listener.orderCancelled(now, order.id, order.account, order.instrument, order.side, order.remaining,
                    CancelReason.SUBSTITUTE_FILLED);
            }
            else if (order.remaining == 0)
            {
                order.close(OrderStatus.FILLED);
            }
            else if (order.timeInForce == TimeInForce.IOC)
            {
                order.close(OrderStatus.CANCELLED);
                listener.orderCancelled(now, order.id, order.account, order.instrument, order.side, order.remaining,
                    CancelReason.IOC_REMAINDER);
            }
            else
            {
                orders.add(order);
                publishLevel(order.instrument, order.side, order.price);
            }
        }
    }

    /** The first fill of an undecided alternative voids its open siblings (docs/matching.md "Substitutes"). */
    private void decideSubstitutes(final ModelOrder winner)
    {
        if (winner.substituteCount <= 1)
        {
            return;
        }
        for (final ModelOrder order : orders)
        {
            if (order != winner && order.isOpen() && order.substituteGroup == winner.substituteGroup && order.isBid())
            {
                order.voided = true;
                voided.add(order);
            }
        }
        winner.substituteCount = 1;
    }

    private void cancelVoided()
    {
        final List<ModelOrder> due = new ArrayList<>(voided);
        voided.clear();
        for (final ModelOrder order : due)
        {
            if (order.isOpen())
            {
                cancelOrder(order, CancelReason.SUBSTITUTE_FILLED);
            }
        }
    }

    private ModelOrder newBid(final long orderId, final long prioritySeq, final Command command)
    {
        return ModelOrder.bid(orderId, command.account, command.instrument, command.gpus, command.price, prioritySeq,
            command.durationMinutes, command.timeInForce, command.deadline, command.contiguous, command.postOnly, command.preemptible);
    }

    /** Steps 2 and 3 of docs/matching.md "Place": the checks that need only the command and the catalog. */
    private RejectCode validatePlace(final Command command)
    {
        if (command.account <= 0)
        {
            return RejectCode.INVALID_COMMAND;
        }
        final Instrument instrument = catalog.get(command.instrument);
        if (instrument == null)
        {
            return RejectCode.UNKNOWN_INSTRUMENT;
        }
        if (command.gpus < 1 || command.gpus > instrument.maxGpus())
        {
            return RejectCode.INVALID_QUANTITY;
        }
        if (command.price <= 0)
        {
            return RejectCode.INVALID_PRICE;
        }
        if (command.price % instrument.tickSize() != 0)
        {
            return RejectCode.PRICE_NOT_ON_TICK;
        }
        if (command.type == CommandType.PLACE_ASK)
        {
            if (command.minBlock < 1 || command.gpus % command.minBlock != 0)
            {
                return RejectCode.INVALID_MIN_BLOCK;
            }
            if (command.availableUntil - now < instrument.minDurationMillis())
            {
                return RejectCode.WINDOW_TOO_SHORT;
            }
            if (overflows(command.price, command.gpus, (command.availableUntil - now) / MINUTE))
            {
                return RejectCode.NOTIONAL_OVERFLOW;
            }
            return null;
        }
        if (command.durationMinutes < instrument.minDurationMinutes() || command.durationMinutes > instrument.maxDurationMinutes())
        {
            return RejectCode.INVALID_DURATION;
        }
        if (command.timeInForce == null || (command.timeInForce == TimeInForce.GTD) != (command.deadline > 0))
        {
            return RejectCode.INVALID_DEADLINE;
        }
        if (command.timeInForce == TimeInForce.GTD && now + command.durationMinutes * MINUTE > command.deadline)
        {
            return RejectCode.DEADLINE_TOO_SOON;
        }
        if (command.postOnly && command.timeInForce.isImmediate())
        {
            return RejectCode.POST_ONLY_NOT_ALLOWED;
        }
        if (overflows(command.price, command.gpus, command.durationMinutes))
        {
            return RejectCode.NOTIONAL_OVERFLOW;
        }
        return null;
    }

    private static boolean overflows(final long price, final long gpus, final long minutes)
    {
        final BigInteger product = BigInteger.valueOf(price).multiply(BigInteger.valueOf(gpus)).multiply(BigInteger.valueOf(minutes));
        return product.bitLength() > 63;
    }

    private ClientOrderRecord findClientOrderRecord(final long account, final long clientOrderId)
    {
        for (final ClientOrderRecord record : clientOrderRecords)
        {
            if (record.request().account == account && record.request().clientOrderId == clientOrderId &&
                now - record.recordedAt() < retentionMillis)
            {
                return record;
            }
        }
        return null;
    }

    /**
     * Records are kept per account, so a command without a valid account has none: it is simply
     * rejected INVALID_COMMAND each time (docs/matching.md lists the lookup first, but an account
     * of 0 owns no ids).
     */
    private static boolean hasRetryProtection(final Command command)
    {
        return command.clientOrderId != 0 && command.account > 0;
    }

    private void recordAnswer(final Command command, final ModelOrder order, final RejectCode code)
    {
        if (hasRetryProtection(command))
        {
            clientOrderRecords.add(new ClientOrderRecord(new Command().copyFrom(command), now, order, code));
        }
    }

    // ------------------------------------------------------------------------------------------ matching

    /**
     * The aggressor walks the opposite side of its book in priority order while prices cross,
     * skipping incompatible orders in place. With {@code execute} false nothing changes: it only
     * tells how many GPUs the walk would trade (for postOnly and FOK).
     */
    private int walk(final ModelOrder aggressor, final boolean execute)
    {
        final List<ModelOrder> opposite = bookSide(aggressor.instrument, aggressor.isBid() ? Side.ASK : Side.BID);
        int left = aggressor.bookGpus();
        int traded = 0;
        for (final ModelOrder passive : opposite)
        {
            if (left == 0)
            {
                break;
            }
            final ModelOrder bid = aggressor.isBid() ? aggressor : passive;
            final ModelOrder ask = aggressor.isBid() ? passive : aggressor;
            if (ask.price > bid.price)
            {
                break;
            }
            final int bidRemaining = aggressor.isBid() ? left : passive.remaining;
            final int askFree = aggressor.isBid() ? passive.free : left;
            final int quantity = fillSize(bid, bidRemaining, ask, askFree);
            if (quantity == 0)
            {
                continue;
            }
            left -= quantity;
            traded += quantity;
            if (execute)
            {
                trade(bid, ask, quantity, passive);
            }
        }
        return traded;
    }

    /** GPUs the pair can trade now, or 0 when it is incompatible (docs/matching.md "Compatibility and fill size"). */
    private int fillSize(final ModelOrder bid, final int bidRemaining, final ModelOrder ask, final int askFree)
    {
        if (bid.account == ask.account || bid.voided)
        {
            return 0;
        }
        final long leaseEnd = now + bid.durationMinutes * MINUTE;
        if (leaseEnd > ask.availableUntil)
        {
            return 0;
        }
        // Redundant by the docs (an expired GTD bid is gone), except when a lease end and the bid's
        // expiry fall on the same millisecond: lease ends fire first, and the lease must still
        // finish by the deadline (MARKET.md: a GTD bid rests until deadline - duration).
        if (bid.timeInForce == TimeInForce.GTD && leaseEnd > bid.deadline)
        {
            return 0;
        }
        final int upTo = Math.min(bidRemaining, askFree);
        final int quantity = upTo - upTo % ask.minBlock;
        if (bid.contiguous && quantity != bidRemaining)
        {
            return 0;
        }
        return quantity;
    }

    private void trade(final ModelOrder bid, final ModelOrder ask, final int gpus, final ModelOrder passive)
    {
        final ModelOrder maker = bid.prioritySeq < ask.prioritySeq ? bid : ask;
        final long leaseId = nextLeaseId++;
        final long end = now + bid.durationMinutes * MINUTE;
        decideSubstitutes(bid);
        bid.remaining -= gpus;
        bid.filled += gpus;
        ask.free -= gpus;
        ask.leased += gpus;
        leases.add(new ModelLease(leaseId, bid, ask, gpus, now, maker.price));
        listener.fill(now, bid.instrument, leaseId, bid.id, ask.id, bid.account, ask.account, gpus, bid.durationMinutes, maker.price,
            maker.side, bid.remaining);
        listener.leaseStarted(now, leaseId, bid.instrument, bid.account, ask.account, bid.id, ask.id, gpus, now, end, maker.price,
            bid.preemptible);
        if (passive.isBid() && passive.remaining == 0)
        {
            passive.close(OrderStatus.FILLED);
            dropIfGone(passive);
        }
        publishLevel(passive.instrument, passive.side, passive.price);
    }

    // ------------------------------------------------------------------------------------------ preemption

    /**
     * docs/matching.md "Preemption": a non-preemptible, non-postOnly bid takes what it still misses
     * from the preemptible leases of its instrument, cheapest first, newest first at one price.
     * Returns the GPUs taken; with {@code execute} false nothing changes.
     */
    private int preempt(final ModelOrder bid, final int missing, final boolean execute)
    {
        if (bid.preemptible || bid.postOnly || missing == 0)
        {
            return 0;
        }
        final long tick = catalog.get(bid.instrument).tickSize();
        final List<ModelLease> candidates = new ArrayList<>();
        for (final ModelLease lease : leases)
        {
            if (lease.preemptible && lease.instrument == bid.instrument && lease.price + tick <= bid.price)
            {
                candidates.add(lease);
            }
        }
        candidates.sort(Comparator.comparingLong((ModelLease l) -> l.price).thenComparingLong(l -> -l.id));
        int left = missing;
        for (final ModelLease victim : candidates)
        {
            if (left == 0)
            {
                break;
            }
            final long handOver = Math.min(now + preemptionNoticeMillis, victim.end);
            final long end = handOver + bid.durationMinutes * MINUTE;
            if (victim.noticeGpus > 0 || victim.buyer == bid.account || victim.owner == bid.account || !victim.ask.isOpen() ||
                end > victim.ask.availableUntil || (bid.timeInForce == TimeInForce.GTD && end > bid.deadline))
            {
                continue;
            }
            final int upTo = Math.min(left, victim.gpus);
            final int gpus = upTo - upTo % victim.ask.minBlock;
            if (gpus == 0 || (victim.contiguous && gpus != victim.gpus) || (bid.contiguous && gpus != left))
            {
                continue;
            }
            left -= gpus;
            if (execute)
            {
                decideSubstitutes(bid);
                victim.noticeGpus = gpus;
                victim.noticeEnd = handOver;
                listener.preempted(now, victim.id, victim.instrument, victim.buyer, victim.owner, gpus, handOver, bid.id);
                bid.remaining -= gpus;
                bid.filled += gpus;
                final long leaseId = nextLeaseId++;
                final ModelLease lease = new ModelLease(leaseId, bid, victim.ask, gpus, handOver, victim.price + tick);
                leases.add(lease);
                listener.fill(now, bid.instrument, leaseId, bid.id, victim.ask.id, bid.account, victim.owner, gpus, bid.durationMinutes,
                    lease.price, Side.ASK, bid.remaining);
                listener.leaseStarted(now, leaseId, bid.instrument, bid.account, victim.owner, bid.id, victim.ask.id, gpus, handOver,
                    lease.end, lease.price, false);
            }
        }
        return missing - left;
    }

    // ------------------------------------------------------------------------------------------ cancel, amend

    private void cancel(final Command command)
    {
        final ModelOrder order = findOpen(command.orderId, command.account);
        if (order == null)
        {
            listener.rejected(now, command.account, command.clientOrderId, command.orderId, RejectCode.UNKNOWN_ORDER);
            return;
        }
        cancelWithGroup(order, CancelReason.USER);
    }

    private void cancelAll(final Command command)
    {
        if (command.instrument != Command.ALL_INSTRUMENTS && catalog.get(command.instrument) == null)
        {
            listener.rejected(now, command.account, command.clientOrderId, 0, RejectCode.UNKNOWN_INSTRUMENT);
            return;
        }
        for (final ModelOrder order : new ArrayList<>(orders))
        {
            if (order.isOpen() && order.account == command.account &&
                (command.instrument == Command.ALL_INSTRUMENTS || command.instrument == order.instrument))
            {
                cancelWithGroup(order, CancelReason.CANCEL_ALL);
            }
        }
    }

    /** Cancelling any alternative of an undecided substitutes bid cancels all its open alternatives, in id order. */
    private void cancelWithGroup(final ModelOrder order, final CancelReason reason)
    {
        if (order.substituteCount <= 1)
        {
            cancelOrder(order, reason);
            return;
        }
        for (final ModelOrder sibling : new ArrayList<>(orders))
        {
            if (sibling.isOpen() && sibling.isBid() && sibling.substituteGroup == order.substituteGroup)
            {
                cancelOrder(sibling, reason);
            }
        }
    }

    private void cancelOrder(final ModelOrder order, final CancelReason reason)
    {
        final int remaining = order.bookGpus();
        order.close(OrderStatus.CANCELLED);
        listener.orderCancelled(now, order.id, order.account, order.instrument, order.side, remaining, reason);
        publishLevel(order.instrument, order.side, order.price);
        dropIfGone(order);
    }

    private void amend(final Command command)
    {
        final ModelOrder order = findOpen(command.orderId, command.account);
        final RejectCode code = order == null ? RejectCode.UNKNOWN_ORDER : validateAmend(order, command);
        if (code != null)
        {
            listener.rejected(now, command.account, command.clientOrderId, command.orderId, code);
            return;
        }
        final long oldPrice = order.price;
        final boolean priorityKept = command.price == order.price && command.gpus <= order.bookGpus();
        if (order.isBid())
        {
            order.remaining = command.gpus;
        }
        else
        {
            if (command.gpus < order.free)
            {
                order.retired += order.free - command.gpus;
            }
            else
            {
                order.posted += command.gpus - order.free;
            }
            order.free = command.gpus;
        }
        order.price = command.price;
        if (!priorityKept)
        {
            order.prioritySeq = nextPrioritySeq++;
        }
        listener.amended(now, order.id, order.account, order.instrument, order.side, order.bookGpus(), order.price, priorityKept);
        if (oldPrice != order.price)
        {
            publishLevel(order.instrument, order.side, oldPrice);
        }
        publishLevel(order.instrument, order.side, order.price);

        walk(order, true);

        if (order.isBid() && order.remaining == 0)
        {
            order.close(OrderStatus.FILLED);
        }
        publishLevel(order.instrument, order.side, order.price);
        dropIfGone(order);
    }

    private RejectCode validateAmend(final ModelOrder order, final Command command)
    {
        if (order.substituteGroup != 0)
        {
            return RejectCode.SUBSTITUTE_NOT_AMENDABLE;
        }
        final Instrument instrument = catalog.get(order.instrument);
        if (command.gpus < 1 || command.gpus > instrument.maxGpus())
        {
            return RejectCode.INVALID_QUANTITY;
        }
        if (command.price <= 0)
        {
            return RejectCode.INVALID_PRICE;
        }
        if (command.price % instrument.tickSize() != 0)
        {
            return RejectCode.PRICE_NOT_ON_TICK;
        }
        if (!order.isBid() && command.gpus % order.minBlock != 0)
        {
            return RejectCode.INVALID_MIN_BLOCK;
        }
        final long minutes = order.isBid() ? order.durationMinutes : (order.availableUntil - now) / MINUTE;
        if (overflows(command.price, command.gpus, minutes))
        {
            return RejectCode.NOTIONAL_OVERFLOW;
        }
        if (command.gpus == order.bookGpus() && command.price == order.price)
        {
            return RejectCode.AMEND_NO_CHANGE;
        }
        if (order.isBid() && order.postOnly)
        {
            final ModelOrder probe = ModelOrder.bid(order.id, order.account, order.instrument, command.gpus, command.price,
                order.prioritySeq, order.durationMinutes, order.timeInForce, order.deadline, order.contiguous, true, order.preemptible);
            if (walk(probe, false) > 0)
            {
                return RejectCode.POST_ONLY_WOULD_TRADE;
            }
        }
        return preTradeCheck.onAmend(command, order.side, order.instrument, order.bookGpus(), order.price,
            order.isBid() ? order.durationMinutes : 0);
    }

    // ------------------------------------------------------------------------------------------ book helpers

    private ModelOrder findOpen(final long orderId, final long account)
    {
        for (final ModelOrder order : orders)
        {
            if (order.id == orderId && order.isOpen() && order.account == account)
            {
                return order;
            }
        }
        return null;
    }

    private void dropIfGone(final ModelOrder order)
    {
        if (!order.isLive())
        {
            orders.remove(order);
        }
    }

    /** The open orders of one side of a book in priority order, freshly sorted. */
    private List<ModelOrder> bookSide(final int instrument, final Side side)
    {
        final List<ModelOrder> result = new ArrayList<>();
        for (final ModelOrder order : orders)
        {
            if (order.isOpen() && order.instrument == instrument && order.side == side)
            {
                result.add(order);
            }
        }
        result.sort(side == Side.BID ? BID_PRIORITY : ASK_PRIORITY);
        return result;
    }

    private void publishLevel(final int instrument, final Side side, final long price)
    {
        int gpus = 0;
        int count = 0;
        for (final ModelOrder order : orders)
        {
            if (order.isOpen() && order.instrument == instrument && order.side == side && order.price == price && order.bookGpus() > 0)
            {
                gpus += order.bookGpus();
                count++;
            }
        }
        listener.bookChanged(now, instrument, side, price, gpus, count);
    }

    // ------------------------------------------------------------------------------------------ views

    public int openOrderCount()
    {
        int count = 0;
        for (final ModelOrder order : orders)
        {
            if (order.isOpen())
            {
                count++;
            }
        }
        return count;
    }

    /** Depth levels best first; only levels with GPUs. */
    public void depth(final int instrument, final Side side, final LevelView view)
    {
        final List<ModelOrder> sorted = bookSide(instrument, side);
        int i = 0;
        while (i < sorted.size())
        {
            final long price = sorted.get(i).price;
            int gpus = 0;
            int count = 0;
            while (i < sorted.size() && sorted.get(i).price == price)
            {
                if (sorted.get(i).bookGpus() > 0)
                {
                    gpus += sorted.get(i).bookGpus();
                    count++;
                }
                i++;
            }
            if (gpus > 0)
            {
                view.level(price, gpus, count);
            }
        }
    }

    /** Open orders and draining asks, in order-id order. */
    public void forEachOrder(final OrderView view)
    {
        for (final ModelOrder order : orders)
        {
            if (order.isBid())
            {
                view.order(order.id, order.account, order.side, order.instrument, order.price, order.prioritySeq, true, order.remaining, 0, 0,
                    order.filled + order.remaining);
            }
            else
            {
                view.order(order.id, order.account, order.side, order.instrument, order.price, order.prioritySeq, order.isOpen(), order.free,
                    order.leased, order.retired, order.posted);
            }
        }
    }

    /** Running leases in lease-id order. */
    public void forEachLease(final LeaseView view)
    {
        for (final ModelLease lease : leases)
        {
            view.lease(lease.id, lease.instrument, lease.buyer, lease.owner, lease.bidId, lease.ask.id, lease.gpus, lease.start, lease.end,
                lease.price, lease.preemptible);
        }
    }

    /** A read-only summary of one open order, for the command generator to aim cancels and amends at. */
    public record OpenOrder(long orderId, long account, Side side, int instrument, long price, int gpus, int minBlock)
    {
    }

    public List<OpenOrder> openOrders()
    {
        final List<OpenOrder> result = new ArrayList<>();
        for (final ModelOrder order : orders)
        {
            if (order.isOpen())
            {
                result.add(new OpenOrder(order.id, order.account, order.side, order.instrument, order.price, order.bookGpus(),
                    order.isBid() ? 1 : order.minBlock));
            }
        }
        return result;
    }
}
