package com.offpeak.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarketSimulatorTest
{
    private static final long MIDNIGHT = 1_800_000_000_000L - 1_800_000_000_000L % 86_400_000L;
    private static final long HOUR = 3_600_000L;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 99})
    void theSameSeedGivesTheSameOrderStream(final long seed)
    {
        assertThat(stream(seed)).as("seed %d", seed).isEqualTo(stream(seed)).isNotEqualTo(stream(seed + 1000));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 99})
    void ownersPostMoreAtNightAndBuyersAreUrgentOrDeferrable(final long seed)
    {
        final List<String> orders = new ArrayList<>();
        final MarketSimulator simulator = simulator(seed, orders);
        for (int i = 0; i < 2_000; i++)
        {
            simulator.step(MIDNIGHT + 3 * HOUR + i); // 03:00, the idlest hour
        }
        assertThat(MarketSimulator.idleShare(MIDNIGHT + 3 * HOUR)).isGreaterThan(MarketSimulator.idleShare(MIDNIGHT + 15 * HOUR));
        final long nightAsks = orders.stream().filter(order -> order.startsWith("PLACE_ASK")).count();
        assertThat(orders).anyMatch(order -> order.contains(TimeInForce.IOC.name())).anyMatch(order -> order.contains(TimeInForce.GTD.name()));
        orders.clear();
        for (int i = 0; i < 2_000; i++)
        {
            simulator.step(MIDNIGHT + 15 * HOUR + i); // 15:00, the busiest
        }
        final long dayAsks = orders.stream().filter(order -> order.startsWith("PLACE_ASK")).count();
        assertThat(nightAsks).as("seed %d: asks at night vs afternoon", seed).isGreaterThan(dayAsks * 3 / 2);
    }

    private static List<String> stream(final long seed)
    {
        final List<String> orders = new ArrayList<>();
        final MarketSimulator simulator = simulator(seed, orders);
        for (int i = 0; i < 500; i++)
        {
            simulator.step(MIDNIGHT + i * 60_000L);
        }
        return orders;
    }

    private static MarketSimulator simulator(final long seed, final List<String> orders)
    {
        return new MarketSimulator(command -> orders.add(command.type + " " + command.account + " " + command.instrument + " " +
            command.gpus + " " + command.price + " " + command.timeInForce + " " + command.deadline + " " + command.availableUntil),
            Catalog.loadDefault(), () -> 0, new DemoAccounts(), seed);
    }
}
