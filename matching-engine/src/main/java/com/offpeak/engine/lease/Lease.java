package com.offpeak.engine.lease;

import com.offpeak.engine.TimeInForce;
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
    // The rest of the bid's terms: a preempted lease's unfinished work is re-queued with them.
    public long bidPrice;
    public TimeInForce bidTimeInForce;
    /** A contiguous bid's lease is only ever preempted whole. */
    public boolean contiguous;
    /** GPUs under a preemption notice (0: none); they end at {@link #noticeEnd} and pass to the preemptor. */
    public int noticeGpus;
    public long noticeEnd;
    final Link<Lease> link = new Link<>(this);
    final Link<Lease> preemptibleLink = new Link<>(this);

    /** The next running lease by id, or null. */
    public Lease next()
    {
        return link.nextItem();
    }

    /** The next running preemptible lease of the same instrument by id, or null. */
    public Lease nextPreemptible()
    {
        return preemptibleLink.nextItem();
    }

    /** Whether the notice's GPUs end before the lease's natural end, on a timer of their own. */
    public boolean noticeEndsEarly()
    {
        return noticeGpus > 0 && noticeEnd < end;
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
        bidPrice = 0;
        bidTimeInForce = null;
        contiguous = false;
        noticeGpus = 0;
        noticeEnd = 0;
    }
}
