package com.offpeak.ledger;

import com.offpeak.ledger.money.Amounts;

/**
 * What escrow holds for one lease, and how much of it has been delivered. Delivery is
 * cumulative: after u of D minutes the owner has been paid floor(notional × u / D) gross, of
 * which ceil(gross × ownerBps / 10000) went to fees, and the exchange has earned
 * ceil(buyerFee × u / D) of the buyer's fee. Each settlement pays only the increase, so streamed
 * payouts and one payout at the end come to the same micro-unit; at the end the buyer gets the
 * remainders back, and escrow for the lease is exactly zero.
 */
final class LeaseEscrow extends IndexedEntry
{
    long orderId;
    long buyer;
    long owner;
    int buyerSlot;
    int ownerSlot;
    long start;
    int durationMinutes;
    long notional;
    long buyerFee;
    int ownerBps;
    int deliveredMinutes;
    long deliveredNotional;
    long deliveredBuyerFee;
    long ownerFeeCharged;

    long leaseId()
    {
        return id;
    }

    void open(final long orderId, final long buyer, final int buyerSlot, final long owner, final int ownerSlot, final long start,
        final int durationMinutes, final long notional, final long buyerFee, final int ownerBps)
    {
        this.orderId = orderId;
        this.buyer = buyer;
        this.buyerSlot = buyerSlot;
        this.owner = owner;
        this.ownerSlot = ownerSlot;
        this.start = start;
        this.durationMinutes = durationMinutes;
        this.notional = notional;
        this.buyerFee = buyerFee;
        this.ownerBps = ownerBps;
        this.deliveredMinutes = 0;
        this.deliveredNotional = 0;
        this.deliveredBuyerFee = 0;
        this.ownerFeeCharged = 0;
    }

    /** Minutes delivered by {@code time}: started minutes count whole, capped at the duration, never going back. */
    int minutesDeliveredBy(final long time)
    {
        final long elapsed = time - start;
        final long fullMillis = (long)durationMinutes * Ledger.MILLIS_PER_MINUTE;
        if (elapsed >= fullMillis)
        {
            return durationMinutes;
        }
        final int started = (int)(elapsed / Ledger.MILLIS_PER_MINUTE + (elapsed % Ledger.MILLIS_PER_MINUTE == 0 ? 0 : 1));
        return Math.max(started, deliveredMinutes);
    }

    long grossDeliveredAt(final int minutes)
    {
        return Amounts.floorShare(notional, minutes, durationMinutes);
    }

    long buyerFeeEarnedAt(final int minutes)
    {
        return Amounts.ceilShare(buyerFee, minutes, durationMinutes);
    }

    long remainingEscrow()
    {
        return notional - deliveredNotional + buyerFee - deliveredBuyerFee;
    }
}
