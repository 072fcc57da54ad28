package com.offpeak.engine.model;

import com.offpeak.engine.TimeInForce;

/**
 * A lease in the reference model; {@code ask} is where its GPUs go back when it ends. It keeps the
 * bid's terms (a preempted lease's work is re-queued with them) and its preemption notice, if any.
 * A preemptor's lease exists from the preemption on but starts only at the hand-over.
 */
final class ModelLease
{
    final long id;
    final int instrument;
    final long buyer;
    final long owner;
    final long bidId;
    final ModelOrder ask;
    int gpus;
    final long start;
    final long end;
    final long price;
    final boolean preemptible;
    final boolean contiguous;
    final long bidPrice;
    final TimeInForce bidTimeInForce;
    final long bidDeadline;
    int noticeGpus;
    long noticeEnd;

    ModelLease(final long id, final ModelOrder bid, final ModelOrder ask, final int gpus, final long start, final long price)
    {
        this.id = id;
        this.instrument = bid.instrument;
        this.buyer = bid.account;
        this.owner = ask.account;
        this.bidId = bid.id;
        this.ask = ask;
        this.gpus = gpus;
        this.start = start;
        this.end = start + bid.durationMinutes * 60_000L;
        this.price = price;
        this.preemptible = bid.preemptible;
        this.contiguous = bid.contiguous;
        this.bidPrice = bid.price;
        this.bidTimeInForce = bid.timeInForce;
        this.bidDeadline = bid.deadline;
    }

    /** The lease's next timer: the notice's end when it comes before the natural end, else the natural end. */
    long nextDue()
    {
        return noticeGpus > 0 && noticeEnd < end ? noticeEnd : end;
    }

    @Override
    public String toString()
    {
        return "lease#" + id + "{buyer=" + buyer + " ask=" + ask.id + " gpus=" + gpus + " " + start + ".." + end + " px=" + price +
            (preemptible ? " preemptible" : "") + (noticeGpus > 0 ? " notice=" + noticeGpus + "@" + noticeEnd : "") + "}";
    }
}
