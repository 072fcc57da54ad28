package com.offpeak.gateway.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.engine.Side;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DepthBookTest
{
    /** Random level changes against a TreeMap model: order, aggregates and the conflated update set agree. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234567})
    void matchesASortedMapModel(final long seed)
    {
        final Random random = new Random(seed);
        final DepthBook book = new DepthBook();
        final TreeMap<Long, Integer> bids = new TreeMap<>(java.util.Comparator.reverseOrder());
        final TreeMap<Long, Integer> asks = new TreeMap<>();
        for (int step = 0; step < 5_000; step++)
        {
            final TreeMap<Long, Integer> changed = new TreeMap<>();
            final int burst = 1 + random.nextInt(5);
            final boolean bidSide = random.nextBoolean();
            for (int i = 0; i < burst; i++)
            {
                final long price = (1 + random.nextInt(60)) * 10_000L;
                final int gpus = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(64);
                book.apply(bidSide ? Side.BID : Side.ASK, price, gpus, gpus == 0 ? 0 : 1);
                final TreeMap<Long, Integer> model = bidSide ? bids : asks;
                if (gpus == 0)
                {
                    model.remove(price);
                }
                else
                {
                    model.put(price, gpus);
                }
                changed.put(price, gpus);
            }
            final long seqBefore = book.seq();
            book.sealUpdate();
            final Side side = bidSide ? Side.BID : Side.ASK;
            assertThat(book.seq()).as("seed %d", seed).isEqualTo(seqBefore + 1);
            assertThat(book.changedCount(side)).as("seed %d", seed).isEqualTo(changed.size());
            for (int i = 0; i < book.changedCount(side); i++)
            {
                final long price = book.changedPrice(side, i);
                assertThat(changed).as("seed %d", seed).containsKey(price);
                assertThat(book.side(side).gpusAt(price)).isEqualTo(changed.get(price));
                if (i > 0)
                {
                    assertThat(book.side(side).better(book.changedPrice(side, i - 1), price)).as("best first, seed %d", seed).isTrue();
                }
            }
            book.clearChanges();
            assertSame(book.bids(), bids, seed);
            assertSame(book.asks(), asks, seed);
        }
    }

    private static void assertSame(final DepthSide side, final TreeMap<Long, Integer> model, final long seed)
    {
        assertThat(side.size()).as("seed %d", seed).isEqualTo(model.size());
        int i = 0;
        for (final Map.Entry<Long, Integer> level : model.entrySet())
        {
            assertThat(side.price(i)).as("seed %d level %d", seed, i).isEqualTo(level.getKey());
            assertThat(side.gpus(i)).as("seed %d level %d", seed, i).isEqualTo(level.getValue());
            i++;
        }
    }
}
