package com.offpeak.study;

import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.journal.OutputDecoder;
import com.offpeak.journal.OutputEncoder;
import com.offpeak.journal.OutputListener;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.pipeline.Exchange;
import com.offpeak.pipeline.InputCommand;
import org.agrona.ExpandableArrayBuffer;

/**
 * One scenario of the study: the synthetic market fed straight into the real business logic
 * ({@link Exchange}: engine and ledger on this thread), stamped with the simulation clock, its
 * output decoded into a {@link StudyRecorder}. No pipeline, no journal: inputs are applied as they
 * are generated, at full speed. Every simulated day ends with the exchange's invariant check.
 */
final class StudyRun implements InputSink
{
    /** One million USD per buyer: enough that no bid in the study is ever short of funds. */
    static final long FUNDS_PER_BUYER = 1_000_000_000_000L;
    static final LedgerConfig FEES = new LedgerConfig(10, 20);

    private final Exchange exchange;
    private final SyntheticMarket market;
    private final ScenarioResult result;
    private final StudyRecorder recorder;
    private final OutputListener tap;
    private final OutputEncoder encoder = new OutputEncoder();
    private final OutputDecoder decoder = new OutputDecoder();
    private final ExpandableArrayBuffer output = new ExpandableArrayBuffer(1 << 16);
    private final InputCommand tick = new InputCommand();
    private int daysDone;

    /** {@code tap}, when not null, also sees every output record (tests cross-check the measures with it). */
    StudyRun(final Catalog catalog, final StudySettings settings, final boolean deferrableDemand, final OutputListener tap)
    {
        final int days = settings.days();
        exchange = (Exchange)Exchange.factory(catalog, EngineConfig.DEFAULT, FEES).create();
        final String[] ids = new String[catalog.size()];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = catalog.get(i).id();
        }
        result = new ScenarioResult(deferrableDemand ? "with deferrable bids" : "urgent only", ids, days);
        final PlacedBids bids = new PlacedBids();
        recorder = new StudyRecorder(result, bids, StudyTime.START + days * StudyTime.DAY);
        this.tap = tap;
        market = new SyntheticMarket(catalog, settings, deferrableDemand, bids, this);
        market.depositFunds(StudyTime.START, FUNDS_PER_BUYER);
    }

    static ScenarioResult run(final Catalog catalog, final StudySettings settings, final boolean deferrableDemand)
    {
        final StudyRun run = new StudyRun(catalog, settings, deferrableDemand, null);
        while (!run.finished())
        {
            run.simulateDay();
        }
        return run.finish();
    }

    boolean finished()
    {
        return daysDone == result.days;
    }

    /** Simulates the next day minute by minute, then checks every engine and ledger invariant. */
    void simulateDay()
    {
        final long dayStart = StudyTime.START + daysDone * StudyTime.DAY;
        for (long now = dayStart; now < dayStart + StudyTime.DAY; now += StudyTime.MINUTE)
        {
            market.minute(now);
        }
        daysDone++;
        // Timers due by midnight fire now, so the check sees the day's state complete.
        tickAt(dayStart + StudyTime.DAY);
        exchange.validate();
    }

    /** Closes the measurement at the end of the last day. */
    ScenarioResult finish()
    {
        if (!finished())
        {
            throw new IllegalStateException("the run has " + (result.days - daysDone) + " days left to simulate");
        }
        recorder.finish(exchange.engine());
        return result;
    }

    Exchange exchange()
    {
        return exchange;
    }

    @Override
    public void submit(final InputCommand input)
    {
        exchange.apply(input, encoder.wrap(output));
        decoder.decode(output, 0, encoder.length(), recorder);
        if (tap != null)
        {
            decoder.decode(output, 0, encoder.length(), tap);
        }
    }

    private void tickAt(final long time)
    {
        tick.command.timerTick(time);
        submit(tick.engineCommand());
    }
}
