package com.offpeak.bench.engine;

import com.offpeak.engine.Command;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;

import java.util.SplittableRandom;

/**
 * The realistic workload: every catalog instrument with about {@value #RESTING_PER_SIDE} resting
 * orders per side, driven by a mix close to exchange-core's (80% amend, more than half of them
 * repricing; 16% place or cancel; 3% IOC; 1% timer tick).
 *
 * <p>Asks come in blocks of 1, 2, 4 GPUs or a whole node, with windows of 12 hours to a week; bids
 * want 1-16 GPUs for 1-4 hours, a quarter contiguous, half GTD, all preemptible: a preemptible bid
 * never preempts, and the {@link ShadowBook} that predicts every fill does not model preemption
 * (notices, hand-overs, re-queued bids). Bid and ask price bands overlap by
 * a few ticks, so repricing and new orders trade, and the overlap fills up with crossed but
 * incompatible pairs (self-trade, block, window, contiguity): the skips a real GPU book has. Time
 * advances 0.5 s per command on average, so leases of 1-4 hours end thousands of times per cycle
 * and their GPUs return to the asks, which walk the bids again.
 *
 * <p>Place and cancel share their 16%: the emptier a book side is than its target, the likelier a
 * place, so fills and expiries are replenished and the book size stays stable.
 */
final class ExchangeMixGenerator
{
    private static final int RESTING_PER_SIDE = 500;
    /** Accounts 1..20 are market makers (30% of orders, hence self-trade skips); the rest are spread over 21..1000. */
    private static final int ACCOUNTS = 1_000;
    private static final int MARKET_MAKERS = 20;
    private static final long SEED = 0x0FF_9EA4L;
    private static final long START = 1_767_225_600_000L; // 2026-01-01T00:00Z
    private static final long HOUR = 3_600_000L;
    private static final int MAX_STEP_MILLIS = 1_000;
    private static final int[] BID_GPUS = {1, 1, 2, 2, 4, 4, 8, 8, 16};
    private static final int[] IOC_GPUS = {1, 2, 4, 8};

    private final Catalog catalog;
    private final boolean clientOrderIds;
    private final SplittableRandom random = new SplittableRandom(SEED);
    private final long[] mid;
    private CommandStreamBuilder builder;
    private ShadowBook shadow;
    private long clock = START;
    private long lastClientOrderId;

    /** {@code clientOrderIds}: every place carries a new one (else none, 0). */
    ExchangeMixGenerator(final Catalog catalog, final boolean clientOrderIds)
    {
        this.catalog = catalog;
        this.clientOrderIds = clientOrderIds;
        mid = new long[catalog.size()];
        for (int i = 0; i < mid.length; i++)
        {
            mid[i] = MidPrices.of(catalog.get(i));
        }
    }

    CommandStream generate(final int length)
    {
        builder = new CommandStreamBuilder(catalog, length);
        shadow = builder.shadow();
        for (int round = 0; round < RESTING_PER_SIDE; round++)
        {
            for (int instrument = 0; instrument < catalog.size(); instrument++)
            {
                final int instr = instrument;
                clock++;
                builder.append(slot -> placeAsk(slot, instr));
                clock++;
                builder.append(slot -> placeBid(slot, instr));
            }
        }
        while (builder.remaining() > ACCOUNTS + 1)
        {
            builder.append(this::next);
        }
        return builder.drain(ACCOUNTS, clock + 1, "exchange mix, " + catalog.size() + " instruments" +
            (clientOrderIds ? ", a clientOrderId on every place" : ""));
    }

    private void next(final Command slot)
    {
        clock += random.nextInt(MAX_STEP_MILLIS + 1);
        final int instrument = random.nextInt(catalog.size());
        final Side side = random.nextBoolean() ? Side.BID : Side.ASK;
        final int dice = random.nextInt(100);
        if (dice < 1)
        {
            slot.timerTick(clock);
        }
        else if (dice < 4)
        {
            placeIoc(slot, instrument);
        }
        else if (dice < 20)
        {
            placeOrCancel(slot, instrument, side);
        }
        else
        {
            amend(slot, instrument, side);
        }
    }

