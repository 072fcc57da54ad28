package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.BookChanged;
import com.offpeak.engine.RecordingListener.Fill;
import com.offpeak.engine.RecordingListener.LeaseEnded;
import com.offpeak.engine.RecordingListener.LeaseStarted;
import com.offpeak.engine.RecordingListener.OrderExpired;
import com.offpeak.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.HOUR;
import static com.offpeak.engine.EngineDriver.MINUTE;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static com.offpeak.engine.EngineDriver.acceptedId;
import static org.assertj.core.api.Assertions.assertThat;

/** Lease ends, expiries, draining asks, and independence from tick frequency. */
class TimersTest
{
    private final EngineDriver d = new EngineDriver();

    @Test
    void returnedGpusKeepTheAsksPriorityAndMatchAtTheLeaseEndTime()
    {
        final long ask = acceptedId(d.ask(T0, 1, 4, USD));
        d.bid(T0, 2, 4, 60, USD); // lease 1 until T0 + 1h
        final long waiting = acceptedId(d.bid(T0 + MINUTE, 3, 4, 90, USD));
        final long younger = acceptedId(d.ask(T0 + 2 * MINUTE, 4, 4, USD)); // trades with the waiting bid at once
        assertThat(d.depth(Side.BID)).isEmpty();
        final long waitingToo = acceptedId(d.bid(T0 + 3 * MINUTE, 5, 4, 60, USD));

        // The next command arrives long after the lease end; the match happens at the lease end.
        final List<Object> events = d.tick(T0 + 5 * HOUR);

        assertThat(events.get(0)).isEqualTo(new LeaseEnded(T0 + HOUR, 1, H100, 2, 1, ask, 4, LeaseEndReason.COMPLETED, true));
        assertThat(events.get(1)).isEqualTo(new BookChanged(T0 + HOUR, H100, Side.ASK, USD, 4, 1));
        assertThat(events.get(2)).isEqualTo(new Fill(T0 + HOUR, H100, 3, waitingToo, ask, 5, 1, 4, 60, USD, Side.ASK, 0));
        assertThat(events).filteredOn(LeaseStarted.class::isInstance).first()
            .isEqualTo(new LeaseStarted(T0 + HOUR, 3, H100, 5, 1, waitingToo, ask, 4, T0 + HOUR, T0 + 2 * HOUR, USD, false));
        assertThat(waiting).isLessThan(younger);
    }

    @Test
    void leaseEndsFireBeforeExpiriesDueAtTheSameMillisecond()
    {
        // The ask's window ends exactly when its lease does: at T0 + 3h - 1h + 1ms it expires.
        final long ask = acceptedId(d.ask(T0, 1, 4, USD, T0 + 3 * HOUR, 1));
        final long expiry = T0 + 2 * HOUR + 1;
        d.bid(expiry - 2 * HOUR, 2, 4, 120, USD); // at T0 + 1ms: lease ends at T0 + 2h + 1ms
        final List<Object> events = d.tick(expiry);

        assertThat(events).extracting(Object::getClass).containsExactly(LeaseEnded.class, BookChanged.class, OrderExpired.class,
            BookChanged.class);
        assertThat(events.get(2)).isEqualTo(new OrderExpired(expiry, ask, 1, H100, Side.ASK, 4));
    }

    @Test
    void timersFireInDueOrderWithNowAtEachDueTime()
    {
        final long late = acceptedId(d.bid(T0, 1, 1, 60, USD, TimeInForce.GTD, T0 + 3 * HOUR, false, false));
        final long early = acceptedId(d.bid(T0, 2, 1, 60, USD, TimeInForce.GTD, T0 + 2 * HOUR, false, false));

        final List<Object> events = d.tick(T0 + 10 * HOUR);

        assertThat(events).filteredOn(OrderExpired.class::isInstance).containsExactly(
            new OrderExpired(T0 + HOUR + 1, early, 2, H100, Side.BID, 1),
            new OrderExpired(T0 + 2 * HOUR + 1, late, 1, H100, Side.BID, 1));
        assertThat(d.engine.now()).isEqualTo(T0 + 10 * HOUR);
    }

    @Test
    void aGtdBidTradesUntilItsLastPossibleStartThenExpires()
    {
        final long bid = acceptedId(d.bid(T0, 1, 4, 60, USD, TimeInForce.GTD, T0 + 2 * HOUR, false, false));
        assertThat(d.tick(T0 + HOUR)).isEmpty();
        // At deadline - duration it can still trade; a partial fill keeps its remainder resting.
        assertThat(MatchingRulesTest.fills(d.ask(T0 + HOUR, 2, 2, USD))).hasSize(1);
        final List<Object> events = d.tick(T0 + HOUR + 1);
        assertThat(events).containsExactly(new OrderExpired(T0 + HOUR + 1, bid, 1, H100, Side.BID, 2),
            new BookChanged(T0 + HOUR + 1, H100, Side.BID, USD, 0, 0));
        assertThat(d.engine.openOrderCount()).isEqualTo(1);
        final List<Long> leaseEnds = new ArrayList<>();
        d.engine.forEachLease((id, i, b, o, bidId, askId, g, start, end, p, pre) -> leaseEnds.add(end));
        assertThat(leaseEnds).containsExactly(T0 + 2 * HOUR);
    }

