package com.offpeak.engine.catalog;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grid's multiplication answers exactly what {@code %} and {@code /} would, for every kind of tick. */
class TickGridTest
{
    private static final long[] TICKS = {1, 2, 3, 7, 10, 100, 625, 10_000, 1L << 20, 3L << 20, 999_999_937, 1_000_000_000_000L,
        Long.MAX_VALUE / 3, 1L << 62};

    @Test
    void agreesWithDivisionOnMultiplesNeighboursAndRandomPrices()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (final long tick : TICKS)
        {
            final TickGrid grid = new TickGrid(tick);
            check(grid, tick);
            check(grid, Long.MAX_VALUE);
            check(grid, Long.MAX_VALUE - Long.MAX_VALUE % tick);
            for (int i = 0; i < 20_000; i++)
            {
                final long multiple = tick * (1 + random.nextLong(Long.MAX_VALUE / tick));
                check(grid, multiple);
                check(grid, multiple - 1);
                if (multiple < Long.MAX_VALUE)
                {
                    check(grid, multiple + 1);
                }
                check(grid, 1 + random.nextLong(Long.MAX_VALUE));
                check(grid, 1 + random.nextLong(1_000_000_000L));
            }
        }
    }

    @Test
    void aTickMustBePositive()
    {
        assertThatThrownBy(() -> new TickGrid(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void check(final TickGrid grid, final long price)
    {
        if (price <= 0)
        {
            return;
        }
        final boolean onGrid = price % grid.tick() == 0;
        assertThat(grid.isOnGrid(price)).as("%d on a grid of %d", price, grid.tick()).isEqualTo(onGrid);
        if (onGrid)
        {
            assertThat(grid.ticks(price)).as("%d / %d", price, grid.tick()).isEqualTo(price / grid.tick());
        }
    }
}
