package com.offpeak.ledger;

import com.offpeak.ledger.money.Amounts;
import com.offpeak.ledger.transfer.TransferChecksum;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The alternatives of a substitutes bid, part of its group's {@link Hold} (empty for a plain bid).
 * Alternative k is order {@code groupId + k}. Until the first fill decides the group, any open
 * alternative may trade, so the hold is the largest open alternative's worst case (they can never
 * all trade: the first fill voids the rest). The fill makes its alternative the winner; from then
 * on the hold is an ordinary bid's, on the winner's terms.
 */
final class SubstituteGroup
{
    static final int UNDECIDED = -1;

    private final long[] limitPrice = new long[Ledger.MAX_ALTERNATIVES];
    private final int[] gpus = new int[Ledger.MAX_ALTERNATIVES];
    private final int[] durationMinutes = new int[Ledger.MAX_ALTERNATIVES];
    /** 0 for a plain bid's hold. */
    int count;
    /** Bit k: alternative k is open and may still win. Empty once decided. */
    int open;
    /** The alternative whose fill decided the group, or {@link #UNDECIDED}. */
    int winner = UNDECIDED;

    void clear()
    {
        count = 0;
        open = 0;
        winner = UNDECIDED;
    }

    void set(final int k, final long limit, final int alternativeGpus, final int duration)
    {
        limitPrice[k] = limit;
        gpus[k] = alternativeGpus;
        durationMinutes[k] = duration;
    }

    void copyFrom(final SubstituteGroup other)
    {
        System.arraycopy(other.limitPrice, 0, limitPrice, 0, other.count);
        System.arraycopy(other.gpus, 0, gpus, 0, other.count);
        System.arraycopy(other.durationMinutes, 0, durationMinutes, 0, other.count);
        count = other.count;
        open = other.open;
        winner = other.winner;
    }

    void openAll(final int alternatives)
    {
        count = alternatives;
        open = (1 << alternatives) - 1;
        winner = UNDECIDED;
    }

    boolean isGroup()
    {
        return count > 0;
    }

    boolean isUndecided()
    {
        return open != 0;
    }

    /** Whether order {@code groupId + k} is still covered by the group's hold: open and undecided, or the winner. */
    boolean covers(final int k)
    {
        return k >= 0 && k < count && ((open & (1 << k)) != 0 || winner == k);
    }

    long limitPrice(final int k)
    {
        return limitPrice[k];
    }

    int gpus(final int k)
    {
        return gpus[k];
    }

    int durationMinutes(final int k)
    {
        return durationMinutes[k];
    }

    /** Alternative k's worst case at entry: limit notional + taker fee, or {@link Amounts#OVERFLOW}. */
    long worstCase(final LedgerConfig config, final int k)
    {
        return Hold.required(config, limitPrice[k], gpus[k], durationMinutes[k], 0, 0, 0);
    }

    /** The open alternative with the largest worst case (the first of equals); -1 when none is open. */
    int largestOpen(final LedgerConfig config)
    {
        int largest = -1;
        long largestWorstCase = -1;
        for (int k = 0; k < count; k++)
        {
            if ((open & (1 << k)) != 0)
            {
                final long worstCase = worstCase(config, k);
                if (worstCase > largestWorstCase)
                {
                    largest = k;
                    largestWorstCase = worstCase;
                }
            }
        }
        return largest;
    }

    /** The spending exposure of an undecided group: its largest open limit × GPUs, since any one of them may trade. */
    long largestOpenHourly()
    {
        long largest = 0;
        for (int k = 0; k < count; k++)
        {
            if ((open & (1 << k)) != 0)
            {
                largest = Math.max(largest, Amounts.hourly(limitPrice[k], gpus[k]));
            }
        }
        return largest;
    }

    long hash(final long seed)
    {
        long hash = TransferChecksum.fold(seed, count);
        hash = TransferChecksum.fold(hash, open);
        hash = TransferChecksum.fold(hash, winner);
        for (int k = 0; k < count; k++)
        {
            hash = TransferChecksum.fold(hash, limitPrice[k]);
            hash = TransferChecksum.fold(hash, gpus[k]);
            hash = TransferChecksum.fold(hash, durationMinutes[k]);
        }
        return hash;
    }

    void writeTo(final DataOutput out) throws IOException
    {
        out.writeInt(count);
        out.writeInt(open);
        out.writeInt(winner);
        for (int k = 0; k < count; k++)
        {
            out.writeLong(limitPrice[k]);
            out.writeInt(gpus[k]);
            out.writeInt(durationMinutes[k]);
        }
    }

    /** Reads what {@link #writeTo} wrote; false if it cannot be a group's state. */
    boolean readFrom(final DataInput in) throws IOException
    {
        count = in.readInt();
        open = in.readInt();
        winner = in.readInt();
        final boolean plain = count == 0 && open == 0 && winner == UNDECIDED;
        final boolean undecided = open != 0 && (open & ~((1 << count) - 1)) == 0 && winner == UNDECIDED;
        final boolean decided = open == 0 && winner >= 0 && winner < count;
        if (count < 0 || count > Ledger.MAX_ALTERNATIVES || !(plain || undecided || decided))
        {
            return false;
        }
        for (int k = 0; k < count; k++)
        {
            limitPrice[k] = in.readLong();
            gpus[k] = in.readInt();
            durationMinutes[k] = in.readInt();
            if (limitPrice[k] <= 0 || gpus[k] <= 0 || durationMinutes[k] <= 0 ||
                (long)gpus[k] * durationMinutes[k] > Ledger.MAX_GPU_MINUTES)
            {
                return false;
            }
        }
        return true;
    }
}
