package com.offpeak.engine.order;

import com.offpeak.engine.Command;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.list.LinkedQueue;
import com.offpeak.engine.pool.ObjectPool;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * clientOrderId retention: records in arrival order (a FIFO queue, so the oldest is at the head and
 * expiry is a walk from the head until the first record still within the window) plus a per-account
 * lookup. Records live while {@code now < recordedAt + retention}.
 */
public final class ClientOrderIds
{
    private final long retentionMillis;
    private final Long2ObjectHashMap<Account> accounts;
    private final ObjectPool<ClientOrderRecord> pool = new ObjectPool<>(ClientOrderRecord::new, 1024);
    private final LinkedQueue<ClientOrderRecord> arrivals = new LinkedQueue<>();

    public ClientOrderIds(final long retentionMillis, final Long2ObjectHashMap<Account> accounts)
    {
        this.retentionMillis = retentionMillis;
        this.accounts = accounts;
    }

    public ClientOrderRecord find(final long account, final long clientOrderId)
    {
        final Account owner = accounts.get(account);
        return owner == null ? null : owner.clientOrderId(clientOrderId);
    }

    /** Records a rejected place command (an answer a retry gets back). */
    public void recordRejection(final Command command, final long now, final RejectCode code)
    {
        final ClientOrderRecord record = append(command, now);
        record.rejectCode = code;
        record.status = OrderStatus.REJECTED;
    }

    /** Records an accepted place command; the record follows the order until {@link #orderEnded}. */
    public void recordAcceptance(final Command command, final long now, final Order order)
    {
        final ClientOrderRecord record = append(command, now);
        record.orderId = order.id;
        record.order = order;
        order.clientRecord = record;
    }

    /** Freezes the answer of an order that stopped being open. */
    public static void orderEnded(final Order order, final OrderStatus status, final int remaining)
    {
        final ClientOrderRecord record = order.clientRecord;
        if (record != null)
        {
            record.order = null;
            record.status = status;
            record.remaining = remaining;
            order.clientRecord = null;
        }
    }

    /** Forgets every record whose retention window has passed at {@code now}. */
    public void expire(final long now)
    {
        ClientOrderRecord record;
        while ((record = arrivals.first()) != null && now - record.recordedAt >= retentionMillis)
        {
            arrivals.remove(record.link);
            accounts.get(record.request.account).removeClientOrderId(record.request.clientOrderId);
            if (record.order != null)
            {
                record.order.clientRecord = null;
            }
            record.clear();
            pool.release(record);
        }
    }

    /** The oldest live record; continue with {@link ClientOrderRecord#next()}. */
    public ClientOrderRecord first()
    {
        return arrivals.first();
    }

    public int size()
    {
        return arrivals.size();
    }

    /** A cleared record for a snapshot restore: fill it in, then {@link #restore} it. */
    public ClientOrderRecord newRecord()
    {
        return pool.acquire();
    }

    /** Appends a restored record; snapshots list records in arrival order, so appending keeps it. */
    public void restore(final ClientOrderRecord record)
    {
        link(record);
    }

    private ClientOrderRecord append(final Command command, final long now)
    {
        final ClientOrderRecord record = pool.acquire();
        record.capture(command, now);
        link(record);
        return record;
    }

    private void link(final ClientOrderRecord record)
    {
        final long account = record.request.account;
        Account owner = accounts.get(account);
        if (owner == null)
        {
            owner = new Account(account);
            accounts.put(account, owner);
        }
        owner.putClientOrderId(record);
        arrivals.append(record.link);
    }
}
