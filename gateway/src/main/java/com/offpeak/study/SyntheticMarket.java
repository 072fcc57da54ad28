package com.offpeak.study;

import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.engine.catalog.Instrument;
import com.offpeak.engine.catalog.Interconnect;
import com.offpeak.pipeline.InputCommand;
import java.util.SplittableRandom;

/**
 * The study's participants, minute by minute:
 * <ul>
 * <li>owners: per instrument, {@value #FLEETS} fleets of {@value #GPUS_PER_FLEET} GPUs; every {@value #WINDOW_HOURS} hours
 *     (fleets staggered evenly) each posts its idle nodes, drawn from its {@link FleetProfile}, as one ask for the
 *     window at a low reserve price — idle capacity earns nothing otherwise;</li>
 * <li>urgent buyers: IOC, non-preemptible, limits above the reference price, arriving mostly in office hours;</li>
 * <li>deferrable buyers (only when enabled): GTD with 1–48 h of slack (log-uniform), limits below the reference
 *     price, a configured share of them preemptible, arriving around the clock.</li>
 * </ul>
 * Owners, urgent and deferrable buyers each draw from their own seeded stream and never look at the market, so
 * the runs with and without deferrable demand see exactly the same capacity and the same urgent orders.
 */
final class SyntheticMarket
{
    static final int FLEETS = 4;
    static final int GPUS_PER_FLEET = 48;
    static final int WINDOW_HOURS = 8;
    static final long OWNER_ACCOUNT_BASE = 1_000;
    static final long URGENT_ACCOUNT_BASE = 2_000;
    static final long DEFERRABLE_ACCOUNT_BASE = 3_000;
    static final int URGENT_ACCOUNTS = 20;
    static final int DEFERRABLE_ACCOUNTS = 40;

    private static final double URGENT_BIDS_PER_HOUR = 1.0;
    private static final double DEFERRABLE_BIDS_PER_HOUR = 2.5;
    /** Batch jobs of one to six hours: they fit an owner's idle window with room to spare. */
    private static final int MAX_DEFERRABLE_HOURS = 6;
    private static final double MAX_SLACK_HOURS = 48;
    /** Reference price per GB of GPU memory per hour for a 2016 card, micro-USD; each later year adds a quarter. */
    private static final long MICROS_PER_GB_HOUR = 12_000;
    private static final int REFERENCE_BASE_YEAR = 2016;

    private final Catalog catalog;
    private final boolean deferrableDemand;
    private final double preemptibleShare;
    private final PlacedBids bids;
    private final InputSink sink;
    private final InputCommand input = new InputCommand();
    private final SplittableRandom owners;
    private final SplittableRandom urgent;
    private final SplittableRandom deferrable;
    private final long[] reference;
    private final FleetProfile[] profile;

    SyntheticMarket(final Catalog catalog, final StudySettings settings, final boolean deferrableDemand, final PlacedBids bids,
        final InputSink sink)
    {
        this.catalog = catalog;
        this.deferrableDemand = deferrableDemand;
        this.preemptibleShare = settings.preemptibleShare();
        this.bids = bids;
        this.sink = sink;
        final SplittableRandom root = new SplittableRandom(settings.seed());
        owners = root.split();
        urgent = root.split();
        deferrable = root.split();
        reference = new long[catalog.size()];
        profile = new FleetProfile[catalog.size()];
        for (int i = 0; i < catalog.size(); i++)
        {
            final Instrument instrument = catalog.get(i);
            reference[i] = MICROS_PER_GB_HOUR * instrument.memoryGb() * (4 + instrument.year() - REFERENCE_BASE_YEAR) / 4;
            profile[i] = FleetProfile.of(instrument);
        }
    }

    /** Funds every buyer account generously: the study is about capacity, not budgets. */
    void depositFunds(final long time, final long amountEach)
    {
        long key = 0;
        for (int i = 0; i < URGENT_ACCOUNTS; i++)
        {
            deposit(time, URGENT_ACCOUNT_BASE + i, amountEach, ++key);
        }
        for (int i = 0; i < DEFERRABLE_ACCOUNTS; i++)
        {
            deposit(time, DEFERRABLE_ACCOUNT_BASE + i, amountEach, ++key);
        }
    }

