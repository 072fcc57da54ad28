package com.offpeak.engine.model;

import com.offpeak.engine.LeaseView;
import com.offpeak.engine.LevelView;
import com.offpeak.engine.OrderView;
import com.offpeak.engine.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The engine's (or the model's) views collected into value lists, so that two sources compare with {@code equals}. */
public final class Snapshot
{
    public record OrderRow(long orderId, long account, Side side, int instrument, long price, long prioritySeq, boolean open, int remaining,
        int leased, int retired, int posted)
    {
    }

    public record LeaseRow(long leaseId, int instrument, long buyer, long owner, long bidId, long askId, int gpus, long start, long end,
        long price, boolean preemptible)
    {
    }

    private Snapshot()
    {
    }

    public static List<OrderRow> orders(final Consumer<OrderView> source)
    {
        final List<OrderRow> rows = new ArrayList<>();
        source.accept((orderId, account, side, instrument, price, prioritySeq, open, remaining, leased, retired, posted) ->
            rows.add(new OrderRow(orderId, account, side, instrument, price, prioritySeq, open, remaining, leased, retired, posted)));
        return rows;
    }

    public static List<LeaseRow> leases(final Consumer<LeaseView> source)
    {
        final List<LeaseRow> rows = new ArrayList<>();
        source.accept((leaseId, instrument, buyer, owner, bidId, askId, gpus, start, end, price, preemptible) ->
            rows.add(new LeaseRow(leaseId, instrument, buyer, owner, bidId, askId, gpus, start, end, price, preemptible)));
        return rows;
    }

    public static List<Level> depth(final Consumer<LevelView> source)
    {
        final List<Level> levels = new ArrayList<>();
        source.accept((price, gpus, orders) -> levels.add(new Level(price, gpus, orders)));
        return levels;
    }

    /** Index and both sides of the first difference of two lists, or null when they are equal. */
    public static <T> String firstDifference(final List<T> expected, final List<T> actual)
    {
        final int common = Math.min(expected.size(), actual.size());
        for (int i = 0; i < common; i++)
        {
            if (!expected.get(i).equals(actual.get(i)))
            {
                return "#" + i + "\n    model:  " + expected.get(i) + "\n    engine: " + actual.get(i);
            }
        }
        if (expected.size() != actual.size())
        {
            return "#" + common + "\n    model:  " + (common < expected.size() ? expected.get(common) : "<none>") +
                "\n    engine: " + (common < actual.size() ? actual.get(common) : "<none>");
        }
        return null;
    }
}
