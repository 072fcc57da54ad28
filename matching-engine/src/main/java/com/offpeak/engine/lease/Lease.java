package com.offpeak.engine.lease;

import com.offpeak.engine.list.Link;
import com.offpeak.engine.order.Order;

/**
 * A running lease: GPUs of one ask rented to one bid's buyer from {@code start} to {@code end}.
 * It holds its ask by reference because the GPUs go back to that ask (or retire) when it ends;
 * the bid may be long gone by then, so only its id and deadline are kept.
 */
public final class Lease
{
    public long id;
    public int instrument;
    public long buyer;
    public long owner;
    public long bidId;
    public Order ask;
    public int gpus;
    public long start;
    public long end;
    public long price;
    public boolean preemptible;
    /** The GTD bid's deadline, which the lease must end by; 0 for other bids. */
    public long bidDeadline;
    final Link<Lease> link = new Link<>(this);

    /** The next running lease by id, or null. */
    public Lease next()
    {
        return link.nextItem();
    }

    void clear()
    {
        id = 0;
        instrument = 0;
        buyer = 0;
        owner = 0;
        bidId = 0;
        ask = null;
        gpus = 0;
        start = 0;
        end = 0;
        price = 0;
        preemptible = false;
        bidDeadline = 0;
    }
}
