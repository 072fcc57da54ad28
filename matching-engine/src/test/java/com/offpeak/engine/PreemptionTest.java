package com.offpeak.engine;

import com.offpeak.engine.RecordingListener.Fill;
import com.offpeak.engine.RecordingListener.LeaseEnded;
import com.offpeak.engine.RecordingListener.LeaseStarted;
import com.offpeak.engine.RecordingListener.Preempted;
import com.offpeak.engine.RecordingListener.Rejected;
import com.offpeak.engine.RecordingListener.Requeued;
import com.offpeak.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.offpeak.engine.EngineDriver.H100;
import static com.offpeak.engine.EngineDriver.HOUR;
import static com.offpeak.engine.EngineDriver.MINUTE;
import static com.offpeak.engine.EngineDriver.T0;
import static com.offpeak.engine.EngineDriver.USD;
import static com.offpeak.engine.EngineDriver.acceptedId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** docs/matching.md "Preemption" and "Re-queue", one rule per test. H100's tick is $0.01. */
class PreemptionTest
{
    private static final long TICK = 10_000;
    private static final long NOTICE = EngineConfig.DEFAULT_PREEMPTION_NOTICE_MILLIS;

    private final EngineDriver d = new EngineDriver();

    @Test
    void victimsAreTakenLowestPriceFirstAndNewestFirstAtOnePrice()
    {
        d.ask(T0, 1, 4, USD);
        d.ask(T0, 1, 4, USD + 20 * TICK);
        final long l1 = leaseOf(preemptible(T0 + 1, 2, 2, 120, 2 * USD));
        final long l2 = leaseOf(preemptible(T0 + 2, 3, 2, 120, 2 * USD));
        final long l3 = leaseOf(preemptible(T0 + 3, 2, 2, 120, 2 * USD));
        final long l4 = leaseOf(preemptible(T0 + 4, 3, 2, 120, 2 * USD));
        assertThat(List.of(l1, l2, l3, l4)).containsExactly(1L, 2L, 3L, 4L);

        assertThat(preempted(d.bid(T0 + 5, 5, 2, 60, 3 * USD))).extracting(Preempted::leaseId).containsExactly(l2);
        assertThat(preempted(d.bid(T0 + 6, 5, 4, 60, 3 * USD))).extracting(Preempted::leaseId).containsExactly(l1, l4);
        assertThat(preempted(d.bid(T0 + 7, 6, 2, 60, 3 * USD))).extracting(Preempted::leaseId).containsExactly(l3);
    }

    @Test
    void thePreemptorNeedsTheVictimsPricePlusOneTickAndPaysExactlyThat()
    {
        d.ask(T0, 1, 4, USD);
        preemptible(T0, 2, 4, 120, 2 * USD);

        final List<Object> atPrice = d.bid(T0 + 1, 3, 4, 60, USD);
        assertThat(preempted(atPrice)).isEmpty();
        assertThat(d.depth(Side.BID)).containsExactly(USD + ":4/1");

        final List<Object> oneTickAbove = d.bid(T0 + 2, 4, 4, 60, 2 * USD);
        assertThat(preempted(oneTickAbove)).hasSize(1);
        assertThat(fills(oneTickAbove)).extracting(Fill::price, Fill::maker, Fill::bidRemaining)
            .containsExactly(tuple(USD + TICK, Side.ASK, 0));
    }

