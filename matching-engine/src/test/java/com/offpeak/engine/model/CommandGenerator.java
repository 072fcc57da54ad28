package com.offpeak.engine.model;

import com.offpeak.engine.Command;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random command streams aimed at every rule of docs/matching.md: a few busy books with
 * prices clustered around a mid so they cross often, a handful of accounts so self-trades are
 * skipped, asks of several block sizes and windows (short ones, so windows run out and asks
 * expire), bids of every kind, cancels and amends aimed at the model's open orders,
 * clientOrderId retries (identical and conflicting), one invalid field now and then so that every
 * reject code is reachable, and time that mostly creeps but sometimes jumps hours ahead (leases
 * end, orders expire) or lands on the 15-minute grid plus 1 ms, where lease ends and expiries of
 * grid-aligned windows and deadlines collide.
 */
public final class CommandGenerator
{
    /** 2026-01-01T00:00:00Z. */
    public static final long START_TIME = 1_767_225_600_000L;
    /** Account 4 is the one the {@link ScriptedPreTradeCheck} turns down for big orders. */
    public static final int ACCOUNTS = 5;

    private static final long SECOND = 1_000L;
    private static final long MINUTE = Instrument.MILLIS_PER_MINUTE;
    private static final long QUARTER = 15 * MINUTE;
    private static final long HOUR = 60 * MINUTE;
    private static final int[] MIN_BLOCKS = {1, 1, 2, 4, 8};
    private static final int[] BID_GPUS = {1, 1, 2, 2, 3, 4, 4, 6, 8, 8, 12, 16};
    private static final int[] DURATIONS = {60, 60, 75, 90, 120, 120, 180, 240, 360};
    private static final int MID_TICKS = 200;
    private static final int PRICE_SPREAD_TICKS = 4;
    private static final int RETRY_MEMORY = 64;

    private final SplittableRandom random;
    private final Catalog catalog;
    private final List<Command> placesWithClientId = new ArrayList<>();
    private long clock = START_TIME;
    private long nextClientOrderId = 1;

    public CommandGenerator(final long seed, final Catalog catalog)
    {
        this.random = new SplittableRandom(seed);
        this.catalog = catalog;
    }

    /** The next command, aimed at the model's current state. Returns a fresh instance each time. */
    public Command next(final ReferenceModel model)
    {
        final long time = nextTimestamp();
        final long now = Math.max(time, model.now());
        final int roll = random.nextInt(100);
        if (roll < 32)
        {
            return remember(bid(time, now));
        }
        if (roll < 60)
        {
            return remember(ask(time, now));
        }
        if (roll < 66 && !placesWithClientId.isEmpty())
        {
            return retry(time);
        }
        if (roll < 74)
        {
            return cancel(time, model);
        }
        if (roll < 76)
        {
            return cancelAll(time);
        }
        if (roll < 92)
        {
            return amend(time, model);
        }
        if (random.nextInt(40) == 0)
        {
            return malformed(time);
        }
        return new Command().timerTick(time);
    }

    // ------------------------------------------------------------------------------------------ time

    private long nextTimestamp()
    {
        final int roll = random.nextInt(100);
        if (roll < 68)
        {
            clock += random.nextLong(20 * SECOND);
        }
        else if (roll < 88)
        {
            clock += random.nextLong(10 * MINUTE);
        }
        else if (roll < 95)
        {
            clock += random.nextLong(3 * HOUR);
        }
        else if (roll < 97)
        {
            clock += 3 * HOUR + random.nextLong(8 * HOUR);
        }
        else
        {
            // a sequencer stamp from the past: the engine keeps its own time monotonic
            return clock - random.nextLong(MINUTE);
        }
        if (random.nextInt(6) == 0)
        {
            clock = clock - clock % QUARTER + random.nextInt(2);
        }
        return clock;
    }

    // ------------------------------------------------------------------------------------------ places

