package com.offpeak.pipeline;

import com.offpeak.engine.Command;
import com.offpeak.engine.RejectCode;
import com.offpeak.ledger.Ledger;
import com.offpeak.ledger.LedgerResult;
import com.offpeak.ledger.money.Amounts;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The ledger side of substitutes bids (docs/matching.md, "Substitutes"): while a group is
 * undecided, one hold under the group id covers it — the largest alternative's worst case, not the
 * sum. The first fill of any alternative moves that hold onto the winner (its own terms, under its
 * own id), so the fill settles like a plain bid's; the hold is released when the last open
 * alternative of an undecided group closes.
 *
 * <p>The spending cap counts the group at its largest hourly rate (limit × GPUs), checked at entry;
 * moving the hold onto the winner is not a new entry, so that one ledger call runs with the cap
 * lifted and restored at once (the ledger has no group hold of its own yet).
 */
final class SubstituteHolds
{
    private static final int ALTERNATIVES = Command.MAX_SUBSTITUTES + 1;

    /** One substitutes group; pooled. */
    private static final class Group
    {
        long groupId;
        long account;
        int count;
        int open;
        /** The alternative that got the first fill (its own hold), 0 while undecided. */
        long winner;
        final long[] price = new long[ALTERNATIVES];
        final int[] gpus = new int[ALTERNATIVES];
        final int[] duration = new int[ALTERNATIVES];
    }

    private final Ledger ledger;
    /** Every alternative's order id → its group, for lookup only. */
    private final Long2ObjectHashMap<Group> byOrderId = new Long2ObjectHashMap<>();
    private final ArrayDeque<Group> pool = new ArrayDeque<>();

    SubstituteHolds(final Ledger ledger)
    {
        this.ledger = ledger;
    }

    /** Holds the largest alternative of {@code command} under {@code groupId}; a reject code if the ledger refuses. */
    LedgerResult hold(final Command command, final long groupId)
    {
        final Group group = pool.isEmpty() ? new Group() : pool.poll();
        group.groupId = groupId;
        group.account = command.account;
        group.count = command.substituteCount + 1;
        group.open = group.count;
        group.winner = 0;
        group.price[0] = command.price;
        group.gpus[0] = command.gpus;
        group.duration[0] = command.durationMinutes;
        for (int k = 1; k < group.count; k++)
        {
            group.price[k] = command.substitutePrice[k - 1];
            group.gpus[k] = command.substituteGpus[k - 1];
            group.duration[k] = command.substituteDuration[k - 1];
        }
        int largest = 0;
        long largestNotional = -1;
        long largestHourly = 0;
        for (int k = 0; k < group.count; k++)
        {
            final long notional = Amounts.notional(group.price[k], group.gpus[k], group.duration[k]);
            final long hourly = Amounts.hourly(group.price[k], group.gpus[k]);
            if (notional == Amounts.OVERFLOW || hourly == Amounts.OVERFLOW)
            {
                pool.add(group);
                return LedgerResult.NOTIONAL_OVERFLOW;
            }
            if (notional > largestNotional)
            {
                largest = k;
                largestNotional = notional;
            }
            largestHourly = Math.max(largestHourly, hourly);
        }
        final long cap = ledger.spendingCap(group.account);
        if (cap != Ledger.NO_CAP && largestHourly > cap - ledger.spendingExposure(group.account))
        {
            pool.add(group);
            return LedgerResult.SPEND_CAP_EXCEEDED;
        }
        final LedgerResult result = ledger.holdBid(command.timestamp, groupId, group.account, group.price[largest], group.gpus[largest],
            group.duration[largest]);
        if (result != LedgerResult.OK)
        {
            pool.add(group);
            return result;
        }
        for (int k = 0; k < group.count; k++)
        {
            byOrderId.put(groupId + k, group);
        }
        return LedgerResult.OK;
    }

    /** The order id whose hold covers {@code orderId}: its group's while undecided, else its own. */
    long holdIdOf(final long orderId)
    {
        final Group group = byOrderId.get(orderId);
        return group == null || group.winner != 0 ? orderId : group.groupId;
    }

