package com.offpeak.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.Command;
import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.gateway.server.OutputAdapter;
import com.offpeak.journal.OutputDecoder;
import com.offpeak.journal.OutputEncoder;
import com.offpeak.ledger.Ledger;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.ledger.account.AccountKind;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Preemption settled through the real {@link Exchange} (engine + ledger, no journal): a seeded
 * stream of asks, preemptible bids at low prices and non-preemptible bids that outbid them, with
 * prices rising over the run so newer bids keep taking older leases — whole and partial takes,
 * re-queues (some of them short of funds), natural ends under notice and plain natural ends. After
 * every input the engine's and the ledger's invariants and their agreement ({@link Exchange#validate})
 * must hold, and money is only ever moved, never made. Some bids carry substitutes (one group hold,
 * decided by the first fill of any alternative, cancelled whole). The stream must really produce each case.
 * The same stream again with an operator switching instruments into call auctions (60–300 s) and back,
 * so bids and asks also collect and clear at a uniform price ({@code maker == null}: both sides pay
 * the maker rate), under the same checks (issue 6).
 */
class PreemptionSettlementTest
{
    private static final int STEPS = 4_000;
    private static final long MINUTE = 60_000;
    private static final long TICK = 10_000;
    private static final int OWNERS = 4;
    private static final int BUYERS = 12;
    /** A long notice, so that many victims reach their natural end under it. */
    private static final EngineConfig CONFIG = EngineConfig.DEFAULT.withPreemptionNoticeMillis(30 * MINUTE);
    /** 2100-01-01: asks stay open for the whole run. */
    private static final long AVAILABLE_UNTIL = 4_102_444_800_000L;

    static LongStream seeds()
    {
        return LongStream.rangeClosed(1, 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void preemptionsSettleWithoutBreakingEngineOrLedger(final long seed)
    {
        runSeeded(seed, false);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void callAuctionsSettleWithoutBreakingEngineOrLedger(final long seed)
    {
        runSeeded(seed, true);
    }

    private static void runSeeded(final long seed, final boolean auctions)
    {
        try
        {
            run(seed, auctions);
        }
        catch (final AssertionError | RuntimeException ex)
        {
            throw new AssertionError("seed " + seed + ": " + ex.getMessage(), ex);
        }
    }

    private static void run(final long seed, final boolean auctions)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final Exchange exchange = (Exchange)Exchange.factory(Catalog.loadDefault(), CONFIG, new LedgerConfig(10, 25))
            .create();
        final InputCommand input = new InputCommand();
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 16);
        final OutputEncoder encoder = new OutputEncoder();
        final OutputDecoder decoder = new OutputDecoder();
        final Events events = new Events();
        long now = 1_780_000_000_000L;
        long deposited = 0;
        long withdrawn = 0;
        long key = 1;

        for (int account = 1; account <= OWNERS + BUYERS; account++)
        {
            final long amount = 1_000_000_000_000L;
            input.deposit(account, amount, key++).command.timestamp = now;
            apply(exchange, input, encoder, buffer, decoder, events);
            deposited += amount;
        }
        for (int step = 0; step < STEPS; step++)
        {
            now += random.nextLong(0, 2 * MINUTE);
            // Prices drift up over the run: later bids can pay a tick more than the leases of earlier ones.
            final long base = 1_000_000 + (step / 40) * TICK;
            final int roll = random.nextInt(100);
            if (roll < 12)
            {
                final long owner = 1 + random.nextInt(OWNERS);
                final int minBlock = random.nextInt(3) == 0 ? 4 : 1;
                input.command.placeAsk(now, owner, 0, random.nextInt(2), 4 * (1 + random.nextInt(4)), base - 20 * TICK, AVAILABLE_UNTIL,
                    minBlock);
                input.engineCommand();
            }
            else if (roll < 92)
            {
                final long buyer = OWNERS + 1 + random.nextInt(BUYERS);
                final boolean preemptible = random.nextInt(100) < 55;
                final long price = preemptible ? base - random.nextInt(10) * TICK : base + random.nextInt(20) * TICK;
                final int duration = 60 * (1 + random.nextInt(3)) + random.nextInt(2) * 7;
                final int tifRoll = random.nextInt(10);
                final TimeInForce tif = tifRoll < 2 ? TimeInForce.IOC : tifRoll < 5 ? TimeInForce.GTD : TimeInForce.GTC;
                final long deadline = tif == TimeInForce.GTD ? now + duration * MINUTE + random.nextLong(0, 240 * MINUTE) : 0;
                input.command.placeBid(now, buyer, 0, random.nextInt(2), 1 + random.nextInt(10), duration, price, tif, deadline,
                    random.nextInt(6) == 0, false, preemptible);
                // Substitutes: one group hold for the largest alternative, decided by whichever alternative fills first.
                final int substitutes = random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0;
                for (int k = 0; k < substitutes; k++)
                {
                    input.command.addSubstitute(random.nextInt(2), 1 + random.nextInt(12), 60 * (1 + random.nextInt(3)),
                        price + (random.nextInt(7) - 3) * TICK);
                }
                events.placingSubstitutes = substitutes > 0;
                events.placingGroup = 0;
                input.engineCommand();
            }
            else if (roll < 94)
            {
                // A buyer spends its spare funds elsewhere: a victim's re-queue may then be short of them.
                final long buyer = OWNERS + 1 + random.nextInt(BUYERS);
                final long spare = exchange.ledger().balance(buyer, AccountKind.AVAILABLE);
                final long amount = spare == 0 ? 1 : random.nextInt(3) == 0 ? spare : random.nextLong(1, spare + 1);
                input.withdraw(buyer, amount, key++).command.timestamp = now;
                withdrawn += spare == 0 ? 0 : amount;
            }
            else if (roll < 96)
            {
                final Long alternative = events.openAlternatives.isEmpty() || random.nextBoolean() ? null :
                    events.openAlternatives.ceilingKey(1 + random.nextLong(events.orders));
                if (alternative == null)
                {
                    input.command.cancel(now, 1 + random.nextInt(OWNERS + BUYERS), 1 + random.nextLong(Math.max(1, events.orders)));
                }
                else
                {
                    input.command.cancel(now, events.openAlternatives.get(alternative), alternative);
                }
                input.engineCommand();
            }
            else if (auctions && random.nextBoolean())
            {
                // Short-circuited without auctions, so the plain stream draws exactly the numbers it always did.
                final int seconds = random.nextBoolean() ? 0 : 60 * (1 + random.nextInt(5));
                input.command.setMarketMode(now, Command.ADMIN_ACCOUNT, random.nextInt(2), seconds);
                input.engineCommand();
            }
            else
            {
                input.command.timerTick(now);
                input.engineCommand();
            }
            final String where = "step " + step + " " + input;
            try
            {
                apply(exchange, input, encoder, buffer, decoder, events);
                events.placingSubstitutes = false;
                exchange.validate();
            }
            catch (final RuntimeException ex)
            {
                throw new AssertionError(where + ": " + ex.getMessage(), ex);
            }
            final Ledger ledger = exchange.ledger();
            assertThat(-ledger.externalBalance()).as("%s: money inside = deposits - withdrawals", where).isEqualTo(deposited - withdrawn);
        }
        if (auctions)
        {
            // Back to continuous first: a final clear and the catch-up, so no lease can start after the wind-down.
            for (int instrument = 0; instrument < 2; instrument++)
            {
                input.command.setMarketMode(now, Command.ADMIN_ACCOUNT, instrument, 0);
                apply(exchange, input.engineCommand(), encoder, buffer, decoder, events);
                exchange.validate();
            }
        }
        // Let every lease run out: notices end, re-queued bids trade or rest, all leases complete and pay out.
        now += 20 * 24 * 60 * MINUTE;
        input.command.timerTick(now);
        apply(exchange, input.engineCommand(), encoder, buffer, decoder, events);
        exchange.validate();
        assertThat(exchange.ledger().openLeases()).as("leases left after the wind-down").isZero();
        assertThat(exchange.ledger().escrowTotal()).as("escrow after the wind-down").isZero();

        assertThat(events.preemptions).as("preemption notices").isGreaterThan(0);
        assertThat(events.partialTakes).as("preemptions taking part of a lease").isGreaterThan(0);
        assertThat(events.wholeTakes).as("preemptions taking a whole lease").isGreaterThan(0);
        assertThat(events.preemptedEnds).as("leases ended early by a hand-over").isGreaterThan(0);
        assertThat(events.endsUnderNotice).as("natural ends under notice").isGreaterThan(0);
        assertThat(events.requeues).as("re-queued bids").isGreaterThan(0);
        assertThat(events.unfundedRequeues).as("re-queues short of funds").isGreaterThan(0);
        assertThat(events.completedAfterPartialTake).as("leases completing after a partial take").isGreaterThan(0);
        assertThat(events.substituteGroups).as("substitutes groups placed").isGreaterThan(0);
        assertThat(events.wonByLaterAlternative).as("groups won by a non-first alternative").isGreaterThan(0);
        assertThat(events.voidedAlternatives).as("alternatives voided by a sibling's fill").isGreaterThan(0);
        if (auctions)
        {
            assertThat(events.intoAuction).as("switches into auction mode").isGreaterThan(0);
            assertThat(events.backToContinuous).as("switches back to continuous").isGreaterThan(0);
            assertThat(events.auctionClears).as("auction clears that traded").isGreaterThan(0);
            assertThat(events.auctionFills).as("auction fills (maker == null)").isGreaterThan(0);
        }
        else
        {
            // Substitutes bids are rejected on auction instruments: the auction stream leaves too few open groups to cancel.
            assertThat(events.cancelledAlternatives).as("undecided alternatives cancelled").isGreaterThan(0);
        }
    }

    private static void apply(final Exchange exchange, final InputCommand input, final OutputEncoder encoder,
        final ExpandableArrayBuffer buffer, final OutputDecoder decoder, final Events events)
    {
        exchange.apply(input, encoder.wrap(buffer));
        decoder.decode(buffer, 0, encoder.length(), events);
    }

    /** Counts what the stream produced, from the exchange's own output records. */
    private static final class Events extends OutputAdapter
    {
        /** GPUs of each running lease, and the hand-over of a lease under notice. */
        private final Map<Long, Integer> leaseGpus = new HashMap<>();
        private final Map<Long, Long> noticeEnds = new HashMap<>();
        private final Map<Long, Boolean> partlyTaken = new HashMap<>();
        /** Undecided alternatives of substitutes groups → their account; the group of every alternative placed. */
        private final TreeMap<Long, Long> openAlternatives = new TreeMap<>();
        private final Map<Long, Long> groupOf = new HashMap<>();
        private final Map<Long, Boolean> decided = new HashMap<>();
        boolean placingSubstitutes;
        long placingGroup;
        long orders;
        int substituteGroups;
        int wonByLaterAlternative;
        int voidedAlternatives;
        int cancelledAlternatives;
        int preemptions;
        int partialTakes;
        int wholeTakes;
        int preemptedEnds;
        int endsUnderNotice;
        int requeues;
        int unfundedRequeues;
        int completedAfterPartialTake;
        /** Which of the stream's two instruments is in auction mode now (the switches that took effect). */
        private final boolean[] inAuction = new boolean[2];
        int intoAuction;
        int backToContinuous;
        int auctionClears;
        int auctionFills;

        @Override
        public void accepted(final long time, final long account, final long clientOrderId, final long orderId,
            final Side side, final int instrument, final int gpus, final long price)
        {
            orders = Math.max(orders, orderId);
            if (placingSubstitutes)
            {
                // One accepted per alternative, consecutive ids from the group id.
                if (placingGroup == 0)
                {
                    placingGroup = orderId;
                    substituteGroups++;
                }
                groupOf.put(orderId, placingGroup);
                openAlternatives.put(orderId, account);
            }
        }

        @Override
        public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
            final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
        {
            final Long group = groupOf.get(bidId);
            if (group != null && decided.put(group, true) == null && bidId != group)
            {
                wonByLaterAlternative++;
            }
            openAlternatives.remove(bidId);
            auctionFills += maker == null ? 1 : 0;
        }

        @Override
        public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
        {
            // A request only announces its boundary; the mode changes when effectiveAt == time.
            final boolean auction = auctionIntervalSeconds > 0;
            if (effectiveAt == time && auction != inAuction[instrument])
            {
                inAuction[instrument] = auction;
                intoAuction += auction ? 1 : 0;
                backToContinuous += auction ? 0 : 1;
            }
        }

        @Override
        public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
        {
            auctionClears += gpus > 0 ? 1 : 0;
        }

        @Override
        public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
            final int remainingGpus)
        {
            openAlternatives.remove(orderId);
        }

        @Override
        public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
            final int remainingGpus, final CancelReason reason)
        {
            if (openAlternatives.remove(orderId) != null)
            {
                voidedAlternatives += reason == CancelReason.SUBSTITUTE_FILLED ? 1 : 0;
                cancelledAlternatives += reason == CancelReason.USER ? 1 : 0;
            }
        }

        @Override
        public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
        {
            // Only a re-queue is rejected under an existing order id (the victim's original bid).
            if (orderId != 0 && code == RejectCode.INSUFFICIENT_FUNDS)
            {
                unfundedRequeues++;
            }
        }

        @Override
        public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
            final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
            final boolean preemptible)
        {
            leaseGpus.put(leaseId, gpus);
        }

        @Override
        public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner,
            final int gpus, final long newEnd, final long preemptorBidId)
        {
            preemptions++;
            if (gpus < leaseGpus.get(leaseId))
            {
                partialTakes++;
                partlyTaken.put(leaseId, true);
            }
            else
            {
                wholeTakes++;
            }
            noticeEnds.put(leaseId, newEnd);
        }

        @Override
        public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
            final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
        {
            final int running = leaseGpus.get(leaseId);
            final Long noticeEnd = noticeEnds.remove(leaseId);
            if (reason == LeaseEndReason.PREEMPTED)
            {
                preemptedEnds++;
            }
            else if (reason == LeaseEndReason.COMPLETED)
            {
                endsUnderNotice += noticeEnd != null && noticeEnd == time ? 1 : 0;
                completedAfterPartialTake += partlyTaken.containsKey(leaseId) ? 1 : 0;
            }
            if (gpus == running)
            {
                leaseGpus.remove(leaseId);
                partlyTaken.remove(leaseId);
            }
            else
            {
                leaseGpus.put(leaseId, running - gpus);
            }
        }

        @Override
        public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
            final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
            final boolean contiguous)
        {
            requeues++;
            orders = Math.max(orders, orderId);
        }
    }
}
