package com.offpeak.engine.model;

import com.offpeak.engine.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a market-data consumer rebuilds from {@code bookChanged} events: per book side, price to (GPUs, orders). */
public final class DepthReplica
{
    private final Map<String, TreeMap<Long, Level>> books = new HashMap<>();

    void apply(final int instrument, final Side side, final long price, final int gpus, final int orders)
    {
        final TreeMap<Long, Level> book = book(instrument, side);
        if (gpus == 0)
        {
            book.remove(price);
        }
        else
        {
            book.put(price, new Level(price, gpus, orders));
        }
    }

    /** The levels of one book side, best first. */
    public List<Level> levels(final int instrument, final Side side)
    {
        return new ArrayList<>(book(instrument, side).values());
    }

    private TreeMap<Long, Level> book(final int instrument, final Side side)
    {
        return books.computeIfAbsent(instrument + "/" + side,
            key -> new TreeMap<>(side == Side.BID ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder()));
    }
}
