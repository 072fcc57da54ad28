package com.offpeak.gateway.rest;

import com.offpeak.engine.Side;
import com.offpeak.engine.pool.ObjectPool;
import com.offpeak.gateway.wire.Prices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.agrona.collections.Hashing;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Open orders and running leases as the output stream reports them, so REST can list an
 * account's own without asking the engine's thread. Publisher-context only. Listings are
 * sorted by id: hash-map order never reaches a client.
 *
 * <p>Its records are pooled and made up front, like the engine's orders and leases: a lease's
 * record lives as long as the lease, and one made per lease would be copied by every young
 * collection it survives.
 */
public final class AccountMirror
{
    private final ObjectPool<OpenOrder> freeOrders;
    private final ObjectPool<RunningLease> freeLeases;
    private final Long2ObjectHashMap<OpenOrder> orders;
    private final Long2ObjectHashMap<RunningLease> leases;

    /** {@code preallocated} records of each kind are made now, and the maps sized for them. */
    public AccountMirror(final int preallocated)
    {
        freeOrders = new ObjectPool<>(OpenOrder::new, preallocated);
        freeLeases = new ObjectPool<>(RunningLease::new, preallocated);
        orders = sizedFor(preallocated);
        leases = sizedFor(preallocated);
    }

    /** A map that holds {@code entries} without a rehash. */
    private static <V> Long2ObjectHashMap<V> sizedFor(final int entries)
    {
        return new Long2ObjectHashMap<>(Math.max(8, 2 * entries), Hashing.DEFAULT_LOAD_FACTOR);
    }

    /** A resting order: {@code remaining} is a bid's unfilled GPUs or an ask's free GPUs. */
    static final class OpenOrder
    {
        long orderId;
        long account;
        Side side;
        String instrument;
        int remaining;
        long price;
        long acceptedAt;
    }

    static final class RunningLease
    {
        long leaseId;
        String instrument;
        long buyer;
        long owner;
        long bidId;
        long askId;
        int gpus;
        long start;
        long end;
        long price;
        boolean preemptible;
    }

    public void accepted(final long time, final long account, final long orderId, final Side side, final String instrument,
        final int gpus, final long price)
    {
        final OpenOrder order = freeOrders.acquire();
        order.orderId = orderId;
        order.account = account;
        order.side = side;
        order.instrument = instrument;
        order.remaining = gpus;
        order.price = price;
        order.acceptedAt = time;
        orders.put(orderId, order);
    }

    public void filled(final long bidId, final long askId, final int gpus, final int bidRemaining)
    {
        final OpenOrder bid = orders.get(bidId);
        if (bid != null)
        {
            if (bidRemaining == 0)
            {
                closed(bidId);
            }
            else
            {
                bid.remaining = bidRemaining;
            }
        }
        final OpenOrder ask = orders.get(askId);
        if (ask != null)
        {
            ask.remaining -= gpus;
        }
    }

    /** GPUs back on an open ask after a lease ended. */
    public void returned(final long askId, final int gpus)
    {
        final OpenOrder ask = orders.get(askId);
        if (ask != null)
        {
            ask.remaining += gpus;
        }
    }

    public void closed(final long orderId)
    {
        final OpenOrder order = orders.remove(orderId);
        if (order != null)
        {
            freeOrders.release(order);
        }
    }

    public void amended(final long orderId, final int gpus, final long price)
    {
        final OpenOrder order = orders.get(orderId);
        if (order != null)
        {
            order.remaining = gpus;
            order.price = price;
        }
    }

    public void leaseStarted(final long leaseId, final String instrument, final long buyer, final long owner, final long bidId,
        final long askId, final int gpus, final long start, final long end, final long price, final boolean preemptible)
    {
        final RunningLease lease = freeLeases.acquire();
        lease.leaseId = leaseId;
        lease.instrument = instrument;
        lease.buyer = buyer;
        lease.owner = owner;
        lease.bidId = bidId;
        lease.askId = askId;
        lease.gpus = gpus;
        lease.start = start;
        lease.end = end;
        lease.price = price;
        lease.preemptible = preemptible;
        leases.put(leaseId, lease);
    }

    /** {@code gpus} of the lease ended: all of them, or (a preemption's hand-over) the noticed part, the rest running on. */
    public void leaseEnded(final long leaseId, final int gpus)
    {
        final RunningLease lease = leases.get(leaseId);
        if (lease == null)
        {
            return;
        }
        if (lease.gpus <= gpus)
        {
            leases.remove(leaseId);
            freeLeases.release(lease);
            return;
        }
        lease.gpus -= gpus;
    }

    public JsonArray ordersOf(final long account)
    {
        final List<OpenOrder> mine = new ArrayList<>();
        orders.values().forEach(order ->
        {
            if (order.account == account)
            {
                mine.add(order);
            }
        });
        mine.sort(Comparator.comparingLong(order -> order.orderId));
        final JsonArray out = new JsonArray();
        for (final OpenOrder order : mine)
        {
            out.add(new JsonObject().put("orderId", order.orderId).put("side", order.side.name()).put("instrument", order.instrument)
                .put("remainingGpus", order.remaining).put("price", Prices.format(order.price)).put("acceptedAt", order.acceptedAt));
        }
        return out;
    }

    public JsonArray leasesOf(final long account)
    {
        final List<RunningLease> mine = new ArrayList<>();
        leases.values().forEach(lease ->
        {
            if (lease.buyer == account || lease.owner == account)
            {
                mine.add(lease);
            }
        });
        mine.sort(Comparator.comparingLong(lease -> lease.leaseId));
        final JsonArray out = new JsonArray();
        for (final RunningLease lease : mine)
        {
            out.add(new JsonObject().put("leaseId", lease.leaseId).put("role", lease.buyer == account ? "BUYER" : "OWNER")
                .put("instrument", lease.instrument).put("gpus", lease.gpus).put("start", lease.start).put("end", lease.end)
                .put("price", Prices.format(lease.price)).put("preemptible", lease.preemptible).put("bidId", lease.bidId)
                .put("askId", lease.askId));
        }
        return out;
    }
}