    @Test
    void freeCapacityFirstThenOnlyWhatIsStillMissing()
    {
        d.ask(T0, 1, 10, USD);
        final long victimLease = leaseOf(preemptible(T0, 2, 8, 120, 2 * USD));

        final List<Object> events = d.bid(T0 + 1000, 3, 5, 60, 2 * USD);

        assertThat(fills(events)).extracting(Fill::gpus, Fill::price).containsExactly(tuple(2, USD), tuple(3, USD + TICK));
        assertThat(preempted(events)).extracting(Preempted::leaseId, Preempted::gpus, Preempted::newEnd)
            .containsExactly(tuple(victimLease, 3, T0 + 1000 + NOTICE));
        assertThat(events).filteredOn(LeaseStarted.class::isInstance).map(LeaseStarted.class::cast)
            .extracting(LeaseStarted::gpus, LeaseStarted::start).containsExactly(tuple(2, T0 + 1000), tuple(3, T0 + 1000 + NOTICE));

        final List<Object> atNoticeEnd = d.tick(T0 + 1000 + NOTICE);
        assertThat(atNoticeEnd.get(0)).isEqualTo(new LeaseEnded(T0 + 1000 + NOTICE, victimLease, H100, 2, 1, 1, 3,
            LeaseEndReason.PREEMPTED, false));
        assertThat(leaseGpus()).as("the victim keeps its other 5 GPUs").containsEntry(victimLease, 5);
    }

    @Test
    void neverTheBuyersOwnLeaseNorALeaseOnItsOwnAsk()
    {
        d.ask(T0, 1, 4, USD);
        preemptible(T0, 2, 4, 120, 2 * USD);

        assertThat(preempted(d.bid(T0 + 1, 2, 4, 60, 3 * USD))).isEmpty();
        assertThat(preempted(d.bid(T0 + 2, 1, 4, 60, 3 * USD))).isEmpty();
        assertThat(preempted(d.bid(T0 + 3, 3, 4, 60, 3 * USD))).hasSize(1);
    }

    @Test
    void aContiguousVictimIsTakenOnlyWholeAndAContiguousPreemptorFromOneLease()
    {
        d.ask(T0, 1, 8, USD);
        d.apply(new Command().placeBid(T0, 2, 0, H100, 8, 120, 2 * USD, TimeInForce.GTC, 0, true, false, true));

        assertThat(preempted(d.bid(T0 + 1, 3, 3, 60, 3 * USD))).isEmpty();
        assertThat(preempted(d.bid(T0 + 2, 4, 8, 60, 3 * USD))).extracting(Preempted::gpus).containsExactly(8);

        d.ask(T0 + 3, 1, 8, USD);
        preemptible(T0 + 3, 5, 4, 120, 2 * USD);
        preemptible(T0 + 3, 6, 4, 120, 2 * USD);
        final Command contiguous = new Command().placeBid(T0 + 4, 7, 0, H100, 8, 60, 3 * USD, TimeInForce.GTC, 0, true, false, false);
        assertThat(preempted(d.apply(contiguous))).as("8 contiguous GPUs from two leases of 4: not at once").isEmpty();
    }

    @Test
    void theHandOverIsTheNoticeEndOrTheVictimsNaturalEndIfEarlier()
    {
        d.ask(T0, 1, 8, USD);
        final long longLease = leaseOf(preemptible(T0, 2, 4, 120, 2 * USD));
        final long shortLease = leaseOf(preemptible(T0, 3, 4, 60, 2 * USD));

        final long late = T0 + 58 * MINUTE;
        final List<Object> events = d.bid(late, 4, 8, 60, 3 * USD);

        assertThat(preempted(events)).extracting(Preempted::leaseId, Preempted::newEnd, Preempted::preemptorBidId)
            .containsExactly(tuple(shortLease, T0 + HOUR, acceptedId(events)), tuple(longLease, late + NOTICE, acceptedId(events)));
        assertThat(events).filteredOn(LeaseStarted.class::isInstance).map(LeaseStarted.class::cast)
            .extracting(LeaseStarted::start, LeaseStarted::end, LeaseStarted::preemptible)
            .containsExactly(tuple(T0 + HOUR, T0 + 2 * HOUR, false), tuple(late + NOTICE, late + NOTICE + HOUR, false));

        final List<Object> naturalEnd = d.tick(T0 + HOUR);
        assertThat(naturalEnd).filteredOn(LeaseEnded.class::isInstance).map(LeaseEnded.class::cast)
            .extracting(LeaseEnded::leaseId, LeaseEnded::reason, LeaseEnded::returnedToAsk)
            .containsExactly(tuple(shortLease, LeaseEndReason.COMPLETED, false));
        assertThat(naturalEnd).noneMatch(Requeued.class::isInstance);
        assertThat(d.depth(Side.ASK)).as("the GPUs passed to the preemptor, none came back").isEmpty();
    }

