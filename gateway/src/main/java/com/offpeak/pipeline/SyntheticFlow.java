package com.offpeak.pipeline;

import com.offpeak.engine.TimeInForce;
import java.util.SplittableRandom;

/**
 * A seeded stream of plausible inputs for load tests, crash tests and benchmarks: each account
 * first deposits, then owners post asks at or above a common mid price and buyers post bids mostly
 * below it (some IOC), with cancels and cancel-alls, on the first instruments of the default catalog. Not thread-safe: one
 * flow per producer thread, each on its own accounts so that producers never contend.
 */
public final class SyntheticFlow
{
    private static final long DEPOSIT = 1_000_000_000_000L;
    /** $2.00 per GPU-hour, on every default instrument's tick. */
    private static final long MID_PRICE = 2_000_000;
    private static final long TICK = 10_000;
    private static final int INSTRUMENTS = 2;
    /** 2100-01-01: time is stamped later, so asks get a window that is open whatever the clock says. */
    private static final long AVAILABLE_UNTIL = 4_102_444_800_000L;

    private final SplittableRandom random;
    private final long firstAccount;
    private final int accounts;
    private long issued;

    /** Accounts {@code firstAccount .. firstAccount + accounts - 1} belong to this flow alone. */
    public SyntheticFlow(final long seed, final long firstAccount, final int accounts)
    {
        if (accounts < 2)
        {
            throw new IllegalArgumentException("a flow needs at least an owner and a buyer");
        }
        this.random = new SplittableRandom(seed);
        this.firstAccount = firstAccount;
        this.accounts = accounts;
    }

    /** Fills {@code slot} with the next input; the timestamp is left for the sequencer. */
    public void next(final InputCommand slot)
    {
        final long n = issued++;
        if (n < accounts)
        {
            slot.deposit(firstAccount + n, DEPOSIT, firstAccount * 1_000_000 + n + 1);
            return;
        }
        final long account = firstAccount + random.nextInt(accounts);
        final int instrument = random.nextInt(INSTRUMENTS);
        final int roll = random.nextInt(100);
        if (roll < 45)
        {
            // Asks rest at or above the mid, bids mostly below it: like a real book, only some orders cross.
            slot.command.placeAsk(0, account, n, instrument, 8 * (1 + random.nextInt(4)), MID_PRICE + random.nextInt(11) * TICK,
                AVAILABLE_UNTIL, 8);
        }
        else if (roll < 90)
        {
            final TimeInForce tif = roll < 60 ? TimeInForce.IOC : TimeInForce.GTC;
            slot.command.placeBid(0, account, n, instrument, 8 * (1 + random.nextInt(2)), 60 * (1 + random.nextInt(4)),
                MID_PRICE + (random.nextInt(13) - 10) * TICK, tif, 0, false, false, false);
        }
        else if (roll < 95)
        {
            // Owners and buyers clear their side now and then, so the book stays at a steady size (leases outlive the run).
            slot.command.cancelAll(0, account, instrument);
        }
        else
        {
            // Order ids are global; a guess that misses is a valid UNKNOWN_ORDER rejection.
            slot.command.cancel(0, account, 1 + random.nextLong(Math.max(1, n)));
        }
        slot.engineCommand();
    }

    public long issued()
    {
        return issued;
    }
}
