package com.offpeak.bench.engine;

import com.offpeak.engine.Command;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;

/**
 * The worst case of compatibility skipping: one book whose cheapest {@code incompatible} asks are
 * all price-crossed with every incoming bid and all unable to serve it, so each bid walks past every
 * one of them (O(n) in the number of such asks) before it reaches the one ask it can trade with.
 *
 * <p>Every incoming bid is the same urgent job: account {@value #BUYER}, an IOC for
 * {@value #BID_GPUS} contiguous GPUs for {@value #BID_MINUTES} minutes, paying above every ask.
 * The incompatible asks take the four skip reasons of MARKET.md in turn: the buyer's own ask, a
 * window shorter than the job, a minimum block larger than the job, and fewer free GPUs than the
 * contiguous job needs. Behind them rests one compatible ask; when the bids have leased out almost
 * all of it, it is cancelled (its leases drain) and a fresh one posted, so that fully leased asks,
 * which keep their place, do not pile up in front and change n.
 */
final class SkipHeavyGenerator
{
    private static final long ACCOUNTS = 100;
    private static final long BUYER = 1;
    private static final int BID_GPUS = 4;
    private static final int BID_MINUTES = 5 * 24 * 60;
    private static final int SUPPLY_GPUS = 400;
    private static final long START = 1_767_225_600_000L; // 2026-01-01T00:00Z
    private static final long DAY = 24 * 3_600_000L;
    private static final int STEP_MILLIS = 10;
    private static final int INSTRUMENT = 0;

    private final Catalog catalog;
    private final int incompatible;
    private final long mid;
    private final long tick;
    private CommandStreamBuilder builder;
    private long clock = START;
    private long supplyAskId;
    private int supplyOwner;

    SkipHeavyGenerator(final Catalog catalog, final int incompatible)
    {
        this.catalog = catalog;
        this.incompatible = incompatible;
        final Instrument instrument = catalog.get(INSTRUMENT);
        mid = MidPrices.of(instrument);
        tick = instrument.tickSize();
    }

    CommandStream generate(final int length)
    {
        builder = new CommandStreamBuilder(catalog, length);
        for (int i = 0; i < incompatible; i++)
        {
            final int n = i;
            clock++;
            builder.append(slot -> placeIncompatibleAsk(slot, n));
        }
        postSupply();
        while (builder.remaining() > ACCOUNTS + 1)
        {
            clock += STEP_MILLIS;
            final int supplyLeft = builder.shadow().remaining(supplyAskId);
            if (supplyLeft < BID_GPUS)
            {
                builder.append(slot -> slot.cancel(clock, supplyOwner, supplyAskId));
                if (builder.remaining() > ACCOUNTS + 1)
                {
                    postSupply();
                }
            }
            else
            {
                builder.append(slot -> slot.placeBid(clock, BUYER, 0, INSTRUMENT, BID_GPUS, BID_MINUTES, mid + 20 * tick,
                    TimeInForce.IOC, 0, true, false, false));
            }
        }
        return builder.drain(ACCOUNTS, clock + 1, "skip-heavy, " + incompatible + " incompatible crossed asks");
    }

    /** Priced 1-50 ticks under the market: cheaper than the supply ask, so every bid meets them first. */
    private void placeIncompatibleAsk(final Command slot, final int n)
    {
        final long price = mid - tick * (1 + n % 50);
        final long owner = 2 + n % 48;
        final long week = clock + 7 * DAY;
        switch (n % 4)
        {
            case 0 -> slot.placeAsk(clock, BUYER, 0, INSTRUMENT, 8, price, week, 1);
            case 1 -> slot.placeAsk(clock, owner, 0, INSTRUMENT, 8, price, clock + 3 * DAY, 1);
            case 2 -> slot.placeAsk(clock, owner, 0, INSTRUMENT, 8, price, week, 8);
            default -> slot.placeAsk(clock, owner, 0, INSTRUMENT, BID_GPUS / 2, price, week, 1);
        }
    }

    private void postSupply()
    {
        clock += STEP_MILLIS;
        supplyOwner = 50 + (supplyOwner + 1) % 50;
        builder.append(slot -> slot.placeAsk(clock, supplyOwner, 0, INSTRUMENT, SUPPLY_GPUS, mid + 10 * tick, clock + 7 * DAY, 1));
        supplyAskId = builder.shadow().acceptedOrders();
    }
}
