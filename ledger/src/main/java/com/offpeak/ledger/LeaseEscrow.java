package com.offpeak.ledger;

import com.offpeak.ledger.money.Amounts;
import com.offpeak.ledger.transfer.TransferChecksum;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What escrow holds for one lease, and how much of it has been delivered or refunded.
 *
 * <p>The lease's value is counted in GPU-minutes: {@code totalGpus × durationMinutes} units in
 * all. The GPUs still running have delivered {@code deliveredMinutes} each; GPUs that ended early
 * (a preemption taking part of the lease) delivered {@code endedUsedUnits} between them and gave
 * up the rest of their minutes ({@link #refundedUnits}). Every amount is a cumulative share of
 * those units: the owner has been paid floor(notional × used / all) gross, of which
 * ceil(gross × ownerBps / 10000) went to fees, the exchange has earned ceil(buyerFee × used / all)
 * of the buyer's fee, and the buyer has had floor(x × refunded / all) of notional and fee back.
 * Each settlement pays only the increase, so streamed payouts, partial ends and one payout at the
 * end come to the same micro-unit; at the last end the buyer gets the remainders, and escrow for
 * the lease is exactly zero. Without an early end this is the per-minute rule (the GPU count
 * cancels out).
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
    long price;
    int totalGpus;
    /** GPUs still running: the lease ends when none is left. */
    int gpus;
    int deliveredMinutes;
    int endedUsedUnits;
    long deliveredNotional;
    long deliveredBuyerFee;
    long ownerFeeCharged;
    long refundedNotional;
    long refundedBuyerFee;

    long leaseId()
    {
        return id;
    }

    void open(final long orderId, final long buyer, final int buyerSlot, final long owner, final int ownerSlot, final long start,
        final int durationMinutes, final long notional, final long buyerFee, final int ownerBps, final long price, final int gpus)
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
        this.price = price;
        this.totalGpus = gpus;
        this.gpus = gpus;
        this.deliveredMinutes = 0;
        this.endedUsedUnits = 0;
        this.deliveredNotional = 0;
        this.deliveredBuyerFee = 0;
        this.ownerFeeCharged = 0;
        this.refundedNotional = 0;
        this.refundedBuyerFee = 0;
    }

    /** price × running GPUs: what the lease counts against the buyer's spending cap while it runs. */
    long hourly()
    {
        return price * gpus;
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

    /** GPU-minutes used once the running GPUs have delivered {@code minutes} each. Fits: ≤ totalGpus × duration, an int. */
    int usedUnitsAt(final int minutes)
    {
        return endedUsedUnits + gpus * minutes;
    }

    /** GPU-minutes given up by GPUs that ended early: each ended GPU's whole duration counts as used or given up. */
    int refundedUnits()
    {
        return (totalGpus - gpus) * durationMinutes - endedUsedUnits;
    }

    private int allUnits()
    {
        return totalGpus * durationMinutes;
    }

    long grossDeliveredAt(final int usedUnits)
    {
        return Amounts.floorShare(notional, usedUnits, allUnits());
    }

    long buyerFeeEarnedAt(final int usedUnits)
    {
        return Amounts.ceilShare(buyerFee, usedUnits, allUnits());
    }

    /**
     * {@code endedGpus} of the running GPUs stop after {@code minutes}, which the running GPUs have
     * been settled to: their used minutes stay used, the rest is given up. Returns the refund now
     * due: the increase of the buyer's cumulative floor share of notional and fee.
     */
    long endGpus(final int endedGpus, final int minutes)
    {
        endedUsedUnits += endedGpus * minutes;
        gpus -= endedGpus;
        final int refunded = refundedUnits();
        final long notionalBack = Amounts.floorShare(notional, refunded, allUnits());
        final long feeBack = Amounts.floorShare(buyerFee, refunded, allUnits());
        final long due = notionalBack - refundedNotional + feeBack - refundedBuyerFee;
        refundedNotional = notionalBack;
        refundedBuyerFee = feeBack;
        return due;
    }

    long remainingEscrow()
    {
        return notional - deliveredNotional - refundedNotional + buyerFee - deliveredBuyerFee - refundedBuyerFee;
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
        hash = TransferChecksum.fold(hash, price);
        hash = TransferChecksum.fold(hash, totalGpus);
        hash = TransferChecksum.fold(hash, gpus);
        hash = TransferChecksum.fold(hash, deliveredMinutes);
        hash = TransferChecksum.fold(hash, endedUsedUnits);
        hash = TransferChecksum.fold(hash, deliveredNotional);
        hash = TransferChecksum.fold(hash, deliveredBuyerFee);
        hash = TransferChecksum.fold(hash, ownerFeeCharged);
        hash = TransferChecksum.fold(hash, refundedNotional);
        return TransferChecksum.fold(hash, refundedBuyerFee);
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
        out.writeLong(price);
        out.writeInt(totalGpus);
        out.writeInt(gpus);
        out.writeInt(deliveredMinutes);
        out.writeInt(endedUsedUnits);
    }

    /**
     * Reads what {@link #writeTo} wrote after the ids and parties. The delivered and refunded
     * amounts are not stored: they follow from the used and given-up units by the settlement rules.
     */
    void readFrom(final DataInput in, final long orderId, final long buyer, final int buyerSlot, final long owner, final int ownerSlot)
        throws IOException
    {
        final long start = in.readLong();
        final int duration = in.readInt();
        final long notional = in.readLong();
        final long buyerFee = in.readLong();
        final int ownerBps = in.readInt();
        final long price = in.readLong();
        final int total = in.readInt();
        final int running = in.readInt();
        final int minutes = in.readInt();
        final int endedUsed = in.readInt();
        if (duration <= 0 || total <= 0 || (long)total * duration > Ledger.MAX_GPU_MINUTES || running <= 0 || running > total ||
            notional < 0 || buyerFee < 0 || ownerBps < 0 || ownerBps > Amounts.BPS_PER_UNIT || price <= 0 ||
            Amounts.hourly(price, total) == Amounts.OVERFLOW || minutes < 0 || minutes > duration || endedUsed < 0 ||
            endedUsed > (total - running) * duration)
        {
            throw new IOException("snapshot has a malformed escrow for lease " + id);
        }
        open(orderId, buyer, buyerSlot, owner, ownerSlot, start, duration, notional, buyerFee, ownerBps, price, total);
        gpus = running;
        deliveredMinutes = minutes;
        endedUsedUnits = endedUsed;
        final int used = usedUnitsAt(minutes);
        deliveredNotional = grossDeliveredAt(used);
        deliveredBuyerFee = buyerFeeEarnedAt(used);
        ownerFeeCharged = Amounts.fee(deliveredNotional, ownerBps);
        refundedNotional = Amounts.floorShare(notional, refundedUnits(), allUnits());
        refundedBuyerFee = Amounts.floorShare(buyerFee, refundedUnits(), allUnits());
    }
}
