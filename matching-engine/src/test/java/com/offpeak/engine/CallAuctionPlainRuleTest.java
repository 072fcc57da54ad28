package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.Fill;
import com.offpeak.engine.auction.AuctionIntervals;
import com.offpeak.engine.auction.MarketModes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.HOUR;
import static com.offpeak.engine.EngineDriver.MINUTE;
import static com.offpeak.engine.EngineDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's call auction on 2,000 small random books (at most 12 orders each) against a plain
 * implementation of the rule as docs/auction.md states it, written here from the text and sharing
 * no code with the engine, and against the rule's invariants: no winner pays above its limit, no
 * owner is paid below its ask, no ask sells more than it has, a contiguous bid fills whole from one
 * ask or not at all, one price per clear.
 */
class CallAuctionPlainRuleTest
{
    private static final int INSTANCES_PER_SEED = 200;
    private static final int MAX_ORDERS = 12;
    private static final long HALF_DOLLAR = 500_000L;
    private static final long BOUNDARY = MarketModes.nextBoundary(T0, 60_000L);

    static LongStream seeds()
    {
        return LongStream.rangeClosed(1, 10);
    }

    private record PlainOrder(long id, long account, boolean bid, long price, int gpus, int minutes, boolean contiguous, long until,
        int minBlock)
    {
    }

    private record PlainFill(long bidId, long askId, int gpus)
    {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void clearsAsThePlainRuleSays(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        for (int instance = 0; instance < INSTANCES_PER_SEED; instance++)
        {
            final EngineDriver d = new EngineDriver(
                EngineConfig.DEFAULT.withAuctionIntervals(AuctionIntervals.ALL_CONTINUOUS.with(H100, 60)), PreTradeCheck.ALLOW_ALL);
            final List<PlainOrder> orders = new ArrayList<>();
            final int count = 1 + random.nextInt(MAX_ORDERS);
            for (int i = 0; i < count; i++)
            {
                orders.add(place(d, random));
            }
            final List<Fill> fills = d.tick(BOUNDARY).stream().filter(Fill.class::isInstance).map(Fill.class::cast).toList();
            final String where = "seed=" + seed + " instance=" + instance + " orders=" + orders;

            final List<PlainFill> expected = new ArrayList<>();
            final long expectedPrice = plainClear(orders, expected);
            assertThat(fills).as(where).extracting(f -> new PlainFill(f.bidId(), f.askId(), f.gpus())).isEqualTo(expected);
            assertThat(fills).as(where).allSatisfy(f -> assertThat(f.price()).isEqualTo(expectedPrice));
            checkInvariants(orders, fills, where);
        }
    }

    private static PlainOrder place(final EngineDriver d, final SplittableRandom random)
    {
        final long account = 1 + random.nextInt(3);
        final long price = (1 + random.nextInt(8)) * HALF_DOLLAR;
        if (random.nextBoolean())
        {
            final int minBlock = new int[] {1, 1, 2, 4}[random.nextInt(4)];
            final int gpus = minBlock * (1 + random.nextInt(3));
            final long until = T0 + HOUR + random.nextInt(4) * HOUR;
            final long id = EngineDriver.acceptedId(d.ask(T0, account, gpus, price, until, minBlock));
            return new PlainOrder(id, account, false, price, gpus, 0, false, until, minBlock);
        }
        final int gpus = 1 + random.nextInt(8);
        final int minutes = 60 * (1 + random.nextInt(3));
        final boolean contiguous = random.nextInt(10) < 3;
        final long id = EngineDriver.acceptedId(d.bid(T0, account, gpus, minutes, price, TimeInForce.GTC, 0, contiguous, false));
        return new PlainOrder(id, account, true, price, gpus, minutes, contiguous, 0, 0);
    }

