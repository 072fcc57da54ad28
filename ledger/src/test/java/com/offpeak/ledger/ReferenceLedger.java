package com.offpeak.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's rules written the obvious way — plain maps, BigInteger, no pooling, no shared
 * code with the real ledger — to cross-check it. Only the result enum is shared.
 */
final class ReferenceLedger
{
    static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final BigInteger SIXTY = BigInteger.valueOf(60);
    private static final long MINUTE = 60_000;

    record FundingRecord(String kind, long participant, long amount, LedgerResult result)
    {
    }

    static final class Bid
    {
        long participant;
        long limit;
        int remaining;
        int duration;
        BigInteger held = BigInteger.ZERO;
        BigInteger makerNotional = BigInteger.ZERO;
        BigInteger takerNotional = BigInteger.ZERO;
        BigInteger feePaid = BigInteger.ZERO;
    }

    static final class Lease
    {
        long buyer;
        long owner;
        long start;
        int duration;
        BigInteger notional;
        BigInteger buyerFee;
        int ownerBps;
        long price;
        int totalGpus;
        int gpus;
        int usedMinutes;
        /** GPU-minutes used by GPUs that ended early, and those they gave up. */
        long endedUsed;
        long givenUp;
        BigInteger paidGross = BigInteger.ZERO;
        BigInteger earnedBuyerFee = BigInteger.ZERO;
        BigInteger ownerFee = BigInteger.ZERO;
        BigInteger refunded = BigInteger.ZERO;

        BigInteger escrow()
        {
            return notional.add(buyerFee).subtract(paidGross).subtract(earnedBuyerFee).subtract(refunded);
        }
    }

    final int makerBps;
    final int takerBps;
    final Map<Long, BigInteger> available = new HashMap<>();
    final Map<Long, BigInteger> held = new HashMap<>();
    BigInteger escrow = BigInteger.ZERO;
    BigInteger fees = BigInteger.ZERO;
    BigInteger external = BigInteger.ZERO;
    BigInteger deposited = BigInteger.ZERO;
    BigInteger withdrawn = BigInteger.ZERO;
    long transfers;
    final Map<Long, FundingRecord> keys = new HashMap<>();
    final Map<Long, Bid> bids = new LinkedHashMap<>();
    final Map<Long, Lease> leases = new LinkedHashMap<>();
    final List<Long> knownParticipants = new ArrayList<>();
    final Map<Long, Long> caps = new HashMap<>();

    ReferenceLedger(final int makerBps, final int takerBps)
    {
        this.makerBps = makerBps;
        this.takerBps = takerBps;
    }

    private static BigInteger big(final long value)
    {
        return BigInteger.valueOf(value);
    }

