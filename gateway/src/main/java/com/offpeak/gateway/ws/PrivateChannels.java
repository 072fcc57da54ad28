package com.offpeak.gateway.ws;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.gateway.server.OutputAdapter;
import com.offpeak.gateway.wire.JsonText;
import com.offpeak.ledger.Ledger;
import com.offpeak.ledger.LedgerResult;
import java.util.ArrayList;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Each account's private channel: its order acks and rejects, fills, lease starts and ends,
 * preemption notices and re-queues, expiries, cancels, amends, spending caps and balance changes, sent to every session logged in for that
 * account and to no other. Confined to the publisher context. An event is encoded only when its
 * account has a session, so accounts nobody watches cost a map lookup. Book, market-mode, auction
 * and quote records are left to the {@link OutputAdapter}'s no-ops: they are market data's or the
 * quote requester's business, and snapshots are operational, not an account's event.
 */
public final class PrivateChannels extends OutputAdapter
{
    private final Catalog catalog;
    private final Balances balances;
    private final JsonText json = new JsonText();
    private final Long2ObjectHashMap<ArrayList<Session>> sessionsByAccount = new Long2ObjectHashMap<>();

    public PrivateChannels(final Catalog catalog, final Balances balances)
    {
        this.catalog = catalog;
        this.balances = balances;
    }

    public void add(final Session session)
    {
        ArrayList<Session> sessions = sessionsByAccount.get(session.account());
        if (sessions == null)
        {
            sessions = new ArrayList<>(2);
            sessionsByAccount.put(session.account(), sessions);
        }
        if (!sessions.contains(session))
        {
            sessions.add(session);
        }
        session.send(balanceMessage(session.account()));
    }

    public void remove(final Session session)
    {
        final ArrayList<Session> sessions = sessionsByAccount.get(session.account());
        if (sessions != null)
        {
            sessions.remove(session);
            if (sessions.isEmpty())
            {
                sessionsByAccount.remove(session.account());
            }
        }
    }

    /** Sends every watched account whose balance moved since the last call its new balance, once. */
    public void flushBalances()
    {
        final long[] changed = balances.changedParticipants();
        final int count = balances.changedCount();
        for (int i = 0; i < count; i++)
        {
            if (sessionsByAccount.containsKey(changed[i]))
            {
                send(changed[i], balanceMessage(changed[i]));
            }
        }
        balances.clearChanged();
    }