    private void placeOrCancel(final Command slot, final int instrument, final Side side)
    {
        final int resting = shadow.restingCount(instrument, side);
        // 0.625 = 10 / 16: at the target size places and cancels split as in the reference mix.
        final double placeChance = Math.max(0.05, Math.min(0.95, 0.625 + 2.0 * (RESTING_PER_SIDE - resting) / RESTING_PER_SIDE));
        final ShadowOrder victim = shadow.pick(instrument, side, random);
        if (victim != null && random.nextDouble() >= placeChance)
        {
            slot.cancel(clock, victim.account, victim.id);
        }
        else
        {
            place(slot, instrument, side);
        }
    }

    private void amend(final Command slot, final int instrument, final Side side)
    {
        final ShadowOrder order = shadow.pick(instrument, side, random);
        if (order == null)
        {
            place(slot, instrument, side);
            return;
        }
        if (random.nextInt(100) < 55)
        {
            long price;
            do
            {
                price = side == Side.BID ? bidPrice(instrument) : askPrice(instrument);
            }
            while (price == order.price);
            slot.amend(clock, order.account, order.id, order.remaining > 0 ? order.remaining : order.minBlock, price);
        }
        else
        {
            int gpus;
            do
            {
                gpus = side == Side.BID ? pick(BID_GPUS) : order.minBlock * (1 + random.nextInt(4));
            }
            while (gpus == order.remaining);
            slot.amend(clock, order.account, order.id, gpus, order.price);
        }
    }

    private void place(final Command slot, final int instrument, final Side side)
    {
        if (side == Side.BID)
        {
            placeBid(slot, instrument);
        }
        else
        {
            placeAsk(slot, instrument);
        }
    }

    private void placeAsk(final Command slot, final int instrument)
    {
        final Instrument spec = catalog.get(instrument);
        final int blockDice = random.nextInt(4);
        final int minBlock = blockDice == 3 ? spec.gpusPerNode() : 1 << blockDice;
        final long window = 12 * HOUR + random.nextLong(156 * HOUR);
        slot.placeAsk(clock, account(), clientOrderId(), instrument, minBlock * (1 + random.nextInt(4)), askPrice(instrument),
            clock + window, minBlock);
    }

    private void placeBid(final Command slot, final int instrument)
    {
        final int minutes = 60 + 15 * random.nextInt(13);
        final boolean gtd = random.nextBoolean();
        final long deadline = gtd ? clock + minutes * Instrument.MILLIS_PER_MINUTE + 2 * HOUR + random.nextLong(46 * HOUR) : 0;
        slot.placeBid(clock, account(), clientOrderId(), instrument, pick(BID_GPUS), minutes, bidPrice(instrument),
            gtd ? TimeInForce.GTD : TimeInForce.GTC, deadline, random.nextInt(4) == 0, false, true);
    }

    /** Urgent work: pays up to 10 ticks over the market, now or never. */
    private void placeIoc(final Command slot, final int instrument)
    {
        final long price = mid[instrument] + catalog.get(instrument).tickSize() * random.nextInt(11);
        slot.placeBid(clock, account(), clientOrderId(), instrument, pick(IOC_GPUS), 60 + 15 * random.nextInt(5), price,
            TimeInForce.IOC, 0, random.nextInt(5) == 0, false, true);
    }

    private long clientOrderId()
    {
        return clientOrderIds ? ++lastClientOrderId : 0;
    }

    /** From 2 ticks under the market up to 40 over it. */
    private long askPrice(final int instrument)
    {
        return mid[instrument] + catalog.get(instrument).tickSize() * (random.nextInt(43) - 2);
    }

    /** From 2 ticks over the market down to 40 under it. */
    private long bidPrice(final int instrument)
    {
        return mid[instrument] - catalog.get(instrument).tickSize() * (random.nextInt(43) - 2);
    }

    private long account()
    {
        return random.nextInt(10) < 3 ? 1 + random.nextInt(MARKET_MAKERS) : MARKET_MAKERS + 1 + random.nextInt(ACCOUNTS - MARKET_MAKERS);
    }

    private int pick(final int[] values)
    {
        return values[random.nextInt(values.length)];
    }
}