    private Command bid(final long time, final long now)
    {
        final int instrumentIndex = instrument();
        final Instrument instrument = catalog.get(Math.max(0, Math.min(instrumentIndex, catalog.size() - 1)));
        int gpus = pick(BID_GPUS);
        int duration = pick(DURATIONS);
        long price = price(instrument);
        final int tifRoll = random.nextInt(100);
        TimeInForce tif = tifRoll < 40 ? TimeInForce.GTC : tifRoll < 75 ? TimeInForce.GTD : tifRoll < 88 ? TimeInForce.IOC : TimeInForce.FOK;
        long deadline = tif == TimeInForce.GTD ? onGrid(now + duration * MINUTE) + random.nextInt(-1, 24) * QUARTER : 0;
        boolean postOnly = random.nextInt(100) < (tif.isImmediate() ? 3 : 15);
        switch (random.nextInt(40))
        {
            case 0 -> gpus = random.nextBoolean() ? 0 : instrument.maxGpus() + 1;
            case 1 -> duration = random.nextBoolean() ? instrument.minDurationMinutes() - 1 : instrument.maxDurationMinutes() + 1;
            case 2 -> price = invalidPrice(instrument);
            case 3 -> tif = null;
            case 4 -> deadline = tif == TimeInForce.GTD ? 0 : now + 8 * HOUR;
            case 5 -> price = overflowingPrice(instrument);
            default ->
            {
                // valid
            }
        }
        final Command bid = new Command().placeBid(time, account(), clientOrderId(), instrumentIndex, gpus, duration, price, tif, deadline,
            random.nextInt(100) < 40, postOnly, random.nextInt(100) < 30);
        if (random.nextInt(100) < 15)
        {
            addSubstitutes(bid);
        }
        return bid;
    }

    /**
     * One to three alternatives on the busy books (now and then four, which is one too many), each
     * with its own GPUs, duration and limit around the mid; sometimes one of them invalid.
     */
    private void addSubstitutes(final Command bid)
    {
        final int count = random.nextInt(40) == 0 ? Command.MAX_SUBSTITUTES + 1 : 1 + random.nextInt(Command.MAX_SUBSTITUTES);
        for (int i = 0; i < count; i++)
        {
            final int instrumentIndex = random.nextInt(3);
            final Instrument instrument = catalog.get(instrumentIndex);
            int gpus = pick(BID_GPUS);
            if (random.nextInt(30) == 0)
            {
                gpus = instrument.maxGpus() + 1;
            }
            bid.addSubstitute(instrumentIndex, gpus, pick(DURATIONS), price(instrument));
        }
    }

    private Command ask(final long time, final long now)
    {
        final int instrumentIndex = instrument();
        final Instrument instrument = catalog.get(Math.max(0, Math.min(instrumentIndex, catalog.size() - 1)));
        int minBlock = pick(MIN_BLOCKS);
        int gpus = minBlock * (1 + random.nextInt(3));
        long price = price(instrument);
        // half short windows (1-3 h), so long bids skip them and they expire soon; half up to a day
        final long window = random.nextBoolean() ? random.nextLong(4 * QUARTER, 12 * QUARTER) : random.nextLong(12 * QUARTER, 96 * QUARTER);
        long availableUntil = onGrid(now) + window;
        switch (random.nextInt(40))
        {
            case 0 -> gpus = random.nextBoolean() ? 0 : instrument.maxGpus() + minBlock;
            case 1 -> minBlock = random.nextBoolean() ? 0 : gpus + 1;
            case 2 -> price = invalidPrice(instrument);
            case 3 -> availableUntil = now + instrument.minDurationMillis() - 1 - random.nextLong(HOUR);
            case 4 -> price = overflowingPrice(instrument);
            default ->
            {
                // valid
            }
        }
        return new Command().placeAsk(time, account(), clientOrderId(), instrumentIndex, gpus, price, availableUntil, minBlock);
    }

    private Command remember(final Command place)
    {
        if (place.clientOrderId != 0)
        {
            if (placesWithClientId.size() == RETRY_MEMORY)
            {
                placesWithClientId.remove(0);
            }
            placesWithClientId.add(new Command().copyFrom(place));
        }
        return place;
    }

    /** A place resent under a used clientOrderId: mostly identical (a network retry), sometimes changed (a client bug). */
    private Command retry(final long time)
    {
        final Command retry = new Command().copyFrom(placesWithClientId.get(random.nextInt(placesWithClientId.size())));
        retry.timestamp = time;
        if (random.nextInt(4) == 0)
        {
            retry.price += catalog.get(Math.max(0, Math.min(retry.instrument, catalog.size() - 1))).tickSize();
        }
        return retry;
    }

    // ------------------------------------------------------------------------------------------ cancel, amend