    /** Everything that happens in the minute starting at {@code now}. */
    void minute(final long now)
    {
        final long minuteOfRun = (now - StudyTime.START) / StudyTime.MINUTE;
        for (int i = 0; i < catalog.size(); i++)
        {
            final Instrument instrument = catalog.get(i);
            for (int fleet = 0; fleet < FLEETS; fleet++)
            {
                if (Math.floorMod(minuteOfRun - fleet * 60L * WINDOW_HOURS / FLEETS, WINDOW_HOURS * 60L) == 0)
                {
                    postIdleNodes(now, instrument, fleet);
                }
            }
            if (urgent.nextDouble() < urgentBidsPerHour(now) / 60)
            {
                urgentBid(now, instrument);
            }
            if (deferrableDemand && deferrable.nextDouble() < DEFERRABLE_BIDS_PER_HOUR / 60)
            {
                deferrableBid(now, instrument);
            }
        }
    }

    /** Urgent work follows the working day: peak at 14:00, half as much at weekends. */
    private static double urgentBidsPerHour(final long now)
    {
        final double daily = URGENT_BIDS_PER_HOUR * (1 + 0.6 * StrictMath.cos((StudyTime.hourOfDay(now) - 14) / 24 * 2 * Math.PI));
        return StudyTime.weekend(now) ? daily / 2 : daily;
    }

    private void postIdleNodes(final long now, final Instrument instrument, final int fleet)
    {
        final double idleShare = profile[instrument.index()].idleShare(now + WINDOW_HOURS * StudyTime.HOUR / 2);
        int idleNodes = 0;
        for (int node = 0; node < GPUS_PER_FLEET / instrument.gpusPerNode(); node++)
        {
            if (owners.nextDouble() < idleShare)
            {
                idleNodes++;
            }
        }
        if (idleNodes > 0)
        {
            final long price = priced(instrument, 0.30, 0.50, owners);
            // NVLink nodes only make sense whole; PCIe cards may be leased one by one.
            final int minBlock = instrument.interconnect() == Interconnect.NVLINK ? instrument.gpusPerNode() : 1;
            input.command.placeAsk(now, OWNER_ACCOUNT_BASE + (long)instrument.index() * FLEETS + fleet, 0, instrument.index(),
                idleNodes * instrument.gpusPerNode(), price, now + WINDOW_HOURS * StudyTime.HOUR, minBlock);
            sink.submit(input.engineCommand());
        }
    }

    private void urgentBid(final long now, final Instrument instrument)
    {
        final int gpus = gpus(instrument, urgent);
        final int minutes = 60 * (1 + urgent.nextInt(4));
        final long price = priced(instrument, 0.90, 1.50, urgent);
        final long clientOrderId = bids.register(BuyerKind.URGENT, 0, gpus);
        input.command.placeBid(now, URGENT_ACCOUNT_BASE + urgent.nextInt(URGENT_ACCOUNTS), clientOrderId, instrument.index(), gpus,
            minutes, price, TimeInForce.IOC, 0, false, false, false);
        sink.submit(input.engineCommand());
    }

    private void deferrableBid(final long now, final Instrument instrument)
    {
        final int gpus = gpus(instrument, deferrable);
        final int minutes = 60 * (1 + deferrable.nextInt(MAX_DEFERRABLE_HOURS));
        final long price = priced(instrument, 0.35, 0.75, deferrable);
        final long slack = StudyTime.MINUTE * (long)(60 * StrictMath.pow(MAX_SLACK_HOURS, deferrable.nextDouble()));
        final boolean preemptible = deferrable.nextDouble() < preemptibleShare;
        final long clientOrderId = bids.register(BuyerKind.DEFERRABLE, SlackBucket.of(slack), gpus);
        input.command.placeBid(now, DEFERRABLE_ACCOUNT_BASE + deferrable.nextInt(DEFERRABLE_ACCOUNTS), clientOrderId,
            instrument.index(), gpus, minutes, price, TimeInForce.GTD, now + slack + minutes * StudyTime.MINUTE, false, false,
            preemptible);
        sink.submit(input.engineCommand());
    }

    /** One or two whole nodes on NVLink classes, any number of cards up to two nodes' worth on PCIe. */
    private static int gpus(final Instrument instrument, final SplittableRandom random)
    {
        return instrument.interconnect() == Interconnect.NVLINK ? instrument.gpusPerNode() * (1 + random.nextInt(2)) :
            1 + random.nextInt(2 * instrument.gpusPerNode());
    }

    /** A price between {@code low} and {@code high} times the class's reference price, rounded down to its tick. */
    private long priced(final Instrument instrument, final double low, final double high, final SplittableRandom random)
    {
        final long price = (long)(reference[instrument.index()] * (low + (high - low) * random.nextDouble()));
        return Math.max(instrument.tickSize(), price - price % instrument.tickSize());
    }

    private void deposit(final long time, final long account, final long amount, final long key)
    {
        input.deposit(account, amount, key);
        input.command.timestamp = time;
        sink.submit(input);
    }
}
