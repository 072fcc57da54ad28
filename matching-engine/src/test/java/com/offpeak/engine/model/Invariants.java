package com.offpeak.engine.model;

import com.offpeak.engine.Command;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Instrument;

import java.util.List;
import java.util.Map;

/**
 * The book invariants of docs/matching.md checked straight from an engine's views, independent of
 * the model. Views carry the dynamic state; the static terms of each order (window, block,
 * duration, deadline) come from the place command the engine accepted under its id.
 */
public final class Invariants
{
    private static final long MINUTE = Instrument.MILLIS_PER_MINUTE;

    private Invariants()
    {
    }

    /** The first broken invariant, or null. */
    public static String check(final long now, final List<Snapshot.OrderRow> orders, final List<Snapshot.LeaseRow> leases,
        final Map<Long, Command> placed)
    {
        for (final Snapshot.OrderRow ask : orders)
        {
            if (ask.side() == Side.ASK && ask.posted() != ask.remaining() + ask.leased() + ask.retired())
            {
                return "posted != free + leased + retired: " + ask;
            }
        }
        for (final Snapshot.LeaseRow lease : leases)
        {
            final Command bid = placed.get(lease.bidId());
            final Command ask = placed.get(lease.askId());
            if (lease.end() > ask.availableUntil)
            {
                return "lease ends after its ask's availableUntil " + ask.availableUntil + ": " + lease;
            }
            if (bid.timeInForce == TimeInForce.GTD && lease.end() > bid.deadline)
            {
                return "lease ends after its GTD bid's deadline " + bid.deadline + ": " + lease;
            }
        }
        for (final Snapshot.OrderRow bid : orders)
        {
            if (bid.side() != Side.BID || !bid.open() || bid.remaining() == 0)
            {
                continue;
            }
            for (final Snapshot.OrderRow ask : orders)
            {
                if (ask.side() == Side.ASK && ask.open() && ask.instrument() == bid.instrument() && ask.price() <= bid.price() &&
                    compatible(now, bid, placed.get(bid.orderId()), ask, placed.get(ask.orderId())))
                {
                    return "resting pair is price-crossed and compatible:\n    " + bid + "\n    " + ask;
                }
            }
        }
        return null;
    }

    private static boolean compatible(final long now, final Snapshot.OrderRow bid, final Command bidTerms, final Snapshot.OrderRow ask,
        final Command askTerms)
    {
        if (bid.account() == ask.account() || now + bidTerms.durationMinutes * MINUTE > askTerms.availableUntil)
        {
            return false;
        }
        final int upTo = Math.min(bid.remaining(), ask.remaining());
        final int quantity = upTo - upTo % askTerms.minBlock;
        return quantity > 0 && (!bidTerms.contiguous || quantity == bid.remaining());
    }
}