    private Command cancel(final long time, final ReferenceModel model)
    {
        final List<ReferenceModel.OpenOrder> open = model.openOrders();
        final int roll = random.nextInt(100);
        if (open.isEmpty() || roll < 12)
        {
            return new Command().cancel(time, account(), random.nextLong(1, nextClientOrderId + 10));
        }
        final ReferenceModel.OpenOrder target = open.get(random.nextInt(open.size()));
        return new Command().cancel(time, roll < 20 ? otherAccount(target.account()) : target.account(), target.orderId());
    }

    private Command cancelAll(final long time)
    {
        final int roll = random.nextInt(100);
        final int instrument = roll < 40 ? Command.ALL_INSTRUMENTS : roll < 95 ? instrument() : catalog.size() + random.nextInt(3);
        return new Command().cancelAll(time, 1 + random.nextInt(ACCOUNTS), instrument);
    }

    private Command amend(final long time, final ReferenceModel model)
    {
        final List<ReferenceModel.OpenOrder> open = model.openOrders();
        if (open.isEmpty() || random.nextInt(100) < 8)
        {
            return new Command().amend(time, account(), random.nextLong(1, nextClientOrderId + 10), 4, 1_000_000);
        }
        final ReferenceModel.OpenOrder target = open.get(random.nextInt(open.size()));
        final Instrument instrument = catalog.get(target.instrument());
        int gpus = switch (random.nextInt(4))
        {
            case 0 -> target.gpus();
            case 1 -> Math.max(target.minBlock(), target.gpus() - target.minBlock());
            default -> target.side() == Side.BID ? pick(BID_GPUS) : target.minBlock() * (1 + random.nextInt(3));
        };
        long price = random.nextInt(100) < 40 ? target.price() : target.price() + random.nextInt(-3, 4) * instrument.tickSize();
        switch (random.nextInt(30))
        {
            case 0 -> gpus = 0;
            case 1 -> gpus = target.minBlock() > 1 ? target.minBlock() + 1 : instrument.maxGpus() + 1;
            case 2 -> price = invalidPrice(instrument);
            case 3 -> price = overflowingPrice(instrument);
            default ->
            {
                // valid
            }
        }
        final long account = random.nextInt(100) < 5 ? otherAccount(target.account()) : target.account();
        return new Command().amend(time, account, target.orderId(), gpus, price);
    }

    /** A command no sequencer should let through: no type, or a timestamp past the engine's limit. */
    private Command malformed(final long time)
    {
        if (random.nextBoolean())
        {
            final Command untyped = new Command().cancel(time, account(), 1);
            untyped.type = null;
            return untyped;
        }
        return new Command().timerTick(Long.MAX_VALUE - random.nextInt(1000));
    }

    // ------------------------------------------------------------------------------------------ fields

    private int instrument()
    {
        final int roll = random.nextInt(100);
        if (roll < 55)
        {
            return 0;
        }
        if (roll < 75)
        {
            return 1;
        }
        if (roll < 99)
        {
            return 2 + random.nextInt(catalog.size() - 2);
        }
        return random.nextBoolean() ? -1 : catalog.size();
    }

    private long account()
    {
        return random.nextInt(200) == 0 ? 0 : 1 + random.nextInt(ACCOUNTS);
    }

    private long otherAccount(final long account)
    {
        return account % ACCOUNTS + 1;
    }

    private long clientOrderId()
    {
        return random.nextInt(100) < 45 ? nextClientOrderId++ : 0;
    }

    /** Prices cluster within a few ticks of a mid, so bids and asks cross often. */
    private long price(final Instrument instrument)
    {
        return (MID_TICKS + random.nextInt(-PRICE_SPREAD_TICKS, PRICE_SPREAD_TICKS + 1)) * instrument.tickSize();
    }

    private long invalidPrice(final Instrument instrument)
    {
        return switch (random.nextInt(3))
        {
            case 0 -> 0;
            case 1 -> -instrument.tickSize();
            default -> price(instrument) + 1;
        };
    }

    /** On the tick grid, but price x GPUs x minutes no longer fits in a long. */
    private long overflowingPrice(final Instrument instrument)
    {
        return Long.MAX_VALUE / 16 / instrument.tickSize() * instrument.tickSize();
    }

    private static long onGrid(final long time)
    {
        return time - time % QUARTER;
    }

    private int pick(final int[] values)
    {
        return values[random.nextInt(values.length)];
    }
}
