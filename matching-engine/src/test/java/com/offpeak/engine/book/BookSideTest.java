package com.offpeak.engine.book;

import com.offpeak.engine.Side;
import com.offpeak.engine.catalog.TickGrid;
import com.offpeak.engine.pool.ObjectPool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Levels by price, best first, whatever the price band: the by-tick table only ever shortcuts the search. */
class BookSideTest
{
    private static final long TICK = 10_000;

    @Test
    void levelsAreFoundAndOrderedWhenPricesShareTableSlots()
    {
        for (final Side sideOfBook : Side.values())
        {
            final BookSide side = new BookSide(0, sideOfBook, new TickGrid(TICK), new ObjectPool<>(PriceLevel::new, 4));
            final TreeMap<Long, PriceLevel> expected = new TreeMap<>();
            final SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < 20_000; i++)
            {
                // A band of 2,000 ticks: eight prices to each of the table's 256 slots.
                final long price = TICK * (1 + random.nextInt(2_000));
                final PriceLevel present = expected.get(price);
                if (present != null && random.nextBoolean())
                {
                    side.removeLevel(present);
                    expected.remove(price);
                    continue;
                }
                final PriceLevel level = side.levelFor(price);
                assertThat(level.price()).isEqualTo(price);
                if (present != null)
                {
                    assertThat(level).isSameAs(present);
                }
                expected.put(price, level);
            }
            final List<PriceLevel> inOrder = new ArrayList<>(sideOfBook == Side.BID ? expected.descendingMap().values() : expected.values());
            assertThat(side.levelCount()).isEqualTo(inOrder.size());
            for (int i = 0; i < inOrder.size(); i++)
            {
                assertThat(side.level(i)).isSameAs(inOrder.get(i));
            }
        }
    }
}