    @Test
    void theVictimsUnfinishedWorkIsRequeuedAsALinkedBid()
    {
        d.ask(T0, 1, 4, USD);
        final List<Object> victim = preemptible(T0, 2, 4, 120, 2 * USD);
        d.bid(T0 + 30 * MINUTE + 10_000, 3, 4, 60, 3 * USD);
        final long handOver = T0 + 30 * MINUTE + 10_000 + NOTICE;

        final List<Object> events = d.tick(handOver);

        // 35 min 10 s used counts as 36 whole minutes: 84 of 120 are left.
        final long requeuedId = acceptedId(victim) + 2;
        assertThat(events).filteredOn(e -> !(e instanceof RecordingListener.BookChanged)).containsExactly(
            new LeaseEnded(handOver, 1, H100, 2, 1, 1, 4, LeaseEndReason.PREEMPTED, false),
            new Requeued(handOver, requeuedId, acceptedId(victim), 2, H100, 4, 84, 2 * USD, TimeInForce.GTC, 0, false));
        assertThat(d.depth(Side.BID)).containsExactly(2 * USD + ":4/1");
    }

    @Test
    void aRequeueLastsAtLeastTheInstrumentMinimum()
    {
        d.ask(T0, 1, 4, USD);
        preemptible(T0, 2, 4, 60, 2 * USD);
        d.bid(T0 + 50 * MINUTE, 3, 4, 60, 3 * USD);

        assertThat(d.tick(T0 + 55 * MINUTE)).filteredOn(Requeued.class::isInstance).map(Requeued.class::cast)
            .extracting(Requeued::durationMinutes).containsExactly(60);
    }

    @Test
    void immediateVictimsAndGtdVictimsPastTheirDeadlineAreNotRequeued()
    {
        d.ask(T0, 1, 8, USD);
        d.apply(new Command().placeBid(T0, 2, 0, H100, 4, 120, 2 * USD, TimeInForce.IOC, 0, false, false, true));
        // 55 of 60 minutes used: the re-queue would need the 60-minute minimum, past the 70-minute deadline.
        d.apply(new Command().placeBid(T0, 3, 0, H100, 4, 60, 2 * USD, TimeInForce.GTD, T0 + 70 * MINUTE, false, false, true));
        d.bid(T0 + 50 * MINUTE, 4, 8, 60, 3 * USD);

        final List<Object> events = d.tick(T0 + 55 * MINUTE);

        assertThat(events).filteredOn(LeaseEnded.class::isInstance).map(LeaseEnded.class::cast).extracting(LeaseEnded::reason)
            .containsExactly(LeaseEndReason.PREEMPTED, LeaseEndReason.PREEMPTED);
        assertThat(events).noneMatch(Requeued.class::isInstance);
    }