    private static BigInteger ceilDiv(final BigInteger a, final BigInteger b)
    {
        final BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    private static BigInteger notional(final long price, final long gpus, final long minutes)
    {
        return big(price).multiply(big(gpus)).multiply(big(minutes)).divide(SIXTY);
    }

    BigInteger available(final long participant)
    {
        return available.getOrDefault(participant, BigInteger.ZERO);
    }

    BigInteger held(final long participant)
    {
        return held.getOrDefault(participant, BigInteger.ZERO);
    }

    private void count(final BigInteger amount)
    {
        if (amount.signum() > 0)
        {
            transfers++;
        }
        if (amount.signum() < 0)
        {
            throw new AssertionError("reference model moved a negative amount " + amount);
        }
    }

    private void open(final long participant)
    {
        if (!available.containsKey(participant))
        {
            available.put(participant, BigInteger.ZERO);
            held.put(participant, BigInteger.ZERO);
            knownParticipants.add(participant);
        }
    }

    private void move(final Map<Long, BigInteger> from, final long fromKey, final Map<Long, BigInteger> to, final long toKey,
        final BigInteger amount)
    {
        from.put(fromKey, from.get(fromKey).subtract(amount));
        to.put(toKey, to.get(toKey).add(amount));
        count(amount);
    }

    /** Invalid requests are refused unrecorded; a used key answers as it did, or conflicts. Null: go ahead. */
    private LedgerResult screen(final String kind, final long key, final long participant, final long amount)
    {
        if (key <= 0)
        {
            return LedgerResult.INVALID_ID;
        }
        if (participant <= 0)
        {
            return LedgerResult.INVALID_PARTICIPANT;
        }
        if (amount <= 0)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        final FundingRecord previous = keys.get(key);
        if (previous == null)
        {
            return null;
        }
        return previous.equals(new FundingRecord(kind, participant, amount, previous.result())) ? previous.result() :
            LedgerResult.DUPLICATE_KEY_CONFLICT;
    }

    LedgerResult deposit(final long key, final long participant, final long amount)
    {
        final LedgerResult screened = screen("deposit", key, participant, amount);
        if (screened != null)
        {
            return screened;
        }
        open(participant);
        available.put(participant, available(participant).add(big(amount)));
        external = external.subtract(big(amount));
        deposited = deposited.add(big(amount));
        count(big(amount));
        keys.put(key, new FundingRecord("deposit", participant, amount, LedgerResult.OK));
        return LedgerResult.OK;
    }

    LedgerResult withdraw(final long key, final long participant, final long amount)
    {
        final LedgerResult screened = screen("withdraw", key, participant, amount);
        if (screened != null)
        {
            return screened;
        }
        final LedgerResult result;
        if (available(participant).compareTo(big(amount)) < 0)
        {
            result = LedgerResult.INSUFFICIENT_FUNDS;
        }
        else
        {
            available.put(participant, available(participant).subtract(big(amount)));
            external = external.add(big(amount));
            withdrawn = withdrawn.add(big(amount));
            count(big(amount));
            result = LedgerResult.OK;
        }
        keys.put(key, new FundingRecord("withdraw", participant, amount, result));
        return result;
    }

    /** The worst case still owed by a bid at this limit and remaining GPUs, given its fills so far. */
    BigInteger worstCase(final Bid bid, final long limit, final int remaining)
    {
        final BigInteger rest = notional(limit, remaining, bid.duration);
        final BigInteger weighted = bid.makerNotional.multiply(big(makerBps)).add(bid.takerNotional.add(rest).multiply(big(takerBps)));
        return rest.add(ceilDiv(weighted, TEN_THOUSAND)).subtract(bid.feePaid);
    }

    /** Σ limit × GPUs of open bids + Σ price × GPUs of running leases, counted from scratch. */
    BigInteger exposure(final long participant)
    {
        BigInteger sum = BigInteger.ZERO;
        for (final Bid bid : bids.values())
        {
            if (bid.participant == participant)
            {
                sum = sum.add(big(bid.limit).multiply(big(bid.remaining)));
            }
        }
        for (final Lease lease : leases.values())
        {
            if (lease.buyer == participant)
            {
                sum = sum.add(big(lease.price).multiply(big(lease.gpus)));
            }
        }
        return sum;
    }

    private boolean withinCap(final long participant, final BigInteger exposure)
    {
        return exposure.compareTo(big(caps.getOrDefault(participant, Long.MAX_VALUE))) <= 0;
    }

    LedgerResult setCap(final long participant, final long cap)
    {
        if (participant <= 0)
        {
            return LedgerResult.INVALID_PARTICIPANT;
        }
        if (cap < 0)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        open(participant);
        caps.put(participant, cap);
        return LedgerResult.OK;
    }

    LedgerResult holdBid(final long orderId, final long participant, final long limit, final int gpus, final int duration)
    {
        if (orderId <= 0)
        {
            return LedgerResult.INVALID_ID;
        }
        if (bids.containsKey(orderId))
        {
            return LedgerResult.DUPLICATE_ORDER;
        }
        if (participant <= 0)
        {
            return LedgerResult.INVALID_PARTICIPANT;
        }
        if (limit <= 0 || gpus <= 0 || duration <= 0 || (long)gpus * duration > Integer.MAX_VALUE)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        final Bid bid = new Bid();
        bid.participant = participant;
        bid.limit = limit;
        bid.remaining = gpus;
        bid.duration = duration;
        final BigInteger required = worstCase(bid, limit, gpus);
        if (!available.containsKey(participant) || available(participant).compareTo(required) < 0)
        {
            return LedgerResult.INSUFFICIENT_FUNDS;
        }
        if (!withinCap(participant, exposure(participant).add(big(limit).multiply(big(gpus)))))
        {
            return LedgerResult.SPEND_CAP_EXCEEDED;
        }
        bid.held = required;
        bids.put(orderId, bid);
        move(available, participant, held, participant, required);
        return LedgerResult.OK;
    }

    LedgerResult amend(final long orderId, final long limit, final int remaining)
    {
        final Bid bid = bids.get(orderId);
        if (bid == null)
        {
            return LedgerResult.UNKNOWN_ORDER;
        }
        if (limit <= 0 || remaining <= 0 || (long)remaining * bid.duration > Integer.MAX_VALUE)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        final BigInteger required = worstCase(bid, limit, remaining);
        final BigInteger increase = required.subtract(bid.held);
        if (increase.compareTo(available(bid.participant)) > 0)
        {
            return LedgerResult.INSUFFICIENT_FUNDS;
        }
        final BigInteger before = big(bid.limit).multiply(big(bid.remaining));
        final BigInteger after = big(limit).multiply(big(remaining));
        if (after.compareTo(before) > 0 && !withinCap(bid.participant, exposure(bid.participant).subtract(before).add(after)))
        {
            return LedgerResult.SPEND_CAP_EXCEEDED;
        }
        if (increase.signum() > 0)
        {
            move(available, bid.participant, held, bid.participant, increase);
        }
        else
        {
            move(held, bid.participant, available, bid.participant, increase.negate());
        }
        bid.limit = limit;
        bid.remaining = remaining;
        bid.held = required;
        return LedgerResult.OK;
    }

    LedgerResult release(final long orderId)
    {
        final Bid bid = bids.remove(orderId);
        if (bid == null)
        {
            return LedgerResult.UNKNOWN_ORDER;
        }
        move(held, bid.participant, available, bid.participant, bid.held);
        return LedgerResult.OK;
    }

    /** A fill whose lease starts at {@code start} (a preemptor's starts at the hand-over, after the fill). */
    LedgerResult fill(final long start, final long orderId, final long leaseId, final long buyer, final long owner, final long price,
        final int gpus, final int duration, final MakerSide makerSide)
    {
        final Bid bid = bids.get(orderId);
        if (bid == null)
        {
            return LedgerResult.UNKNOWN_ORDER;
        }
        if (leaseId <= 0)
        {
            return LedgerResult.INVALID_ID;
        }
        if (leases.containsKey(leaseId))
        {
            return LedgerResult.DUPLICATE_LEASE;
        }
        if (owner <= 0 || owner == buyer)
        {
            return LedgerResult.INVALID_PARTICIPANT;
        }
        if (price <= 0 || gpus <= 0 || (long)gpus * duration > Integer.MAX_VALUE)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        if (buyer != bid.participant || duration != bid.duration || gpus > bid.remaining || price > bid.limit)
        {
            return LedgerResult.FILL_MISMATCH;
        }
        final boolean buyerMaker = makerSide != MakerSide.OWNER;
        final boolean ownerMaker = makerSide != MakerSide.BUYER;
        final BigInteger n = notional(price, gpus, duration);
        if (buyerMaker)
        {
            bid.makerNotional = bid.makerNotional.add(n);
        }
        else
        {
            bid.takerNotional = bid.takerNotional.add(n);
        }
        final BigInteger feeSoFar = ceilDiv(bid.makerNotional.multiply(big(makerBps)).add(bid.takerNotional.multiply(big(takerBps))),
            TEN_THOUSAND);
        final BigInteger fee = feeSoFar.subtract(bid.feePaid);
        bid.feePaid = feeSoFar;
        bid.remaining -= gpus;
        final BigInteger stillNeeded = worstCase(bid, bid.limit, bid.remaining);
        final BigInteger excess = bid.held.subtract(n).subtract(fee).subtract(stillNeeded);
        if (excess.signum() < 0)
        {
            throw new AssertionError("a fill consumed more than its bid's hold: " + excess);
        }
        bid.held = stillNeeded;
        open(owner);
        held.put(buyer, held(buyer).subtract(n).subtract(fee).subtract(excess));
        available.put(buyer, available(buyer).add(excess));
        escrow = escrow.add(n).add(fee);
        count(n);
        count(fee);
        count(excess);
        final Lease lease = new Lease();
        lease.buyer = buyer;
        lease.owner = owner;
        lease.start = start;
        lease.duration = duration;
        lease.notional = n;
        lease.buyerFee = fee;
        lease.ownerBps = ownerMaker ? makerBps : takerBps;
        lease.price = price;
        lease.totalGpus = gpus;
        lease.gpus = gpus;
        leases.put(leaseId, lease);
        return LedgerResult.OK;
    }

    LedgerResult deliver(final long leaseId, final long until, final boolean end)
    {
        final Lease lease = leases.get(leaseId);
        return lease == null ? LedgerResult.UNKNOWN_LEASE : end ? endGpus(leaseId, lease.gpus, until) : settle(lease, until, 0);
    }

    /** {@code gpus} of the lease's running GPUs end at {@code until}; all of them close the lease. */
    LedgerResult endGpus(final long leaseId, final int gpus, final long until)
    {
        final Lease lease = leases.get(leaseId);
        if (lease == null)
        {
            return LedgerResult.UNKNOWN_LEASE;
        }
        if (gpus <= 0 || gpus > lease.gpus)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        return settle(lease, until, gpus);
    }

    /**
     * Pays the running GPUs' started minutes by {@code until} (GPU-minute shares of notional and
     * buyer fee), then ends {@code endedGpus} of them: the buyer gets the floor of the given-up
     * GPU-minutes' share back, and everything left when the last GPU ends.
     */
    private LedgerResult settle(final Lease lease, final long until, final int endedGpus)
    {
        if (until < lease.start)
        {
            return LedgerResult.INVALID_TIME;
        }
        final long startedMinutes = ceilDiv(big(until - lease.start), big(MINUTE)).longValueExact();
        final int used = (int)Math.max(lease.usedMinutes, Math.min(lease.duration, startedMinutes));
        final BigInteger all = big(lease.totalGpus).multiply(big(lease.duration));
        final BigInteger usedUnits = big(lease.endedUsed).add(big(lease.gpus).multiply(big(used)));
        final BigInteger gross = lease.notional.multiply(usedUnits).divide(all);
        final BigInteger ownerFee = ceilDiv(gross.multiply(big(lease.ownerBps)), TEN_THOUSAND);
        final BigInteger buyerFeeEarned = ceilDiv(lease.buyerFee.multiply(usedUnits), all);
        final BigInteger payout = gross.subtract(ownerFee).subtract(lease.paidGross.subtract(lease.ownerFee));
        final BigInteger feesDue = ownerFee.subtract(lease.ownerFee).add(buyerFeeEarned.subtract(lease.earnedBuyerFee));
        available.put(lease.owner, available(lease.owner).add(payout));
        fees = fees.add(feesDue);
        escrow = escrow.subtract(payout).subtract(feesDue);
        count(payout);
        count(ownerFee.subtract(lease.ownerFee));
        count(buyerFeeEarned.subtract(lease.earnedBuyerFee));
        lease.usedMinutes = used;
        lease.paidGross = gross;
        lease.ownerFee = ownerFee;
        lease.earnedBuyerFee = buyerFeeEarned;
        if (endedGpus == 0)
        {
            return LedgerResult.OK;
        }
        final BigInteger refund;
        if (endedGpus == lease.gpus)
        {
            refund = lease.escrow();
            leases.values().remove(lease);
        }
        else
        {
            lease.endedUsed += (long)endedGpus * used;
            lease.givenUp += (long)endedGpus * (lease.duration - used);
            lease.gpus -= endedGpus;
            final BigInteger refundedSoFar = lease.notional.multiply(big(lease.givenUp)).divide(all)
                .add(lease.buyerFee.multiply(big(lease.givenUp)).divide(all));
            refund = refundedSoFar.subtract(lease.refunded);
            lease.refunded = refundedSoFar;
        }
        available.put(lease.buyer, available(lease.buyer).add(refund));
        escrow = escrow.subtract(refund);
        count(refund);
        return LedgerResult.OK;
    }
}