    @Override
    public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
        final int instrument, final int gpus, final long price)
    {
        if (watched(account))
        {
            start("accepted", time).field("orderId", orderId).field("clientOrderId", clientOrderId).field("side", side.name())
                .field("instrument", instrumentId(instrument)).field("gpus", gpus).price("price", price);
            send(account, json.finishUtf8());
        }
    }

    @Override
    public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
    {
        if (watched(account))
        {
            start("rejected", time).field("orderId", orderId).field("clientOrderId", clientOrderId).field("code", code.name())
                .field("message", code.message());
            send(account, json.finishUtf8());
        }
    }

    @Override
    public void duplicate(final long time, final long account, final long clientOrderId, final long orderId,
        final RejectCode originalReject, final OrderStatus status, final int remainingGpus)
    {
        if (watched(account))
        {
            start("duplicate", time).field("orderId", orderId).field("clientOrderId", clientOrderId)
                .field("originalReject", originalReject == null ? null : originalReject.name())
                .field("status", status == null ? null : status.name()).field("remainingGpus", remainingGpus);
            send(account, json.finishUtf8());
        }
    }

    @Override
    public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
        final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
    {
        if (watched(buyer))
        {
            send(buyer, fillMessage(time, instrument, leaseId, bidId, askId, "BUYER", bidId, gpus, durationMinutes, price, maker,
                bidRemaining));
        }
        if (watched(owner))
        {
            send(owner, fillMessage(time, instrument, leaseId, bidId, askId, "OWNER", askId, gpus, durationMinutes, price, maker,
                bidRemaining));
        }
    }

    @Override
    public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
        final boolean preemptible)
    {
        if (watched(buyer) || watched(owner))
        {
            start("leaseStarted", time).field("leaseId", leaseId).field("instrument", instrumentId(instrument))
                .field("buyer", buyer).field("owner", owner).field("bidId", bidId).field("askId", askId).field("gpus", gpus)
                .field("start", start).field("end", end).price("price", price).field("preemptible", preemptible);
            final byte[] message = json.finishUtf8();
            send(buyer, message);
            send(owner, message);
        }
    }

    @Override
    public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
    {
        if (watched(buyer) || watched(owner))
        {
            start("leaseEnded", time).field("leaseId", leaseId).field("instrument", instrumentId(instrument))
                .field("buyer", buyer).field("owner", owner).field("askId", askId).field("gpus", gpus)
                .field("reason", reason.name()).field("returnedToAsk", returnedToAsk);
            final byte[] message = json.finishUtf8();
            send(buyer, message);
            send(owner, message);
        }
    }

    @Override
    public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus)
    {
        if (watched(account))
        {
            start("orderExpired", time).field("orderId", orderId).field("instrument", instrumentId(instrument))
                .field("side", side.name()).field("remainingGpus", remainingGpus);
            send(account, json.finishUtf8());
        }
    }

    @Override
    public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus, final CancelReason reason)
    {
        if (watched(account))
        {
            start("orderCancelled", time).field("orderId", orderId).field("instrument", instrumentId(instrument))
                .field("side", side.name()).field("remainingGpus", remainingGpus).field("reason", reason.name());
            send(account, json.finishUtf8());
        }
    }

    @Override
    public void amended(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int gpus, final long price, final boolean priorityKept)
    {
        if (watched(account))
        {
            start("amended", time).field("orderId", orderId).field("instrument", instrumentId(instrument)).field("side", side.name())
                .field("gpus", gpus).price("price", price).field("priorityKept", priorityKept);
            send(account, json.finishUtf8());
        }
    }

    @Override
    public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner,
        final int gpus, final long newEnd, final long preemptorBidId)
    {
        if (watched(victim) || watched(owner))
        {
            // The preemptor learns of it from its own fill and leaseStarted; its identity is not the victim's business.
            start("preempted", time).field("leaseId", leaseId).field("instrument", instrumentId(instrument))
                .field("buyer", victim).field("owner", owner).field("gpus", gpus).field("end", newEnd);
            final byte[] message = json.finishUtf8();
            send(victim, message);
            send(owner, message);
        }
    }

    @Override
    public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
        final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
        final boolean contiguous)
    {
        if (watched(account))
        {
            start("requeued", time).field("orderId", orderId).field("originalOrderId", originalOrderId)
                .field("instrument", instrumentId(instrument)).field("gpus", gpus).field("durationMinutes", durationMinutes)
                .price("price", price).field("timeInForce", timeInForce.name()).field("deadline", deadline)
                .field("contiguous", contiguous);
            send(account, json.finishUtf8());
        }
    }

    @Override
    public void transfer(final DirectBuffer buffer, final int offset, final int length)
    {
        balances.transfer(buffer, offset, length);
    }

    @Override
    public void cashRejected(final long time, final long account, final long idempotencyKey, final int reasonCode)
    {
        if (watched(account))
        {
            start("cashRejected", time).field("idempotencyKey", idempotencyKey).field("reason", LedgerResult.nameOf(reasonCode));
            send(account, json.finishUtf8());
        }
    }

    @Override
    public void spendingCapSet(final long time, final long participant, final long capPerHour)
    {
        if (watched(participant))
        {
            start("spendingCap", time).priceOrNull("capPerHour", capPerHour, capPerHour != Ledger.NO_CAP);
            send(participant, json.finishUtf8());
        }
    }

    private byte[] fillMessage(final long time, final int instrument, final long leaseId, final long bidId, final long askId,
        final String role, final long orderId, final int gpus, final int durationMinutes, final long price, final Side maker,
        final int bidRemaining)
    {
        start("fill", time).field("role", role).field("orderId", orderId).field("leaseId", leaseId).field("bidId", bidId)
            .field("askId", askId).field("instrument", instrumentId(instrument)).field("gpus", gpus)
            .field("durationMinutes", durationMinutes).price("price", price).field("maker", maker == null ? "BOTH" : maker.name())
            .field("bidRemaining", bidRemaining);
        return json.finishUtf8();
    }

    private byte[] balanceMessage(final long account)
    {
        return json.startMessage().field("channel", "private").field("event", "balance").field("account", account)
            .price("available", balances.available(account)).price("held", balances.held(account)).finishUtf8();
    }

    private JsonText start(final String event, final long time)
    {
        return json.startMessage().field("channel", "private").field("event", event).field("time", time);
    }

    private String instrumentId(final int instrument)
    {
        return catalog.get(instrument).id();
    }

    private boolean watched(final long account)
    {
        return sessionsByAccount.containsKey(account);
    }

    private void send(final long account, final byte[] message)
    {
        final ArrayList<Session> sessions = sessionsByAccount.get(account);
        if (sessions == null)
        {
            return;
        }
        for (int i = sessions.size() - 1; i >= 0; i--)
        {
            sessions.get(i).send(message);
        }
    }
}