    @Test
    void aRequeueTheLedgerCannotFundIsRejectedUnderTheOriginalOrderId()
    {
        final PreTradeCheck broke = new PreTradeCheck()
        {
            @Override
            public RejectCode onPlace(final Command command, final long orderId)
            {
                return command.account == 2 && command.durationMinutes < 120 ? RejectCode.INSUFFICIENT_FUNDS : null;
            }

            @Override
            public RejectCode onAmend(final Command command, final Side side, final int instrument, final int oldGpus, final long oldPrice,
                final int durationMinutes)
            {
                return null;
            }
        };
        final EngineDriver driver = new EngineDriver(EngineConfig.DEFAULT, broke);
        driver.ask(T0, 1, 4, USD);
        final long original = acceptedId(driver.apply(
            new Command().placeBid(T0, 2, 0, H100, 4, 120, 2 * USD, TimeInForce.GTC, 0, false, false, true)));
        driver.bid(T0 + MINUTE, 3, 4, 60, 3 * USD);

        assertThat(driver.tick(T0 + MINUTE + NOTICE)).filteredOn(Rejected.class::isInstance)
            .containsExactly(new Rejected(T0 + MINUTE + NOTICE, 2, 0, original, RejectCode.INSUFFICIENT_FUNDS));
        assertThat(driver.engine.openOrderCount()).isEqualTo(1);
    }

    @Test
    void fillOrKillCountsWhatItCouldPreempt()
    {
        d.ask(T0, 1, 4, USD);
        preemptible(T0, 2, 2, 120, 2 * USD);

        final Command fok = new Command().placeBid(T0 + 1, 3, 0, H100, 4, 60, 3 * USD, TimeInForce.FOK, 0, false, false, false);
        final List<Object> events = d.apply(fok);

        assertThat(fills(events)).extracting(Fill::gpus).containsExactly(2, 2);
        assertThat(preempted(events)).hasSize(1);
    }

    @Test
    void postOnlyAndPreemptibleBidsNeverPreempt()
    {
        d.ask(T0, 1, 4, USD);
        preemptible(T0, 2, 4, 120, 2 * USD);

        assertThat(preempted(d.bid(T0 + 1, 3, 4, 60, 3 * USD, TimeInForce.GTC, 0, false, true))).isEmpty();
        assertThat(preempted(preemptible(T0 + 2, 4, 4, 60, 3 * USD))).isEmpty();
    }

    @Test
    void aSnapshotWithANoticePendingRestoresTheNoticeAndItsTimer() throws IOException
    {
        d.ask(T0, 1, 8, USD);
        preemptible(T0, 2, 8, 120, 2 * USD);
        d.bid(T0 + MINUTE, 3, 3, 60, 3 * USD);

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        d.engine.writeSnapshot(new DataOutputStream(bytes));
        final RecordingListener restoredEvents = new RecordingListener();
        final MatchingEngine restored = MatchingEngine.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
            Catalog.loadDefault(), EngineConfig.DEFAULT, restoredEvents, PreTradeCheck.ALLOW_ALL);
        restored.validate();
        assertThat(restored.stateHash()).isEqualTo(d.engine.stateHash());

        final Command tick = new Command().timerTick(T0 + 3 * HOUR);
        final List<Object> original = d.apply(tick);
        restored.apply(tick);
        restored.validate();
        assertThat(restoredEvents.events()).isEqualTo(original).anyMatch(Requeued.class::isInstance);
        assertThat(restored.stateHash()).isEqualTo(d.engine.stateHash());
    }

    private List<Object> preemptible(final long t, final long account, final int gpus, final int minutes, final long price)
    {
        return d.apply(new Command().placeBid(t, account, 0, H100, gpus, minutes, price, TimeInForce.GTC, 0, false, false, true));
    }

    private static long leaseOf(final List<Object> events)
    {
        return fills(events).get(0).leaseId();
    }

    private static List<Fill> fills(final List<Object> events)
    {
        return events.stream().filter(Fill.class::isInstance).map(Fill.class::cast).toList();
    }

    private static List<Preempted> preempted(final List<Object> events)
    {
        return events.stream().filter(Preempted.class::isInstance).map(Preempted.class::cast).toList();
    }

    private Map<Long, Integer> leaseGpus()
    {
        final Map<Long, Integer> gpus = new TreeMap<>();
        d.engine.forEachLease((id, instrument, buyer, owner, bidId, askId, g, start, end, price, preemptible) -> gpus.put(id, g));
        return gpus;
    }
}
