package com.offpeak.ledger;

import com.offpeak.ledger.account.AccountKind;
import com.offpeak.ledger.transfer.TransferListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded random streams of deposits, withdrawals, holds, amends, fills (some starting later, as a
 * preemptor's lease does), releases, streamed deliveries, (early or natural) lease ends, partial
 * early ends (a preemption taking some of a lease's GPUs) and spending caps — 20 seeds x 6,000 operations — each checked
 * against {@link ReferenceLedger} and the invariants after every step, then snapshotted, restored
 * and wound down identically on both copies. A failure names its seed and step; rerun one seed
 * by narrowing {@link #seeds()}.
 */
class LedgerPropertyTest
{
    private static final int OPERATIONS = 6_000;
    private static final long MINUTE = 60_000;
    private static final long PARTICIPANTS = 6;
    private static final int[] DURATIONS = {1, 7, 60, 61, 90, 97, 240};

    static LongStream seeds()
    {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ledgerMatchesReferenceModelAndKeepsEveryInvariant(final long seed)
    {
        try
        {
            run(seed);
        }
        catch (final AssertionError | RuntimeException ex)
        {
            throw new AssertionError("seed " + seed + ": " + ex.getMessage(), ex);
        }
    }

    private static void run(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int makerBps = random.nextInt(0, 30);
        final int takerBps = makerBps + random.nextInt(0, 50);
        final Ledger ledger = new Ledger(new LedgerConfig(makerBps, takerBps), TransferListener.NONE);
        final ReferenceLedger model = new ReferenceLedger(makerBps, takerBps);
        final List<Long> openOrders = new ArrayList<>();
        final List<Long> openLeases = new ArrayList<>();
        long now = 1_780_000_000_000L;
        long nextOrderId = 1;
        long nextLeaseId = 1;
        final int[] accepted = new int[KINDS.length];

        for (int step = 0; step < OPERATIONS; step++)
        {
            now += random.nextLong(0, 5 * MINUTE);
            final long participant = random.nextLong(1, PARTICIPANTS + 1);
            // Keep the open sets small so that every step can afford a full comparison.
            final int choice = openOrders.size() > 40 ? 70 : random.nextInt(115);
            final String operation;
            final LedgerResult actual;
            final LedgerResult expected;
            if (choice < 12)
            {
                final long key = random.nextLong(1, 400);
                final long amount = random.nextLong(1, 2_000_000_000L);
                operation = "deposit key " + key + " participant " + participant + " amount " + amount;
                actual = ledger.deposit(now, key, participant, amount);
                expected = model.deposit(key, participant, amount);
            }
            else if (choice < 18)
            {
                final long key = random.nextLong(1, 400);
                final long amount = random.nextLong(1, model.available(participant).longValue() + 1_000_000);
                operation = "withdraw key " + key + " participant " + participant + " amount " + amount;
                actual = ledger.withdraw(now, key, participant, amount);
                expected = model.withdraw(key, participant, amount);
            }
            else if (choice < 38)
            {
                final long orderId = random.nextInt(20) == 0 && nextOrderId > 1 ? random.nextLong(1, nextOrderId) : nextOrderId;
                final long limit = random.nextLong(1, 4_000_000);
                final int gpus = random.nextInt(1, 17);
                final int duration = DURATIONS[random.nextInt(DURATIONS.length)];
                operation = "hold order " + orderId + " participant " + participant + " limit " + limit + " x " + gpus + " x " + duration;
                actual = ledger.holdBid(now, orderId, participant, limit, gpus, duration);
                expected = model.holdBid(orderId, participant, limit, gpus, duration);
                if (expected == LedgerResult.OK)
                {
                    openOrders.add(orderId);
                    nextOrderId = Math.max(nextOrderId, orderId + 1);
                }
            }
            else if (choice < 46)
            {
                final long orderId = pickOrUnknown(random, openOrders, nextOrderId);
                final long limit = random.nextLong(1, 4_000_000);
                final int gpus = random.nextInt(1, 17);
                operation = "amend order " + orderId + " to " + limit + " x " + gpus;
                actual = ledger.amendHold(now, orderId, limit, gpus);
                expected = model.amend(orderId, limit, gpus);
            }
            else if (choice < 68)
            {
                final long orderId = pickOrUnknown(random, openOrders, nextOrderId);
                final ReferenceLedger.Bid bid = model.bids.get(orderId);
                final long buyer = bid == null ? participant : bid.participant;
                final long owner = buyer % PARTICIPANTS + 1 + (random.nextInt(50) == 0 ? -1 : 0);
                final int remaining = bid == null ? 1 : Math.max(bid.remaining, 1);
                final int gpus = random.nextInt(1, remaining + 1) + (random.nextInt(50) == 0 ? 1 : 0);
                final long limit = bid == null ? 1_000_000 : bid.limit;
                final long price = random.nextLong(1, limit + 1) + (random.nextInt(50) == 0 ? 1 : 0);
                final int duration = bid == null ? 60 : bid.duration;
                final MakerSide makerSide = MakerSide.values()[random.nextInt(3)];
                final long leaseId = nextLeaseId;
                // A preemptor's lease starts at the victim's hand-over, after the fill.
                final long start = now + (random.nextInt(4) == 0 ? random.nextLong(1, 10 * MINUTE) : 0);
                operation = "fill order " + orderId + " lease " + leaseId + " " + buyer + "<-" + owner + " " + gpus + " @ " + price + " " +
                    makerSide + " from +" + (start - now) + " ms";
                actual = ledger.fill(now, orderId, leaseId, buyer, owner, price, gpus, duration, makerSide, start + duration * MINUTE);
                expected = model.fill(start, orderId, leaseId, buyer, owner, price, gpus, duration, makerSide);
                if (expected == LedgerResult.OK)
                {
                    openLeases.add(leaseId);
                    nextLeaseId++;
                }
            }
            else if (choice < 78)
            {
                final long orderId = pickOrUnknown(random, openOrders, nextOrderId);
                operation = "release order " + orderId;
                actual = ledger.releaseHold(now, orderId);
                expected = model.release(orderId);
                openOrders.remove(orderId);
            }
            else if (choice >= 103)
            {
                final long leaseId = pickOrUnknown(random, openLeases, nextLeaseId);
                final ReferenceLedger.Lease lease = model.leases.get(leaseId);
                final long start = lease == null ? now : lease.start;
                final int running = lease == null ? 1 : lease.gpus;
                final int gpus = random.nextInt(30) != 0 ? random.nextInt(1, running + 1) : random.nextInt(2) == 0 ? 0 : running + 1;
                final long until = random.nextInt(40) == 0 ? start - 1 : start + random.nextLong(0, 300 * MINUTE);
                operation = "end " + gpus + " GPUs of lease " + leaseId + " at +" + (until - start) + " ms";
                actual = ledger.gpusEnded(now, leaseId, gpus, until);
                expected = model.endGpus(leaseId, gpus, until);
                if (expected == LedgerResult.OK && !model.leases.containsKey(leaseId))
                {
                    openLeases.remove(leaseId);
                }
            }
            else if (choice >= 100)
            {
                final long cap = random.nextInt(4) == 0 ? Ledger.NO_CAP : random.nextLong(0, 400_000_000);
                operation = "cap participant " + participant + " at " + cap;
                actual = ledger.setSpendingCap(participant, cap);
                expected = model.setCap(participant, cap);
            }
            else
            {
                final long leaseId = pickOrUnknown(random, openLeases, nextLeaseId);
                final ReferenceLedger.Lease lease = model.leases.get(leaseId);
                final long start = lease == null ? now : lease.start;
                final long until = random.nextInt(40) == 0 ? start - 1 : start + random.nextLong(0, 300 * MINUTE);
                final boolean end = choice >= 88;
                operation = (end ? "end lease " : "deliver lease ") + leaseId + " at +" + (until - start) + " ms";
                actual = end ? ledger.leaseEnded(now, leaseId, until) : ledger.deliver(now, leaseId, until);
                expected = model.deliver(leaseId, until, end);
                if (end && expected == LedgerResult.OK)
                {
                    openLeases.remove(leaseId);
                }
            }
            final String where = "step " + step + " (" + operation + ")";
            assertThat(actual).as(where).isEqualTo(expected);
            accepted[kind(choice)] += actual == LedgerResult.OK ? 1 : 0;
            ledger.checkInvariants();
            compare(ledger, model, where);
        }
        // The stream must really exercise every operation, not just bounce off rejections.
        for (int kind = 0; kind < KINDS.length; kind++)
        {
            assertThat(accepted[kind]).as("accepted %s operations", KINDS[kind]).isGreaterThan(OPERATIONS / 200);
        }
        windDownFromSnapshot(ledger, model, now);
    }

    /**
     * Snapshots the ledger with whatever is still open, restores it, then closes every hold and
     * lease on both: the same transfers must follow (the checksum chain covers every field of
     * every transfer) and everything ends in available balances and fees.
     */
    private static void windDownFromSnapshot(final Ledger ledger, final ReferenceLedger model, final long now)
    {
        final Ledger restored;
        try
        {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ledger.writeSnapshot(new DataOutputStream(bytes));
            restored = Ledger.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), ledger.config(),
                TransferListener.NONE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final long end = now + 1_000 * MINUTE;
        for (final Ledger each : new Ledger[] {ledger, restored})
        {
            model.bids.keySet().forEach(orderId -> assertThat(each.releaseHold(end, orderId)).isEqualTo(LedgerResult.OK));
            model.leases.keySet().forEach(leaseId -> assertThat(each.leaseEnded(end, leaseId, end)).isEqualTo(LedgerResult.OK));
            each.checkInvariants();
            assertThat(each.escrowTotal()).isZero();
            assertThat(each.openHolds()).isZero();
        }
        assertThat(restored.lastTransferId()).isEqualTo(ledger.lastTransferId());
        assertThat(restored.lastChecksum()).isEqualTo(ledger.lastChecksum());
        assertThat(restored.stateHash()).isEqualTo(ledger.stateHash());
    }

    private static final String[] KINDS = {"deposit", "withdraw", "hold", "amend", "fill", "release", "deliver", "lease end", "cap",
        "partial end"};
    private static final int[] KIND_BOUNDS = {12, 18, 38, 46, 68, 78, 88, 100, 103, 115};

    private static int kind(final int choice)
    {
        int kind = 0;
        while (choice >= KIND_BOUNDS[kind])
        {
            kind++;
        }
        return kind;
    }

    private static long pickOrUnknown(final SplittableRandom random, final List<Long> open, final long nextId)
    {
        if (open.isEmpty() || random.nextInt(25) == 0)
        {
            return random.nextInt(2) == 0 ? nextId + 7 : 0;
        }
        return open.get(random.nextInt(open.size()));
    }

    private static void compare(final Ledger ledger, final ReferenceLedger model, final String where)
    {
        BigInteger inside = BigInteger.ZERO;
        final Map<Long, BigInteger> heldByParticipant = new HashMap<>();
        model.bids.values().forEach(bid -> heldByParticipant.merge(bid.participant, bid.held, BigInteger::add));
        for (final long participant : model.knownParticipants)
        {
            final BigInteger heldByBids = heldByParticipant.getOrDefault(participant, BigInteger.ZERO);
            check(ledger.balance(participant, AccountKind.AVAILABLE), model.available(participant), where, "available of " + participant);
            check(ledger.balance(participant, AccountKind.HELD), model.held(participant), where, "held of " + participant);
            check(ledger.balance(participant, AccountKind.HELD), heldByBids, where, "held = open holds of " + participant);
            check(ledger.spendingExposure(participant), model.exposure(participant), where, "spending exposure of " + participant);
            inside = inside.add(model.available(participant)).add(model.held(participant));
        }
        final BigInteger undelivered = model.leases.values().stream().map(ReferenceLedger.Lease::escrow)
            .reduce(BigInteger.ZERO, BigInteger::add);
        check(ledger.escrowTotal(), model.escrow, where, "escrow");
        check(ledger.escrowTotal(), undelivered, where, "escrow = undelivered lease value");
        check(ledger.feesTotal(), model.fees, where, "fees");
        check(ledger.externalBalance(), model.external, where, "external");
        inside = inside.add(model.escrow).add(model.fees);
        check(-ledger.externalBalance(), model.deposited.subtract(model.withdrawn), where, "total money = deposits - withdrawals");
        check(-ledger.externalBalance(), inside, where, "total money = money inside");
        check(ledger.lastTransferId(), BigInteger.valueOf(model.transfers), where, "transfer count");
        check(ledger.openHolds(), BigInteger.valueOf(model.bids.size()), where, "open holds");
        check(ledger.openLeases(), BigInteger.valueOf(model.leases.size()), where, "open leases");
        model.bids.forEach((orderId, bid) -> check(ledger.holdOf(orderId), bid.held, where, "hold of order " + orderId));
        model.leases.forEach((leaseId, lease) -> check(ledger.escrowOf(leaseId), lease.escrow(), where, "escrow of lease " + leaseId));
    }

    private static void check(final long actual, final BigInteger expected, final String where, final String what)
    {
        if (!BigInteger.valueOf(actual).equals(expected))
        {
            fail(where + ": " + what + " is " + actual + ", the reference model says " + expected);
        }
    }
}
