package com.offpeak.engine.model;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.EngineListener;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the property suite against a generator that drifts into streams that no longer reach a
 * rule: over the seeds the suite runs, the model must see every reject code, every kind of fill,
 * lease end, cancel, expiry, amend and duplicate answer.
 */
class CommandGeneratorCoverageTest
{
    private static final int SEEDS = 8;
    private static final int STEPS = 5_000;

    @Test
    void streamsReachEveryRule()
    {
        final Set<String> seen = new TreeSet<>();
        final EngineListener listener = new OutcomeCollector(seen, new HashMap<>());
        final Catalog catalog = Catalog.loadDefault();
        for (long seed = 1; seed <= SEEDS; seed++)
        {
            final EngineConfig config = CrossCheck.configFor(seed);
            final ReferenceModel model = new ReferenceModel(catalog, config.clientOrderIdRetentionMillis(), config.maxOpenOrders(), listener,
                new ScriptedPreTradeCheck());
            final CommandGenerator generator = new CommandGenerator(seed, catalog);
            for (int step = 0; step < STEPS; step++)
            {
                model.apply(generator.next(model));
            }
        }

        final Set<String> expected = new TreeSet<>();
        for (final RejectCode code : RejectCode.values())
        {
            expected.add("rejected " + code);
        }
        // Call auctions are not in the reference model yet: CallAuctionTest and CallAuctionPlainRuleTest cover their codes.
        expected.removeAll(Set.of("rejected " + RejectCode.NOT_AUTHORISED, "rejected " + RejectCode.INVALID_AUCTION_INTERVAL,
            "rejected " + RejectCode.NOT_ALLOWED_IN_AUCTION));
        for (final OrderStatus status : OrderStatus.values())
        {
            expected.add("duplicate " + status);
        }
        for (final CancelReason reason : CancelReason.values())
        {
            expected.add("cancelled " + reason);
        }
        // Likewise a switch into call-auction mode: SubstitutesInAuctionTest covers it.
        expected.remove("cancelled " + CancelReason.AUCTION_MODE);
        for (final Side side : Side.values())
        {
            expected.add("fill maker=" + side);
            expected.add("expired " + side);
        }
        expected.addAll(Set.of("leaseEnded returned=true", "leaseEnded returned=false", "amended priorityKept=true",
            "amended priorityKept=false", "fill preemptible", "preempted", "leaseEnded PREEMPTED", "requeued",
            "preempted part of a lease", "preempted at the lease's natural end", "requeue rejected"));
        assertThat(seen).containsAll(expected);
    }

    /** Reduces each event to the rule it shows. */
    /** {@code leases}: GPUs and end of every lease started, to tell a partial or natural-end preemption. */
    private record OutcomeCollector(Set<String> seen, Map<Long, long[]> leases) implements EngineListener
    {
        @Override
        public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
            final int instrument, final int gpus, final long price)
        {
            seen.add("accepted " + side);
        }

        @Override
        public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
        {
            seen.add("rejected " + code);
            if (clientOrderId == 0 && orderId != 0 && (code == RejectCode.INSUFFICIENT_FUNDS || code == RejectCode.ENGINE_FULL))
            {
                seen.add("requeue rejected");
            }
        }

        @Override
        public void duplicate(final long time, final long account, final long clientOrderId, final long orderId,
            final RejectCode originalReject, final OrderStatus status, final int remainingGpus)
        {
            seen.add("duplicate " + status);
        }

        @Override
        public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
            final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
        {
            seen.add("fill maker=" + maker);
        }

        @Override
        public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
            final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
            final boolean preemptible)
        {
            if (preemptible)
            {
                seen.add("fill preemptible");
            }
            leases.put(leaseId, new long[] {gpus, end});
        }

        @Override
        public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
            final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
        {
            seen.add("leaseEnded returned=" + returnedToAsk);
            seen.add("leaseEnded " + reason);
        }

        @Override
        public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner,
            final int gpus, final long newEnd, final long preemptorBidId)
        {
            seen.add("preempted");
            final long[] lease = leases.get(leaseId);
            if (gpus < lease[0])
            {
                seen.add("preempted part of a lease");
            }
            if (newEnd == lease[1])
            {
                seen.add("preempted at the lease's natural end");
            }
        }

        @Override
        public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
            final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
            final boolean contiguous)
        {
            seen.add("requeued");
        }

        @Override
        public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
        {
            seen.add(auctionIntervalSeconds == 0 ? "mode continuous" : "mode auction");
        }

        @Override
        public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
        {
            seen.add("auction indicative");
        }

        @Override
        public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
        {
            seen.add("auction cleared");
        }

        @Override
        public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
            final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
        {
            seen.add(cheaper ? "quoted cheaper" : "quoted");
        }

        @Override
        public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
            final int remainingGpus)
        {
            seen.add("expired " + side);
        }

        @Override
        public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
            final int remainingGpus, final CancelReason reason)
        {
            seen.add("cancelled " + reason);
        }

        @Override
        public void amended(final long time, final long orderId, final long account, final int instrument, final Side side,
            final int gpus, final long price, final boolean priorityKept)
        {
            seen.add("amended priorityKept=" + priorityKept);
        }

        @Override
        public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus,
            final int orders)
        {
            // depth is compared by the cross-check, not counted here
        }
    }
}