    @Test
    void anAskExpiresWhenItsWindowFallsBelowTheMinimumDuration()
    {
        final long ask = acceptedId(d.ask(T0, 1, 4, USD, T0 + 5 * HOUR, 1));
        assertThat(d.tick(T0 + 4 * HOUR)).isEmpty();
        assertThat(d.tick(T0 + 4 * HOUR + 1)).containsExactly(new OrderExpired(T0 + 4 * HOUR + 1, ask, 1, H100, Side.ASK, 4),
            new BookChanged(T0 + 4 * HOUR + 1, H100, Side.ASK, USD, 0, 0));
    }

    @Test
    void aCancelledAskDrainsItsLeasedGpusThenDisappears()
    {
        final long ask = acceptedId(d.ask(T0, 1, 8, USD));
        d.bid(T0, 2, 3, 60, USD);
        d.bid(T0, 3, 2, 120, USD);
        d.cancel(T0 + MINUTE, 1, ask);

        assertThat(orders()).containsExactly(ask + ":open=false free=0 leased=5 retired=3 posted=8");
        final List<Object> first = d.tick(T0 + HOUR);
        assertThat(first).containsExactly(new LeaseEnded(T0 + HOUR, 1, H100, 2, 1, ask, 3, LeaseEndReason.COMPLETED, false));
        assertThat(orders()).containsExactly(ask + ":open=false free=0 leased=2 retired=6 posted=8");
        d.tick(T0 + 2 * HOUR);
        assertThat(orders()).isEmpty();
    }

    /** The same commands with or without extra timer ticks give the same events and the same final state. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void resultsDoNotDependOnTickFrequency(final long seed)
    {
        final List<Command> commands = randomCommands(seed, 400);
        final RecordingListener plain = new RecordingListener();
        final RecordingListener ticked = new RecordingListener();
        final MatchingEngine a = new MatchingEngine(Catalog.loadDefault(), EngineConfig.DEFAULT, plain, PreTradeCheck.ALLOW_ALL);
        final MatchingEngine b = new MatchingEngine(Catalog.loadDefault(), EngineConfig.DEFAULT, ticked, PreTradeCheck.ALLOW_ALL);
        final SplittableRandom random = new SplittableRandom(seed);
        final Command tick = new Command();
        long previous = T0;
        for (final Command command : commands)
        {
            for (long t = previous; t < command.timestamp; t += 1 + random.nextLong(40 * MINUTE))
            {
                b.apply(tick.timerTick(t));
            }
            previous = command.timestamp;
            a.apply(command);
            b.apply(command);
            b.validate();
        }
        a.validate();
        assertThat(ticked.events()).as("seed %d", seed).isEqualTo(plain.events());
        assertThat(b.stateHash()).as("seed %d", seed).isEqualTo(a.stateHash());
    }

    /** A small busy market: few prices, short windows and durations, so leases end and orders expire often. */
    static List<Command> randomCommands(final long seed, final int count)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<Command> commands = new ArrayList<>();
        long t = T0;
        for (int i = 0; i < count; i++)
        {
            t += random.nextLong(20 * MINUTE);
            final long account = 1 + random.nextInt(4);
            final long price = (90 + random.nextInt(20)) * 10_000L;
            final int roll = random.nextInt(10);
            final Command c = new Command();
            if (roll < 4)
            {
                final int block = random.nextBoolean() ? 1 : 4;
                c.placeAsk(t, account, 0, H100, block * (1 + random.nextInt(4)), price, t + (1 + random.nextInt(6)) * HOUR, block);
            }
            else if (roll < 8)
            {
                final TimeInForce tif = TimeInForce.values()[random.nextInt(4)];
                final int minutes = 60 + 30 * random.nextInt(4);
                final long deadline = tif == TimeInForce.GTD ? t + minutes * MINUTE + random.nextLong(3 * HOUR) : 0;
                c.placeBid(t, account, 0, H100, 1 + random.nextInt(8), minutes, price, tif, deadline, random.nextInt(4) == 0,
                    false, false);
            }
            else if (roll < 9)
            {
                c.cancel(t, account, 1 + random.nextInt(i + 1));
            }
            else
            {
                c.amend(t, account, 1 + random.nextInt(i + 1), 1 + random.nextInt(8), price);
            }
            commands.add(c);
        }
        return commands;
    }

    private List<String> orders()
    {
        final List<String> orders = new ArrayList<>();
        d.engine.forEachOrder((id, account, side, instrument, price, seq, open, remaining, leased, retired, posted) ->
            orders.add(id + ":open=" + open + " free=" + remaining + " leased=" + leased + " retired=" + retired + " posted=" + posted));
        return orders;
    }
}
