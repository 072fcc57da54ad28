package com.offpeak.ledger;

import com.offpeak.ledger.money.Amounts;
import com.offpeak.ledger.transfer.TransferChecksum;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

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
    /** price × GPUs: what the lease counts against the buyer's spending cap while it runs. */
    long hourly;
    int deliveredMinutes;
    long deliveredNotional;
    long deliveredBuyerFee;
    long ownerFeeCharged;

    long leaseId()
    {
        return id;
    }

    void open(final long orderId, final long buyer, final int buyerSlot, final long owner, final int ownerSlot, final long start,
        final int durationMinutes, final long notional, final long buyerFee, final int ownerBps, final long hourly)
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
        this.hourly = hourly;
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

    long hash(final long seed)
    {
        long hash = TransferChecksum.fold(seed, id);
        hash = TransferChecksum.fold(hash, orderId);
        hash = TransferChecksum.fold(hash, buyer);
        hash = TransferChecksum.fold(hash, owner);
        hash = TransferChecksum.fold(hash, start);
        hash = TransferChecksum.fold(hash, durationMinutes);
        hash = TransferChecksum.fold(hash, notional);
        hash = TransferChecksum.fold(hash, buyerFee);
        hash = TransferChecksum.fold(hash, ownerBps);
        hash = TransferChecksum.fold(hash, hourly);
        hash = TransferChecksum.fold(hash, deliveredMinutes);
        hash = TransferChecksum.fold(hash, deliveredNotional);
        hash = TransferChecksum.fold(hash, deliveredBuyerFee);
        return TransferChecksum.fold(hash, ownerFeeCharged);
    }

    /** Ids and parties first: the reader needs them to find the record's place before the rest. */
    void writeTo(final DataOutput out) throws IOException
    {
        out.writeLong(id);
        out.writeLong(orderId);
        out.writeLong(buyer);
        out.writeLong(owner);
        out.writeLong(start);
        out.writeInt(durationMinutes);
        out.writeLong(notional);
        out.writeLong(buyerFee);
        out.writeInt(ownerBps);
        out.writeLong(hourly);
        out.writeInt(deliveredMinutes);
    }

    /**
     * Reads what {@link #writeTo} wrote after the ids and parties. The delivered amounts are not
     * stored: they follow from the delivered minutes by the settlement rules.
     */
    void readFrom(final DataInput in, final long orderId, final long buyer, final int buyerSlot, final long owner, final int ownerSlot)
        throws IOException
    {
        open(orderId, buyer, buyerSlot, owner, ownerSlot, in.readLong(), in.readInt(), in.readLong(), in.readLong(), in.readInt(),
            in.readLong());
        final int minutes = in.readInt();
        if (durationMinutes <= 0 || notional < 0 || buyerFee < 0 || ownerBps < 0 || ownerBps > Amounts.BPS_PER_UNIT || hourly <= 0 ||
            minutes < 0 || minutes > durationMinutes)
        {
            throw new IOException("snapshot has a malformed escrow for lease " + id);
        }
        deliveredMinutes = minutes;
        deliveredNotional = grossDeliveredAt(minutes);
        deliveredBuyerFee = buyerFeeEarnedAt(minutes);
        ownerFeeCharged = Amounts.fee(deliveredNotional, ownerBps);
    }
}