    /** Before a fill of {@code bidId} settles: the first fill of an alternative moves its group's hold onto it. */
    void beforeFill(final long time, final long bidId)
    {
        final Group group = byOrderId.get(bidId);
        if (group == null || group.winner != 0)
        {
            return;
        }
        group.winner = bidId;
        final int k = (int)(bidId - group.groupId);
        settled(ledger.releaseHold(time, group.groupId), group.groupId);
        final long cap = ledger.spendingCap(group.account);
        settled(ledger.setSpendingCap(group.account, Ledger.NO_CAP), bidId);
        settled(ledger.holdBid(time, bidId, group.account, group.price[k], group.gpus[k], group.duration[k]), bidId);
        settled(ledger.setSpendingCap(group.account, cap), bidId);
    }

    /**
     * Bid {@code orderId} closed (cancelled, expired or filled). True when it holds funds under its
     * own id that the caller releases as for a plain bid; false when this class dealt with it.
     */
    boolean closed(final long time, final long orderId)
    {
        final Group group = byOrderId.get(orderId);
        if (group == null)
        {
            return true;
        }
        byOrderId.remove(orderId);
        group.open--;
        final boolean ownHold = group.winner == orderId;
        if (group.winner == 0 && group.open == 0)
        {
            settled(ledger.releaseHold(time, group.groupId), group.groupId);
        }
        if (group.open == 0)
        {
            pool.add(group);
        }
        return ownHold;
    }

    void writeSnapshot(final DataOutput out) throws IOException
    {
        // The map is walked only to collect group ids, which are then written in id order, each once:
        // the same bytes however the map is laid out.
        final long[] ids = new long[byOrderId.size()];
        int entries = 0;
        for (final Group group : byOrderId.values())
        {
            ids[entries++] = group.groupId;
        }
        Arrays.sort(ids, 0, entries);
        int groups = 0;
        for (int i = 0; i < entries; i++)
        {
            if (i == 0 || ids[i] != ids[i - 1])
            {
                ids[groups++] = ids[i];
            }
        }
        out.writeInt(groups);
        for (int i = 0; i < groups; i++)
        {
            final Group group = openGroup(ids[i]);
            out.writeLong(group.groupId);
            out.writeLong(group.account);
            out.writeInt(group.count);
            out.writeLong(group.winner);
            for (int k = 0; k < group.count; k++)
            {
                out.writeBoolean(byOrderId.get(group.groupId + k) == group);
                out.writeLong(group.price[k]);
                out.writeInt(group.gpus[k]);
                out.writeInt(group.duration[k]);
            }
        }
    }

    void readSnapshot(final DataInput in) throws IOException
    {
        final int groups = in.readInt();
        for (int i = 0; i < groups; i++)
        {
            final Group group = new Group();
            group.groupId = in.readLong();
            group.account = in.readLong();
            group.count = in.readInt();
            group.winner = in.readLong();
            for (int k = 0; k < group.count; k++)
            {
                if (in.readBoolean())
                {
                    group.open++;
                    byOrderId.put(group.groupId + k, group);
                }
                group.price[k] = in.readLong();
                group.gpus[k] = in.readInt();
                group.duration[k] = in.readInt();
            }
        }
    }

    /** The group {@code groupId} through any of its still-open alternatives. */
    private Group openGroup(final long groupId)
    {
        for (int k = 0; k < ALTERNATIVES; k++)
        {
            final Group group = byOrderId.get(groupId + k);
            if (group != null && group.groupId == groupId)
            {
                return group;
            }
        }
        throw new IllegalStateException("no open alternative of substitutes group " + groupId);
    }

    /** The engine already decided; a ledger that refuses means engine and ledger diverged (see Exchange.settled). */
    private static void settled(final LedgerResult result, final long id)
    {
        if (result != LedgerResult.OK)
        {
            throw new IllegalStateException("ledger refused a substitutes hold move for order " + id + ": " + result);
        }
    }
}
