package com.offpeak.ledger;

import com.offpeak.ledger.money.Amounts;
import com.offpeak.ledger.transfer.TransferChecksum;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The funds set aside for one open bid. The hold always equals the bid's remaining worst case:
 *
 * <pre>
 * hold = N(limit, remainingGpus) + cumulativeFee(makerNotional, takerNotional + N(limit, remainingGpus)) - feePaid
 * </pre>
 *
 * where N is the notional, maker/takerNotional what the bid's fills so far were charged at each
 * rate, and feePaid = cumulativeFee(makerNotional, takerNotional). A fill at a price ≤ limit moves
 * its notional and fee out and leaves at least the new worst case behind (floor(a) + floor(b) ≤
 * floor(a + b), and the maker rate ≤ the taker rate), so the excess released after a fill is
 * never negative and a fully filled bid's hold is exactly zero.
 *
 * <p>A substitutes bid has one hold, under its group id, for all its alternatives ({@link #group}):
 * while undecided its terms (limit, GPUs, duration) are the largest open alternative's.
 */
final class Hold extends IndexedEntry
{
    long participant;
    int availableSlot;
    long limitPrice;
    int remainingGpus;
    int durationMinutes;
    long amount;
    long makerNotional;
    long takerNotional;
    long feePaid;
    final SubstituteGroup group = new SubstituteGroup();

    long orderId()
    {
        return id;
    }

    /** The hold this bid needs at the given limit and remaining GPUs, or {@link Amounts#OVERFLOW}. */
    long requiredFor(final LedgerConfig config, final long limit, final int gpus)
    {
        return required(config, limit, gpus, durationMinutes, makerNotional, takerNotional, feePaid);
    }

    static long required(final LedgerConfig config, final long limit, final int gpus, final int durationMinutes,
        final long makerNotional, final long takerNotional, final long feePaid)
    {
        final long remainingNotional = Amounts.notional(limit, gpus, durationMinutes);
        if (remainingNotional == Amounts.OVERFLOW)
        {
            return Amounts.OVERFLOW;
        }
        final long worstTakerNotional = Amounts.addOrOverflow(takerNotional, remainingNotional);
        if (worstTakerNotional == Amounts.OVERFLOW)
        {
            return Amounts.OVERFLOW;
        }
        final long worstFee = Amounts.cumulativeFee(makerNotional, config.makerBps(), worstTakerNotional, config.takerBps());
        return worstFee == Amounts.OVERFLOW ? Amounts.OVERFLOW : Amounts.addOrOverflow(remainingNotional, worstFee - feePaid);
    }

    void open(final long participant, final int availableSlot, final long limitPrice, final int gpus, final int durationMinutes,
        final long amount)
    {
        this.participant = participant;
        this.availableSlot = availableSlot;
        this.limitPrice = limitPrice;
        this.remainingGpus = gpus;
        this.durationMinutes = durationMinutes;
        this.amount = amount;
        this.makerNotional = 0;
        this.takerNotional = 0;
        this.feePaid = 0;
        group.clear();
    }

    /** Limit × GPUs this hold adds to its participant's spending exposure. */
    long hourly()
    {
        return group.isUndecided() ? group.largestOpenHourly() : Amounts.hourly(limitPrice, remainingGpus);
    }

    /** Takes alternative k's terms (entry worst case, nothing filled yet). */
    void useAlternative(final int k)
    {
        limitPrice = group.limitPrice(k);
        remainingGpus = group.gpus(k);
        durationMinutes = group.durationMinutes(k);
    }

    /** Books a fill's notional at its rate and returns the fee it owes: the cumulative fee's increase. */
    long chargeFill(final LedgerConfig config, final long notional, final int gpus, final boolean atMakerRate)
    {
        if (atMakerRate)
        {
            makerNotional += notional;
        }
        else
        {
            takerNotional += notional;
        }
        remainingGpus -= gpus;
        final long feeSoFar = Amounts.cumulativeFee(makerNotional, config.makerBps(), takerNotional, config.takerBps());
        final long fee = feeSoFar - feePaid;
        feePaid = feeSoFar;
        return fee;
    }

    long hash(final long seed)
    {
        long hash = TransferChecksum.fold(seed, id);
        hash = TransferChecksum.fold(hash, participant);
        hash = TransferChecksum.fold(hash, limitPrice);
        hash = TransferChecksum.fold(hash, remainingGpus);
        hash = TransferChecksum.fold(hash, durationMinutes);
        hash = TransferChecksum.fold(hash, amount);
        hash = TransferChecksum.fold(hash, makerNotional);
        hash = TransferChecksum.fold(hash, takerNotional);
        hash = TransferChecksum.fold(hash, feePaid);
        return group.hash(hash);
    }

    /** Order id and participant first: the reader needs them to find the record's place before the rest. */
    void writeTo(final DataOutput out) throws IOException
    {
        out.writeLong(id);
        out.writeLong(participant);
        out.writeLong(limitPrice);
        out.writeInt(remainingGpus);
        out.writeInt(durationMinutes);
        out.writeLong(amount);
        out.writeLong(makerNotional);
        out.writeLong(takerNotional);
        out.writeLong(feePaid);
        group.writeTo(out);
    }

    /** Reads what {@link #writeTo} wrote after the order id and participant. */
    void readFrom(final DataInput in, final long participant, final int availableSlot) throws IOException
    {
        this.participant = participant;
        this.availableSlot = availableSlot;
        limitPrice = in.readLong();
        remainingGpus = in.readInt();
        durationMinutes = in.readInt();
        amount = in.readLong();
        makerNotional = in.readLong();
        takerNotional = in.readLong();
        feePaid = in.readLong();
        if (limitPrice <= 0 || remainingGpus < 0 || durationMinutes <= 0 || makerNotional < 0 || takerNotional < 0 || !group.readFrom(in))
        {
            throw new IOException("snapshot has a malformed hold for order " + id);
        }
    }
}
