package com.offpeak.engine.book;

import com.offpeak.engine.Side;
import com.offpeak.engine.catalog.TickGrid;
import com.offpeak.engine.pool.ObjectPool;

import java.util.Arrays;

/**
 * One side of a book: its price levels in priority order (best first) in a sorted array, found by
 * binary search. GPU books have few distinct prices (a tick grid near the market), so shifting a
 * short array on a new or emptied level beats a tree's pointer chasing, and the walk of an
 * aggressor is a plain index loop with no iterator.
 *
 * <p>The search probes a parallel {@code long[]} of ranks, not the level objects: a few adjacent
 * cache lines instead of one scattered object per probe. A level's rank is its price for asks and
 * minus its price for bids (prices are positive), so priority order is ascending rank on both
 * sides and the search has no side branch.
 *
 * <p>Before searching, {@link #levelFor} looks in a direct-mapped table of the levels by tick
 * number ({@code price / tick}, modulo {@value #BY_TICK} slots): a book's prices sit in a band of a
 * few dozen ticks around the market, so every level has a slot of its own and a lookup is a
 * multiplication and two loads. Levels whose slot another level holds (a band wider than the
 * table) are simply searched; the table only ever answers with a level of exactly that price.
 */
public final class BookSide
{
    /** Power of two; a band this many ticks wide has no two levels in one slot. */
    private static final int BY_TICK = 256;

    private final int instrument;
    private final Side side;
    private final TickGrid grid;
    private final ObjectPool<PriceLevel> levelPool;
    private final PriceLevel[] byTick = new PriceLevel[BY_TICK];
    private PriceLevel[] levels = new PriceLevel[16];
    private long[] ranks = new long[16];
    private int count;

    public BookSide(final int instrument, final Side side, final TickGrid grid, final ObjectPool<PriceLevel> levelPool)
    {
        this.instrument = instrument;
        this.side = side;
        this.grid = grid;
        this.levelPool = levelPool;
    }

    public int instrument()
    {
        return instrument;
    }

    public Side side()
    {
        return side;
    }

    public int levelCount()
    {
        return count;
    }

    /** The level at {@code index}, 0 being the best price. */
    public PriceLevel level(final int index)
    {
        return levels[index];
    }

    /** True when {@code price} is strictly better than {@code other} for this side (higher bid, lower ask). */
    public boolean isBetter(final long price, final long other)
    {
        return side == Side.BID ? price > other : price < other;
    }

    /** The level at {@code price}, created (from the pool) if absent. */
    public PriceLevel levelFor(final long price)
    {
        final int slot = slotOf(price);
        final PriceLevel cached = byTick[slot];
        if (cached != null && cached.price() == price)
        {
            return cached;
        }
        final long rank = rankOf(price);
        final int index = search(rank);
        if (index >= 0)
        {
            byTick[slot] = levels[index];
            return levels[index];
        }
        final int insertAt = -index - 1;
        if (count == levels.length)
        {
            levels = Arrays.copyOf(levels, count * 2);
            ranks = Arrays.copyOf(ranks, count * 2);
        }
        System.arraycopy(levels, insertAt, levels, insertAt + 1, count - insertAt);
        System.arraycopy(ranks, insertAt, ranks, insertAt + 1, count - insertAt);
        final PriceLevel level = levelPool.acquire();
        level.reset(price);
        levels[insertAt] = level;
        ranks[insertAt] = rank;
        count++;
        byTick[slot] = level;
        return level;
    }

    /** Drops an emptied level and returns it to the pool. */
    public void removeLevel(final PriceLevel level)
    {
        final int index = search(rankOf(level.price()));
        if (index < 0 || levels[index] != level)
        {
            throw new IllegalStateException("level " + level.price() + " is not on the " + side + " side");
        }
        System.arraycopy(levels, index + 1, levels, index, count - index - 1);
        System.arraycopy(ranks, index + 1, ranks, index, count - index - 1);
        levels[--count] = null;
        final int slot = slotOf(level.price());
        if (byTick[slot] == level)
        {
            byTick[slot] = null;
        }
        levelPool.release(level);
    }

    private int slotOf(final long price)
    {
        return (int)grid.ticks(price) & (BY_TICK - 1);
    }

    private long rankOf(final long price)
    {
        return side == Side.BID ? -price : price;
    }

    /**
     * Binary search over the ranks: the index of {@code rank}, or -(insertion point) - 1.
     *
     * <p>Branch-free: which half to keep is data the predictor cannot learn (amends hit random
     * levels), and the branchy search's comparison was the engine's most sampled line on the
     * exchange mix. The sign of the difference picks the half; it cannot overflow because all ranks
     * of a side have one sign (prices are positive).
     */
    private int search(final long rank)
    {
        final long[] ranks = this.ranks;
        if (count == 0)
        {
            return -1;
        }
        // Invariant: the first index whose rank is >= rank lies in [base, base + span].
        int base = 0;
        int span = count;
        while (span > 1)
        {
            final int half = span >>> 1;
            base += half & (int)((ranks[base + half] - rank) >> 63);
            span -= half;
        }
        final int index = base + (int)((ranks[base] - rank) >>> 63);
        return index < count && ranks[index] == rank ? index : -(index + 1);
    }
}
