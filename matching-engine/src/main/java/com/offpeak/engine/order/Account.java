package com.offpeak.engine.order;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * What the engine keeps per account: its open orders in id order (so cancel-all is deterministic
 * without sorting or iterating a hash map) and its live clientOrderId records (lookup only).
 * Created on an account's first recorded order and kept for the engine's life: accounts are few
 * and long-lived, orders are many.
 */
public final class Account
{
    private final long id;
    private final Long2ObjectHashMap<ClientOrderRecord> clientOrderIds = new Long2ObjectHashMap<>();
    private Order firstOpen;
    private Order lastOpen;
    private int openCount;

    public Account(final long id)
    {
        this.id = id;
    }

    public long id()
    {
        return id;
    }

    public Order firstOpen()
    {
        return firstOpen;
    }

    public int openCount()
    {
        return openCount;
    }

    /** Orders open in id order because ids grow and orders are added when they start to rest. */
    public void addOpen(final Order order)
    {
        order.accountPrev = lastOpen;
        order.accountNext = null;
        if (lastOpen == null)
        {
            firstOpen = order;
        }
        else
        {
            lastOpen.accountNext = order;
        }
        lastOpen = order;
        openCount++;
    }

    public void removeOpen(final Order order)
    {
        if (order.accountPrev == null)
        {
            firstOpen = order.accountNext;
        }
        else
        {
            order.accountPrev.accountNext = order.accountNext;
        }
        if (order.accountNext == null)
        {
            lastOpen = order.accountPrev;
        }
        else
        {
            order.accountNext.accountPrev = order.accountPrev;
        }
        order.accountPrev = null;
        order.accountNext = null;
        openCount--;
    }

    ClientOrderRecord clientOrderId(final long clientOrderId)
    {
        return clientOrderIds.get(clientOrderId);
    }

    void putClientOrderId(final ClientOrderRecord record)
    {
        clientOrderIds.put(record.clientOrderId, record);
    }

    void removeClientOrderId(final long clientOrderId)
    {
        clientOrderIds.remove(clientOrderId);
    }

    public int clientOrderIdCount()
    {
        return clientOrderIds.size();
    }
}
