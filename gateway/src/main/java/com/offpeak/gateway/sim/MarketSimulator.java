package com.offpeak.gateway.sim;

import com.offpeak.engine.Command;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;
import com.offpeak.engine.catalog.Interconnect;
import com.offpeak.pipeline.InputWriter;
import com.offpeak.pipeline.Pipeline;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The demo's synthetic market, fed straight into the pipeline like any producer. Owners post the
 * idle part of their nodes — more at night than by day — as asks of whole nodes for a few hours;
 * urgent buyers send IOC bids at high limits; deferrable buyers rest GTD bids at low limits with
 * deadlines hours away. Every choice comes from one seeded {@link Random}, so a seed always
 * produces the same order stream (its timing follows the wall clock).
 */
public final class MarketSimulator implements AutoCloseable
{
    /** Reference prices, USD per GPU-hour in micros, by catalog id; unknown classes get {@link #DEFAULT_REFERENCE}. */
    private static final String[] REFERENCE_IDS = {"H100-SXM", "A100-80G", "L40S", "L4", "A10G", "V100", "T4"};
    private static final long[] REFERENCE_PRICES = {2_400_000, 1_300_000, 700_000, 400_000, 500_000, 350_000, 200_000};
    private static final long DEFAULT_REFERENCE = 1_000_000;
    private static final long MINUTE = 60_000L;
    private static final long STEP_MILLIS = 250;

    private static final InputWriter<Command> COPY = (slot, command) ->
    {
        slot.command.copyFrom(command);
        slot.engineCommand();
    };

    private final Consumer<Command> orders;
    private final Catalog catalog;
    private final LongSupplier exchangeClock;
    private final DemoAccounts accounts;
    private final Random random;
    private final Command command = new Command();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "offpeak-simulator");
        thread.setDaemon(true);
        return thread;
    });

    /** A simulator feeding {@code pipeline}; when its ring is full the simulator simply skips a beat. */
    public MarketSimulator(final Pipeline pipeline, final Catalog catalog, final LongSupplier exchangeClock, final DemoAccounts accounts,
        final long seed)
    {
        this(command -> pipeline.trySubmit(COPY, command, null, 0), catalog, exchangeClock, accounts, seed);
    }

    /** A simulator handing each order (a reused {@link Command}, to be copied) to {@code orders}. */
    MarketSimulator(final Consumer<Command> orders, final Catalog catalog, final LongSupplier exchangeClock, final DemoAccounts accounts,
        final long seed)
    {
        this.orders = orders;
        this.catalog = catalog;
        this.exchangeClock = exchangeClock;
        this.accounts = accounts;
        this.random = new Random(seed);
    }

    public void start()
    {
        scheduler.scheduleAtFixedRate(() -> step(exchangeClock.getAsLong()), 0, STEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** One step at engine time {@code now}: a few owners post idle capacity, a few buyers bid. */
    void step(final long now)
    {
        final double idleShare = idleShare(now);
        for (int i = 0; i < 2; i++)
        {
            if (random.nextDouble() < idleShare)
            {
                postCapacity(now);
            }
        }
        if (random.nextInt(3) == 0)
        {
            urgentBid();
        }
        for (int i = 0; i < 2; i++)
        {
            deferrableBid(now);
        }
    }

    /** Share of owners' nodes idle at this hour of the (UTC) day: high at night, low in the afternoon. */
    static double idleShare(final long now)
    {
        final double hour = (now / MINUTE % (24 * 60)) / 60.0;
        return 0.55 + 0.35 * Math.cos((hour - 3) / 24 * 2 * Math.PI);
    }

    private void postCapacity(final long now)
    {
        final Instrument instrument = instrument();
        final int nodes = 1 + random.nextInt(3);
        final int gpus = nodes * instrument.gpusPerNode();
        // NVLink nodes only make sense whole; PCIe cards may be leased one by one.
        final int minBlock = instrument.interconnect() == Interconnect.NVLINK ? instrument.gpusPerNode() : 1;
        final long until = now + (120 + random.nextInt(360)) * MINUTE;
        final long price = onTick(instrument, reference(instrument) * (70 + random.nextInt(40)) / 100);
        command.placeAsk(0, accounts.owner(random), 0, instrument.index(), gpus, price, until, minBlock);
        submit();
    }

    private void urgentBid()
    {
        final Instrument instrument = instrument();
        final int gpus = instrument.gpusPerNode() * (1 + random.nextInt(2));
        final long price = onTick(instrument, reference(instrument) * (115 + random.nextInt(30)) / 100);
        command.placeBid(0, accounts.urgentBuyer(random), 0, instrument.index(), gpus, 60 + 30 * random.nextInt(3), price,
            TimeInForce.IOC, 0, random.nextBoolean(), false, false);
        submit();
    }

    private void deferrableBid(final long now)
    {
        final Instrument instrument = instrument();
        final int minutes = 60 * (1 + random.nextInt(4));
        final int gpus = 1 + random.nextInt(2 * instrument.gpusPerNode());
        final long deadline = now + (minutes + 60 * (2 + random.nextInt(20))) * MINUTE;
        final long price = onTick(instrument, reference(instrument) * (55 + random.nextInt(35)) / 100);
        command.placeBid(0, accounts.deferrableBuyer(random), 0, instrument.index(), gpus, minutes, price, TimeInForce.GTD, deadline,
            false, false, random.nextInt(3) == 0);
        submit();
    }

    private void submit()
    {
        orders.accept(command);
    }

    private Instrument instrument()
    {
        return catalog.get(random.nextInt(catalog.size()));
    }

    private static long reference(final Instrument instrument)
    {
        for (int i = 0; i < REFERENCE_IDS.length; i++)
        {
            if (REFERENCE_IDS[i].equals(instrument.id()))
            {
                return REFERENCE_PRICES[i];
            }
        }
        return DEFAULT_REFERENCE;
    }

    private static long onTick(final Instrument instrument, final long price)
    {
        return Math.max(instrument.tickSize(), price - price % instrument.tickSize());
    }

    @Override
    public void close() throws InterruptedException
    {
        scheduler.shutdown();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
