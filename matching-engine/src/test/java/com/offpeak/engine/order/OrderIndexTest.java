package com.offpeak.engine.order;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderIndexTest
{
    /**
     * Random puts and removes against a HashMap, with ids both consecutive (as the engine issues
     * them) and strided (every 1024th left open), through several resizes and back down.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void agreesWithAPlainMap(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final OrderIndex index = new OrderIndex(0);
        final Map<Long, Order> expected = new HashMap<>();
        final List<Long> ids = new ArrayList<>();
        final long stride = seed % 2 == 0 ? 1 : 1024;
        long nextId = 1;
        for (int step = 0; step < 60_000; step++)
        {
            final String where = "seed " + seed + " step " + step;
            final boolean growing = step < 40_000;
            if (ids.isEmpty() || random.nextInt(10) < (growing ? 6 : 3))
            {
                final Order order = new Order();
                order.id = nextId;
                nextId += stride;
                index.put(order.id, order);
                expected.put(order.id, order);
                ids.add(order.id);
            }
            else
            {
                final int at = random.nextInt(ids.size());
                final long id = ids.get(at);
                ids.set(at, ids.get(ids.size() - 1));
                ids.remove(ids.size() - 1);
                assertThat(index.remove(id)).as(where).isSameAs(expected.remove(id));
                assertThat(index.remove(id)).as(where).isNull();
            }
            final long probe = 1 + random.nextLong(nextId + stride);
            assertThat(index.get(probe)).as("%s: get %d", where, probe).isSameAs(expected.get(probe));
            assertThat(index.size()).as(where).isEqualTo(expected.size());
        }
        for (final long id : ids)
        {
            assertThat(index.get(id)).as("seed %d: id %d at the end", seed, id).isSameAs(expected.get(id));
        }
    }

    @Test
    void putUnderTheSameIdReplaces()
    {
        final OrderIndex index = new OrderIndex(0);
        final Order first = order(7);
        final Order second = order(7);
        index.put(7, first);
        index.put(7, second);

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.get(7)).isSameAs(second);
    }

    @Test
    void refusesAnOrderUnderAnotherId()
    {
        final OrderIndex index = new OrderIndex(0);
        assertThatThrownBy(() -> index.put(8, order(7))).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.size()).isZero();
    }

    @Test
    void refusesIdZeroWhichMarksAnEmptySlot()
    {
        final OrderIndex index = new OrderIndex(0);
        assertThatThrownBy(() -> index.put(0, order(0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.size()).isZero();
        assertThat(index.get(0)).isNull();
    }

    private static Order order(final long id)
    {
        final Order order = new Order();
        order.id = id;
        return order;
    }
}
