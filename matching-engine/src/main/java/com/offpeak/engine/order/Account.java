package com.offpeak.engine.order;

import com.offpeak.engine.list.LinkedQueue;

/**
 * What the engine keeps per account: its open orders in id order (so cancel-all is deterministic
 * without sorting or iterating a hash map). Created on an account's first recorded order and kept for the engine's life: accounts are few
 * and long-lived, orders are many.
 */
public final class Account
{
    private final long id;
    private final LinkedQueue<Order> open = new LinkedQueue<>();

    public Account(final long id)
    {
        this.id = id;
    }

    public long id()
    {
        return id;
    }

    /** The oldest open order; continue with {@link Order#nextOfAccount()}. */
    public Order firstOpen()
    {
        return open.first();
    }

    public int openCount()
    {
        return open.size();
    }

    /**
     * Orders open in id order because ids grow and orders are added when they start to rest. An
     * order leaves through its own link ({@code order.inAccount.unlink()}), without finding its account.
     */
    public void addOpen(final Order order)
    {
        open.append(order.inAccount);
    }
}