    /** docs/auction.md, step by step, on plain lists. Returns the price; fills go to {@code out}. */
    private static long plainClear(final List<PlainOrder> orders, final List<PlainFill> out)
    {
        final List<PlainOrder> bids = orders.stream().filter(PlainOrder::bid)
            .sorted(Comparator.comparingLong((PlainOrder o) -> -o.price()).thenComparingLong(PlainOrder::id)).toList();
        final List<PlainOrder> asks = orders.stream().filter(o -> !o.bid())
            .sorted(Comparator.comparingLong(PlainOrder::price).thenComparingLong(PlainOrder::id)).toList();
        final Map<Long, Integer> free = new HashMap<>();
        asks.forEach(a -> free.put(a.id(), a.gpus()));
        final List<Long> winnerLimits = new ArrayList<>();
        final List<Long> loserLimits = new ArrayList<>();
        long highestAsk = 0;
        for (final PlainOrder bid : bids)
        {
            int left = bid.gpus();
            if (bid.price() >= highestAsk)
            {
                for (final PlainOrder ask : asks)
                {
                    if (ask.price() > bid.price() || left == 0)
                    {
                        break;
                    }
                    final boolean windowHolds = BOUNDARY + bid.minutes() * MINUTE <= ask.until();
                    int q = Math.min(left, free.get(ask.id()));
                    q -= q % ask.minBlock();
                    if (ask.account() == bid.account() || !windowHolds || q == 0 || (bid.contiguous() && q != left))
                    {
                        continue;
                    }
                    out.add(new PlainFill(bid.id(), ask.id(), q));
                    free.put(ask.id(), free.get(ask.id()) - q);
                    left -= q;
                    highestAsk = Math.max(highestAsk, ask.price());
                }
            }
            (left < bid.gpus() ? winnerLimits : loserLimits).add(bid.price());
        }
        if (out.isEmpty())
        {
            return 0;
        }
        final long lowestWinner = winnerLimits.stream().mapToLong(Long::longValue).min().orElseThrow();
        final long highestLoser = loserLimits.stream().mapToLong(Long::longValue).filter(p -> p <= lowestWinner).max().orElse(lowestWinner);
        return Math.max(highestLoser, highestAsk);
    }

    private static void checkInvariants(final List<PlainOrder> orders, final List<Fill> fills, final String where)
    {
        final Map<Long, PlainOrder> byId = new HashMap<>();
        orders.forEach(o -> byId.put(o.id(), o));
        final Map<Long, Integer> sold = new HashMap<>();
        final Map<Long, List<Long>> asksPerBid = new HashMap<>();
        final Map<Long, Integer> boughtPerBid = new HashMap<>();
        for (final Fill f : fills)
        {
            final PlainOrder bid = byId.get(f.bidId());
            final PlainOrder ask = byId.get(f.askId());
            assertThat(f.price()).as(where).isLessThanOrEqualTo(bid.price()).isGreaterThanOrEqualTo(ask.price());
            assertThat(f.price()).as(where).isEqualTo(fills.get(0).price());
            assertThat(f.maker()).as(where).isNull();
            assertThat(f.gpus() % ask.minBlock()).as(where).isZero();
            sold.merge(ask.id(), f.gpus(), Integer::sum);
            boughtPerBid.merge(bid.id(), f.gpus(), Integer::sum);
            asksPerBid.computeIfAbsent(bid.id(), k -> new ArrayList<>()).add(ask.id());
        }
        sold.forEach((ask, gpus) -> assertThat(gpus).as(where + " ask " + ask).isLessThanOrEqualTo(byId.get(ask).gpus()));
        boughtPerBid.forEach((bid, gpus) ->
        {
            assertThat(gpus).as(where).isLessThanOrEqualTo(byId.get(bid).gpus());
            if (byId.get(bid).contiguous())
            {
                assertThat(gpus).as(where + " contiguous " + bid).isEqualTo(byId.get(bid).gpus());
                assertThat(asksPerBid.get(bid)).as(where).hasSize(1);
            }
        });
    }
}
