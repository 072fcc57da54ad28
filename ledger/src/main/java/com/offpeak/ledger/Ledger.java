package com.offpeak.ledger;

import com.offpeak.ledger.account.AccountBook;
import com.offpeak.ledger.account.AccountId;
import com.offpeak.ledger.account.AccountKind;
import com.offpeak.ledger.money.Amounts;
import com.offpeak.ledger.transfer.TransferChecksum;
import com.offpeak.ledger.transfer.TransferListener;
import com.offpeak.ledger.transfer.TransferReason;

import org.agrona.collections.Long2LongHashMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The exchange's money: double-entry accounts, bid holds, lease escrow, settlement and fees.
 *
 * <p>Single-threaded and deterministic: time enters only as the {@code time} argument (engine
 * time), and every change is a balanced transfer emitted to the {@link TransferListener} in id
 * order. Every operation returns a {@link LedgerResult}; anything but {@link LedgerResult#OK}
 * means no money moved (a refused deposit or withdrawal is still recorded under its idempotency
 * key). Hot-path operations (hold, amend, fill, release, deliver, lease end) allocate nothing once
 * a participant's accounts exist and the pools are warm.
 *
 * <p>The rules, the rounding and the invariants are in docs/ledger.md.
 */
public final class Ledger
{
    /** Returned by {@link #holdOf} and {@link #escrowOf} when there is no such open record. */
    public static final long NONE = -1;
    /** The spending cap of a participant without one. */
    public static final long NO_CAP = SpendingCaps.NO_CAP;
    /**
     * The most GPU-minutes one bid (GPUs × duration) may have: a lease's settlement shares are
     * fractions of its GPU-minutes, kept in an {@code int} so their products stay within a
     * {@code long} (about 4,000 GPU-years — far beyond any catalog limit).
     */
    public static final long MAX_GPU_MINUTES = Integer.MAX_VALUE;
    /** The most alternatives a substitutes bid may have (its own terms and three substitutes). */
    public static final int MAX_ALTERNATIVES = 4;
    static final long MILLIS_PER_MINUTE = 60_000L;
    private static final int SNAPSHOT_MAGIC = 0x4F50_4C47;
    private static final int SNAPSHOT_VERSION = 3;

    private final LedgerConfig config;
    private final AccountBook book;
    private final EntryIndex<Hold> holds;
    private final EntryIndex<LeaseEscrow> leases;
    private final FundingKeys fundingKeys = new FundingKeys();
    private final SpendingCaps spendingCaps = new SpendingCaps();
    /** Alternative k ≥ 1 of an open substitutes group → the group id, its hold's key; lookup only. */
    private final Long2LongHashMap groupOfAlternative = new Long2LongHashMap(0);
    private final SubstituteGroup stagedGroup = new SubstituteGroup();

    public Ledger(final LedgerConfig config, final TransferListener listener)
    {
        this.config = config;
        this.book = new AccountBook(listener);
        this.holds = new EntryIndex<>(Hold::new, config.preallocatedEntries());
        this.leases = new EntryIndex<>(LeaseEscrow::new, config.preallocatedEntries());
    }

    // ----------------------------------------------------------------------------------------- deposits and withdrawals

    /** Credits {@code amount} to the participant's available funds, once per idempotency key. */
    public LedgerResult deposit(final long time, final long idempotencyKey, final long participant, final long amount)
    {
        final LedgerResult answered = screenFunding(FundingKeys.DEPOSIT, idempotencyKey, participant, amount);
        if (answered != null)
        {
            return answered;
        }
        final LedgerResult result;
        // -EXTERNAL is all the money inside the exchange; keeping it within a long keeps every balance within one.
        if (amount > Long.MAX_VALUE + book.balance(AccountBook.EXTERNAL_SLOT))
        {
            result = LedgerResult.BALANCE_OVERFLOW;
        }
        else
        {
            final int slot = book.openAccounts(participant);
            book.post(time, AccountBook.EXTERNAL_SLOT, slot, amount, TransferReason.DEPOSIT, idempotencyKey, 0);
            result = LedgerResult.OK;
        }
        fundingKeys.record(idempotencyKey, FundingKeys.DEPOSIT, participant, amount, result);
        return result;
    }

    /** Pays {@code amount} out of the participant's available funds, once per idempotency key; never more than available. */
    public LedgerResult withdraw(final long time, final long idempotencyKey, final long participant, final long amount)
    {
        final LedgerResult answered = screenFunding(FundingKeys.WITHDRAWAL, idempotencyKey, participant, amount);
        if (answered != null)
        {
            return answered;
        }
        final int slot = book.availableSlot(participant);
        final LedgerResult result;
        if (slot == AccountBook.NO_SLOT || book.balance(slot) < amount)
        {
            result = LedgerResult.INSUFFICIENT_FUNDS;
        }
        else
        {
            book.post(time, slot, AccountBook.EXTERNAL_SLOT, amount, TransferReason.WITHDRAWAL, idempotencyKey, 0);
            result = LedgerResult.OK;
        }
        fundingKeys.record(idempotencyKey, FundingKeys.WITHDRAWAL, participant, amount, result);
        return result;
    }

    /**
     * Invalid requests are refused without being recorded; a used key gets its recorded answer (or
     * a conflict). {@code null}: a new, valid request.
     */
    private LedgerResult screenFunding(final byte kind, final long idempotencyKey, final long participant, final long amount)
    {
        if (idempotencyKey <= 0)
        {
            return LedgerResult.INVALID_ID;
        }
        if (!AccountId.isValidParticipant(participant))
        {
            return LedgerResult.INVALID_PARTICIPANT;
        }
        if (amount <= 0)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        return fundingKeys.replay(idempotencyKey, kind, participant, amount);
    }

    // ----------------------------------------------------------------------------------------- holds

    /** Holds a new bid's worst case: its limit notional plus the taker fee on it. */
    public LedgerResult holdBid(final long time, final long orderId, final long participant, final long limitPrice, final int gpus,
        final int durationMinutes)
    {
        if (orderId <= 0)
        {
            return LedgerResult.INVALID_ID;
        }
        if (isHeld(orderId))
        {
            return LedgerResult.DUPLICATE_ORDER;
        }
        if (!AccountId.isValidParticipant(participant))
        {
            return LedgerResult.INVALID_PARTICIPANT;
        }
        if (limitPrice <= 0 || gpus <= 0 || durationMinutes <= 0 || (long)gpus * durationMinutes > MAX_GPU_MINUTES)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        final long required = Hold.required(config, limitPrice, gpus, durationMinutes, 0, 0, 0);
        if (required == Amounts.OVERFLOW)
        {
            return LedgerResult.NOTIONAL_OVERFLOW;
        }
        final int slot = book.availableSlot(participant);
        if (slot == AccountBook.NO_SLOT || book.balance(slot) < required)
        {
            return LedgerResult.INSUFFICIENT_FUNDS;
        }
        // Fits: limit × gpus × duration did.
        final long hourly = Amounts.hourly(limitPrice, gpus);
        final int participantIndex = AccountBook.participantIndex(slot);
        if (!spendingCaps.allows(participantIndex, hourly))
        {
            return LedgerResult.SPEND_CAP_EXCEEDED;
        }
        spendingCaps.addExposure(participantIndex, hourly);
        holds.add(orderId).open(participant, slot, limitPrice, gpus, durationMinutes, required);
        book.post(time, slot, AccountBook.heldSlot(slot), required, TransferReason.HOLD, orderId, 0);
        return LedgerResult.OK;
    }

    /**
     * Holds a substitutes bid (docs/matching.md, "Substitutes"): alternative 0 is the bid's own
     * terms, alternative k the k-th substitute, order {@code groupId + k}. Only the first fill of
     * one alternative can trade (it voids the others), so the hold is the largest alternative's
     * worst case, not the sum, and the spending exposure the largest limit × GPUs. One hold under
     * the group id covers every alternative: {@link #fill}, {@link #releaseHold} and
     * {@link #holdOf} take any alternative's id.
     */
    public LedgerResult holdSubstitutes(final long time, final long groupId, final long participant, final long limitPrice,
        final int gpus, final int durationMinutes, final int substituteCount, final long[] substituteLimitPrices,
        final int[] substituteGpus, final int[] substituteDurations)
    {
        final int alternatives = substituteCount + 1;
        if (groupId <= 0 || groupId > Long.MAX_VALUE - MAX_ALTERNATIVES)
        {
            return LedgerResult.INVALID_ID;
        }
        if (substituteCount < 0 || alternatives > MAX_ALTERNATIVES)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        for (int k = 0; k < alternatives; k++)
        {
            if (isHeld(groupId + k))
            {
                return LedgerResult.DUPLICATE_ORDER;
            }
        }
        if (!AccountId.isValidParticipant(participant))
        {
            return LedgerResult.INVALID_PARTICIPANT;
        }
        // Staged aside: the hold is opened only once every check passed.
        final SubstituteGroup group = stagedGroup;
        group.set(0, limitPrice, gpus, durationMinutes);
        for (int k = 1; k < alternatives; k++)
        {
            group.set(k, substituteLimitPrices[k - 1], substituteGpus[k - 1], substituteDurations[k - 1]);
        }
        group.openAll(alternatives);
        for (int k = 0; k < alternatives; k++)
        {
            if (group.limitPrice(k) <= 0 || group.gpus(k) <= 0 || group.durationMinutes(k) <= 0 ||
                (long)group.gpus(k) * group.durationMinutes(k) > MAX_GPU_MINUTES)
            {
                return LedgerResult.INVALID_AMOUNT;
            }
            if (group.worstCase(config, k) == Amounts.OVERFLOW)
            {
                return LedgerResult.NOTIONAL_OVERFLOW;
            }
        }
        final int largest = group.largestOpen(config);
        final long required = group.worstCase(config, largest);
        final int slot = book.availableSlot(participant);
        if (slot == AccountBook.NO_SLOT || book.balance(slot) < required)
        {
            return LedgerResult.INSUFFICIENT_FUNDS;
        }
        final long hourly = group.largestOpenHourly();
        final int participantIndex = AccountBook.participantIndex(slot);
        if (!spendingCaps.allows(participantIndex, hourly))
        {
            return LedgerResult.SPEND_CAP_EXCEEDED;
        }
        spendingCaps.addExposure(participantIndex, hourly);
        final Hold hold = holds.add(groupId);
        hold.open(participant, slot, group.limitPrice(largest), group.gpus(largest), group.durationMinutes(largest), required);
        hold.group.copyFrom(group);
        for (int k = 1; k < alternatives; k++)
        {
            groupOfAlternative.put(groupId + k, groupId);
        }
        book.post(time, slot, AccountBook.heldSlot(slot), required, TransferReason.HOLD, groupId, 0);
        return LedgerResult.OK;
    }

    /** Whether this order id keys an open hold or maps to one (an alternative k ≥ 1 of an open group). */
    private boolean isHeld(final long orderId)
    {
        return holds.get(orderId) != null || groupOfAlternative.containsKey(orderId);
    }

    /** The hold covering bid {@code orderId}: its own, or its group's while it is an open alternative or the winner; else null. */
    private Hold holdCovering(final long orderId)
    {
        final long groupId = groupOfAlternative.get(orderId);
        final Hold hold = holds.get(groupId == 0 ? orderId : groupId);
        if (hold == null || (hold.group.isGroup() && !hold.group.covers((int)(orderId - hold.orderId()))))
        {
            return null;
        }
        return hold;
    }

    /** Re-sizes an open bid's hold to its worst case at a new limit and remaining GPUs; growing needs the funds. */
    public LedgerResult amendHold(final long time, final long orderId, final long newLimitPrice, final int newRemainingGpus)
    {
        final Hold hold = holds.get(orderId);
        // A substitutes bid is never amended (the engine's SUBSTITUTE_NOT_AMENDABLE): cancel and replace.
        if (hold == null || hold.group.isGroup())
        {
            return LedgerResult.UNKNOWN_ORDER;
        }
        if (newLimitPrice <= 0 || newRemainingGpus <= 0 || (long)newRemainingGpus * hold.durationMinutes > MAX_GPU_MINUTES)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        final long required = hold.requiredFor(config, newLimitPrice, newRemainingGpus);
        if (required == Amounts.OVERFLOW)
        {
            return LedgerResult.NOTIONAL_OVERFLOW;
        }
        final int slot = hold.availableSlot;
        final long increase = required - hold.amount;
        if (increase > book.balance(slot))
        {
            return LedgerResult.INSUFFICIENT_FUNDS;
        }
        // Fits: the new limit × GPUs × duration did.
        final long hourlyIncrease = Amounts.hourly(newLimitPrice, newRemainingGpus) - Amounts.hourly(hold.limitPrice, hold.remainingGpus);
        final int participantIndex = AccountBook.participantIndex(slot);
        if (hourlyIncrease > 0 && !spendingCaps.allows(participantIndex, hourlyIncrease))
        {
            return LedgerResult.SPEND_CAP_EXCEEDED;
        }
        spendingCaps.addExposure(participantIndex, hourlyIncrease);
        if (increase > 0)
        {
            book.post(time, slot, AccountBook.heldSlot(slot), increase, TransferReason.HOLD, orderId, 0);
        }
        else
        {
            book.post(time, AccountBook.heldSlot(slot), slot, -increase, TransferReason.RELEASE, orderId, 0);
        }
        hold.limitPrice = newLimitPrice;
        hold.remainingGpus = newRemainingGpus;
        hold.amount = required;
        return LedgerResult.OK;
    }

    /**
     * The bid is done (cancelled, expired, IOC remainder, fully filled): what is left of its hold goes back to available.
     * For an alternative of an undecided substitutes group, the hold shrinks to the largest alternative still open and
     * goes back whole with the last; a decided group's hold goes back with its winner. Voided alternatives (cancelled
     * {@code SUBSTITUTE_FILLED}) hold nothing: they are {@code UNKNOWN_ORDER}.
     */
    public LedgerResult releaseHold(final long time, final long orderId)
    {
        final Hold hold = holdCovering(orderId);
        if (hold == null)
        {
            return LedgerResult.UNKNOWN_ORDER;
        }
        final int slot = hold.availableSlot;
        final int participantIndex = AccountBook.participantIndex(slot);
        final SubstituteGroup group = hold.group;
        final long groupId = hold.orderId();
        if (orderId != groupId)
        {
            groupOfAlternative.remove(orderId);
        }
        if (group.isUndecided())
        {
            final long hourlyBefore = hold.hourly();
            group.open &= ~(1 << (int)(orderId - groupId));
            if (group.isUndecided())
            {
                spendingCaps.addExposure(participantIndex, hold.hourly() - hourlyBefore);
                hold.useAlternative(group.largestOpen(config));
                final long required = hold.requiredFor(config, hold.limitPrice, hold.remainingGpus);
                book.post(time, AccountBook.heldSlot(slot), slot, hold.amount - required, TransferReason.RELEASE, groupId, 0);
                hold.amount = required;
                return LedgerResult.OK;
            }
            spendingCaps.addExposure(participantIndex, -hourlyBefore);
        }
        else
        {
            spendingCaps.addExposure(participantIndex, -hold.hourly());
        }
        book.post(time, AccountBook.heldSlot(slot), slot, hold.amount, TransferReason.RELEASE, groupId, 0);
        holds.remove(hold);
        return LedgerResult.OK;
    }

    /**
     * The group's first fill, of alternative k: the group's hold becomes alternative k's own (its worst case, its
     * exposure); its siblings are void. The excess over the winner's worst case goes back with the fill's release.
     */
    private void decide(final Hold hold, final int k)
    {
        final SubstituteGroup group = hold.group;
        final long hourlyBefore = hold.hourly();
        for (int sibling = 1; sibling < group.count; sibling++)
        {
            if (sibling != k && (group.open & (1 << sibling)) != 0)
            {
                groupOfAlternative.remove(hold.orderId() + sibling);
            }
        }
        group.open = 0;
        group.winner = k;
        hold.useAlternative(k);
        spendingCaps.addExposure(AccountBook.participantIndex(hold.availableSlot), hold.hourly() - hourlyBefore);
    }

    // ----------------------------------------------------------------------------------------- settlement

    /**
     * Settles a fill into escrow: the notional and the buyer's fee move from the bid's hold into
     * escrow for the new lease, and the hold shrinks to the remaining worst case (releasing what
     * the fill bought below the limit). The lease runs {@code durationMinutes} up to
     * {@code leaseEnd}.
     */
    public LedgerResult fill(final long time, final long bidOrderId, final long leaseId, final long buyer, final long owner,
        final long price, final int gpus, final int durationMinutes, final MakerSide makerSide, final long leaseEnd)
    {
        final Hold hold = holdCovering(bidOrderId);
        if (hold == null)
        {
            return LedgerResult.UNKNOWN_ORDER;
        }
        final int alternative = (int)(bidOrderId - hold.orderId());
        // An undecided group is checked against the filled alternative's own terms.
        final boolean deciding = hold.group.isUndecided();
        final long limitPrice = deciding ? hold.group.limitPrice(alternative) : hold.limitPrice;
        final int remainingGpus = deciding ? hold.group.gpus(alternative) : hold.remainingGpus;
        final int bidDuration = deciding ? hold.group.durationMinutes(alternative) : hold.durationMinutes;
        if (leaseId <= 0)
        {
            return LedgerResult.INVALID_ID;
        }
        if (leases.get(leaseId) != null)
        {
            return LedgerResult.DUPLICATE_LEASE;
        }
        if (!AccountId.isValidParticipant(owner) || owner == buyer)
        {
            return LedgerResult.INVALID_PARTICIPANT;
        }
        if (price <= 0 || gpus <= 0 || (long)gpus * durationMinutes > MAX_GPU_MINUTES)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        if (buyer != hold.participant || durationMinutes != bidDuration || makerSide == null || gpus > remainingGpus ||
            price > limitPrice)
        {
            return LedgerResult.FILL_MISMATCH;
        }
        final long lengthMillis = durationMinutes * MILLIS_PER_MINUTE;
        if (leaseEnd < time || leaseEnd < lengthMillis)
        {
            return LedgerResult.INVALID_TIME;
        }
        final long start = leaseEnd - lengthMillis;
        if (deciding)
        {
            decide(hold, alternative);
        }
        // A group's transfers and lease name the group id: the id its hold was taken under.
        final long orderId = hold.orderId();
        // Fits: price ≤ limit and gpus ≤ remaining, and the hold's worst case at the limit was computed without overflow.
        final long notional = Amounts.notional(price, gpus, durationMinutes);
        final long buyerFee = hold.chargeFill(config, notional, gpus, makerSide.buyerIsMaker());
        final long remainingWorstCase = hold.requiredFor(config, hold.limitPrice, hold.remainingGpus);
        final long excess = hold.amount - notional - buyerFee - remainingWorstCase;
        hold.amount = remainingWorstCase;

        final int buyerSlot = hold.availableSlot;
        final int ownerSlot = book.openAccounts(owner);
        final int ownerBps = makerSide.ownerIsMaker() ? config.makerBps() : config.takerBps();
        // The filled GPUs stop counting at the limit and count at the trade price while the lease runs.
        final long leaseHourly = Amounts.hourly(price, gpus);
        spendingCaps.addExposure(AccountBook.participantIndex(buyerSlot), leaseHourly - Amounts.hourly(hold.limitPrice, gpus));
        leases.add(leaseId).open(orderId, buyer, buyerSlot, owner, ownerSlot, start, durationMinutes, notional, buyerFee, ownerBps,
            price, gpus);

        final int heldSlot = AccountBook.heldSlot(buyerSlot);
        book.post(time, heldSlot, AccountBook.ESCROW_SLOT, notional, TransferReason.FILL_NOTIONAL, orderId, leaseId);
        book.post(time, heldSlot, AccountBook.ESCROW_SLOT, buyerFee, TransferReason.FILL_FEE, orderId, leaseId);
        book.post(time, heldSlot, buyerSlot, excess, TransferReason.RELEASE, orderId, 0);
        return LedgerResult.OK;
    }

    /** Streams the payout: pays the owner (and fees) for the lease's minutes delivered by {@code deliveredUntil}. */
    public LedgerResult deliver(final long time, final long leaseId, final long deliveredUntil)
    {
        final LeaseEscrow lease = leases.get(leaseId);
        if (lease == null)
        {
            return LedgerResult.UNKNOWN_LEASE;
        }
        if (deliveredUntil < lease.start)
        {
            return LedgerResult.INVALID_TIME;
        }
        settle(time, lease, lease.minutesDeliveredBy(deliveredUntil));
        return LedgerResult.OK;
    }

    /**
     * The lease ended at {@code endTime} with all the GPUs it still runs: escrow pays the owner for
     * the minutes used (started minutes count whole) less the owner's fee, fees earn both fees on
     * the used part, and the unused part of notional and buyer fee goes back to the buyer's
     * available funds. At the natural end nothing is unused.
     */
    public LedgerResult leaseEnded(final long time, final long leaseId, final long endTime)
    {
        final LeaseEscrow lease = leases.get(leaseId);
        return lease == null ? LedgerResult.UNKNOWN_LEASE : gpusEnded(time, leaseId, lease.gpus, endTime);
    }

    /**
     * {@code gpus} of the lease's running GPUs ended at {@code endTime} (a preemption's hand-over
     * takes part of a lease early): the running GPUs are settled up to then as {@link #deliver}
     * does, then the ended GPUs' unused minutes go back to the buyer (notional and buyer fee, the
     * buyer's cumulative floor share), and the lease runs on with the rest of its escrow for its
     * other GPUs. Ending all of them is {@link #leaseEnded}: the last refund is the remainder.
     */
    public LedgerResult gpusEnded(final long time, final long leaseId, final int gpus, final long endTime)
    {
        final LeaseEscrow lease = leases.get(leaseId);
        if (lease == null)
        {
            return LedgerResult.UNKNOWN_LEASE;
        }
        if (gpus <= 0 || gpus > lease.gpus)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        if (endTime < lease.start)
        {
            return LedgerResult.INVALID_TIME;
        }
        final int minutes = lease.minutesDeliveredBy(endTime);
        settle(time, lease, minutes);
        final int buyerIndex = AccountBook.participantIndex(lease.buyerSlot);
        if (gpus == lease.gpus)
        {
            book.post(time, AccountBook.ESCROW_SLOT, lease.buyerSlot, lease.remainingEscrow(), TransferReason.REFUND, lease.orderId,
                leaseId);
            spendingCaps.addExposure(buyerIndex, -lease.hourly());
            leases.remove(lease);
        }
        else
        {
            spendingCaps.addExposure(buyerIndex, -lease.price * gpus);
            book.post(time, AccountBook.ESCROW_SLOT, lease.buyerSlot, lease.endGpus(gpus, minutes), TransferReason.REFUND, lease.orderId,
                leaseId);
        }
        return LedgerResult.OK;
    }

    private void settle(final long time, final LeaseEscrow lease, final int minutes)
    {
        final int usedUnits = lease.usedUnitsAt(minutes);
        final long gross = lease.grossDeliveredAt(usedUnits);
        final long ownerFee = Amounts.fee(gross, lease.ownerBps);
        final long buyerFeeEarned = lease.buyerFeeEarnedAt(usedUnits);
        final long payout = (gross - ownerFee) - (lease.deliveredNotional - lease.ownerFeeCharged);
        final long ownerFeeDue = ownerFee - lease.ownerFeeCharged;
        final long buyerFeeDue = buyerFeeEarned - lease.deliveredBuyerFee;
        lease.deliveredMinutes = minutes;
        lease.deliveredNotional = gross;
        lease.ownerFeeCharged = ownerFee;
        lease.deliveredBuyerFee = buyerFeeEarned;

        final long leaseId = lease.leaseId();
        book.post(time, AccountBook.ESCROW_SLOT, lease.ownerSlot, payout, TransferReason.PAYOUT, lease.orderId, leaseId);
        book.post(time, AccountBook.ESCROW_SLOT, AccountBook.FEES_SLOT, ownerFeeDue, TransferReason.OWNER_FEE, lease.orderId, leaseId);
        book.post(time, AccountBook.ESCROW_SLOT, AccountBook.FEES_SLOT, buyerFeeDue, TransferReason.BUYER_FEE, lease.orderId, leaseId);
    }

    // ----------------------------------------------------------------------------------------- spending caps

    /**
     * Caps the participant's exposure — Σ(limit × GPUs) over open bids + Σ(price × GPUs) over
     * running leases, micro-USD per hour — checked when a bid is held or grows by amend;
     * {@link #NO_CAP} removes the cap. Moves no money. Lowering a cap below the current exposure
     * refuses new exposure only.
     */
    public LedgerResult setSpendingCap(final long participant, final long capPerHour)
    {
        if (!AccountId.isValidParticipant(participant))
        {
            return LedgerResult.INVALID_PARTICIPANT;
        }
        if (capPerHour < 0)
        {
            return LedgerResult.INVALID_AMOUNT;
        }
        spendingCaps.setCap(AccountBook.participantIndex(book.openAccounts(participant)), capPerHour);
        return LedgerResult.OK;
    }

    /** The participant's cap per hour, {@link #NO_CAP} if none. */
    public long spendingCap(final long participant)
    {
        final int slot = book.availableSlot(participant);
        return slot == AccountBook.NO_SLOT ? NO_CAP : spendingCaps.cap(AccountBook.participantIndex(slot));
    }

    /** Σ(limit × GPUs) over the participant's open bids + Σ(price × GPUs) over its running leases. */
    public long spendingExposure(final long participant)
    {
        final int slot = book.availableSlot(participant);
        return slot == AccountBook.NO_SLOT ? 0 : spendingCaps.exposure(AccountBook.participantIndex(slot));
    }

    // ----------------------------------------------------------------------------------------- queries

    public LedgerConfig config()
    {
        return config;
    }

    /** A participant account's balance; 0 for a participant without accounts. System kinds ignore the participant. */
    public long balance(final long participant, final AccountKind kind)
    {
        switch (kind)
        {
            case EXTERNAL:
                return book.balance(AccountBook.EXTERNAL_SLOT);
            case ESCROW:
                return book.balance(AccountBook.ESCROW_SLOT);
            case FEES:
                return book.balance(AccountBook.FEES_SLOT);
            default:
                final int slot = book.availableSlot(participant);
                if (slot == AccountBook.NO_SLOT)
                {
                    return 0;
                }
                return book.balance(kind == AccountKind.AVAILABLE ? slot : AccountBook.heldSlot(slot));
        }
    }

    public long escrowTotal()
    {
        return book.balance(AccountBook.ESCROW_SLOT);
    }

    public long feesTotal()
    {
        return book.balance(AccountBook.FEES_SLOT);
    }

    /** Withdrawals − deposits: minus all the money inside the exchange. */
    public long externalBalance()
    {
        return book.balance(AccountBook.EXTERNAL_SLOT);
    }

    /** The open hold of a bid, or {@link #NONE}. */
    public long holdOf(final long orderId)
    {
        final Hold hold = holdCovering(orderId);
        return hold == null ? NONE : hold.amount;
    }

    /** What escrow still holds for a lease, or {@link #NONE}. */
    public long escrowOf(final long leaseId)
    {
        final LeaseEscrow lease = leases.get(leaseId);
        return lease == null ? NONE : lease.remainingEscrow();
    }

    public int openHolds()
    {
        return holds.size();
    }

    public int openLeases()
    {
        return leases.size();
    }

    /** The id of the last transfer emitted (0 before the first): with {@link #lastChecksum()} the journal's expected head. */
    public long lastTransferId()
    {
        return book.nextTransferId() - 1;
    }

    public long lastChecksum()
    {
        return book.lastChecksum();
    }

    /** A hash of the whole state, walked in deterministic order; equal states give equal hashes. */
    public long stateHash()
    {
        long hash = book.stateHash(TransferChecksum.fold(config.makerBps(), config.takerBps()));
        for (Hold hold = holds.first(); hold != null; hold = holds.after(hold))
        {
            hash = hold.hash(hash);
        }
        for (LeaseEscrow lease = leases.first(); lease != null; lease = leases.after(lease))
        {
            hash = lease.hash(hash);
        }
        hash = spendingCaps.hash(hash, book.participantCount());
        return fundingKeys.hash(hash);
    }

    /**
     * Checks every ledger invariant (docs/ledger.md) and throws {@link IllegalStateException}
     * naming the first violation. Walks everything: for tests and recovery, not the hot path.
     */
    public void checkInvariants()
    {
        final int slots = book.slotCount();
        long sum = 0;
        for (int slot = 0; slot < slots; slot++)
        {
            sum += book.balance(slot);
            if (slot != AccountBook.EXTERNAL_SLOT && book.balance(slot) < 0)
            {
                throw violation("account " + book.accountId(slot) + " is negative: " + book.balance(slot));
            }
        }
        if (sum != 0)
        {
            throw violation("debits and credits differ: balances sum to " + sum);
        }
        final long[] heldByHolds = new long[slots];
        int mappedAlternatives = 0;
        for (Hold hold = holds.first(); hold != null; hold = holds.after(hold))
        {
            final long required = hold.requiredFor(config, hold.limitPrice, hold.remainingGpus);
            if (hold.amount != required)
            {
                throw violation("hold of order " + hold.orderId() + " is " + hold.amount + ", its worst case is " + required);
            }
            heldByHolds[AccountBook.heldSlot(hold.availableSlot)] += hold.amount;
            mappedAlternatives += checkGroup(hold);
        }
        if (groupOfAlternative.size() != mappedAlternatives)
        {
            throw violation(groupOfAlternative.size() + " substitutes alternatives are mapped to groups, open groups have " +
                mappedAlternatives);
        }
        for (int slot = AccountBook.heldSlot(AccountBook.FIRST_PARTICIPANT_SLOT); slot < slots; slot += 2)
        {
            if (book.balance(slot) != heldByHolds[slot])
            {
                throw violation("account " + book.accountId(slot) + " holds " + book.balance(slot) + " but its open bids hold " +
                    heldByHolds[slot]);
            }
        }
        long undelivered = 0;
        for (LeaseEscrow lease = leases.first(); lease != null; lease = leases.after(lease))
        {
            if (lease.remainingEscrow() < 0 || lease.deliveredNotional + lease.refundedNotional > lease.notional ||
                lease.deliveredBuyerFee + lease.refundedBuyerFee > lease.buyerFee)
            {
                throw violation("lease " + lease.leaseId() + " delivered more than its escrow");
            }
            undelivered += lease.remainingEscrow();
        }
        if (undelivered != book.balance(AccountBook.ESCROW_SLOT))
        {
            throw violation("escrow is " + book.balance(AccountBook.ESCROW_SLOT) + " but leases hold " + undelivered);
        }
        final long[] exposures = new long[book.participantCount()];
        for (Hold hold = holds.first(); hold != null; hold = holds.after(hold))
        {
            exposures[AccountBook.participantIndex(hold.availableSlot)] += hold.hourly();
        }
        for (LeaseEscrow lease = leases.first(); lease != null; lease = leases.after(lease))
        {
            exposures[AccountBook.participantIndex(lease.buyerSlot)] += lease.hourly();
        }
        for (int index = 0; index < exposures.length; index++)
        {
            if (spendingCaps.exposure(index) != exposures[index])
            {
                throw violation("participant " + book.participantAt(index) + " has exposure " + spendingCaps.exposure(index) +
                    " but its bids and leases add up to " + exposures[index]);
            }
        }
    }

    /**
     * A substitutes group's hold: an undecided group holds its largest open alternative; every alternative k ≥ 1 it
     * covers is mapped to it, and no other. Returns how many are mapped.
     */
    private int checkGroup(final Hold hold)
    {
        final SubstituteGroup group = hold.group;
        int mapped = 0;
        for (int k = 0; k < group.count; k++)
        {
            if (group.worstCase(config, k) == Amounts.OVERFLOW)
            {
                throw violation("alternative " + k + " of substitutes group " + hold.orderId() + " overflows");
            }
            final boolean isMapped = groupOfAlternative.get(hold.orderId() + k) == hold.orderId();
            if (k > 0 && isMapped != group.covers(k))
            {
                throw violation("alternative " + k + " of substitutes group " + hold.orderId() + " is mapped: " + isMapped);
            }
            mapped += k > 0 && isMapped ? 1 : 0;
        }
        if (group.isUndecided())
        {
            final int largest = group.largestOpen(config);
            if (hold.makerNotional != 0 || hold.takerNotional != 0 || hold.limitPrice != group.limitPrice(largest) ||
                hold.remainingGpus != group.gpus(largest) || hold.durationMinutes != group.durationMinutes(largest))
            {
                throw violation("undecided substitutes group " + hold.orderId() + " does not hold its largest open alternative");
            }
        }
        return mapped;
    }

    private static IllegalStateException violation(final String message)
    {
        return new IllegalStateException("ledger invariant violated: " + message);
    }

    // ----------------------------------------------------------------------------------------- snapshot

    /** Writes the exact state; {@link #readSnapshot} restores a ledger whose future transfers are identical byte for byte. */
    public void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeInt(SNAPSHOT_VERSION);
        out.writeInt(config.makerBps());
        out.writeInt(config.takerBps());
        book.writeTo(out);
        for (int index = 0; index < book.participantCount(); index++)
        {
            out.writeLong(spendingCaps.cap(index));
        }
        out.writeInt(holds.size());
        for (Hold hold = holds.first(); hold != null; hold = holds.after(hold))
        {
            hold.writeTo(out);
        }
        out.writeInt(leases.size());
        for (LeaseEscrow lease = leases.first(); lease != null; lease = leases.after(lease))
        {
            lease.writeTo(out);
        }
        fundingKeys.writeTo(out);
        out.writeLong(stateHash());
    }

    /**
     * Restores a ledger written by {@link #writeSnapshot}. A snapshot that is malformed, taken
     * under other fee rates, fails its state hash or breaks an invariant is refused with an
     * {@link IOException} saying why.
     */
    public static Ledger readSnapshot(final DataInput in, final LedgerConfig config, final TransferListener listener) throws IOException
    {
        if (in.readInt() != SNAPSHOT_MAGIC || in.readInt() != SNAPSHOT_VERSION)
        {
            throw new IOException("not a ledger snapshot of version " + SNAPSHOT_VERSION);
        }
        final int makerBps = in.readInt();
        final int takerBps = in.readInt();
        if (makerBps != config.makerBps() || takerBps != config.takerBps())
        {
            throw new IOException("snapshot was taken with maker/taker " + makerBps + "/" + takerBps + " bps, not " + config);
        }
        final Ledger ledger = new Ledger(config, listener);
        ledger.book.readFrom(in);
        ledger.readSpendingCaps(in);
        ledger.readHolds(in);
        ledger.readLeases(in);
        ledger.fundingKeys.readFrom(in);
        final long expectedHash = in.readLong();
        if (ledger.stateHash() != expectedHash)
        {
            throw new IOException("snapshot state hash does not match its content");
        }
        try
        {
            ledger.checkInvariants();
        }
        catch (final IllegalStateException ex)
        {
            throw new IOException("snapshot breaks an invariant: " + ex.getMessage(), ex);
        }
        return ledger;
    }

    private void readSpendingCaps(final DataInput in) throws IOException
    {
        for (int index = 0; index < book.participantCount(); index++)
        {
            final long cap = in.readLong();
            if (cap < 0)
            {
                throw new IOException("snapshot has a negative spending cap for participant " + book.participantAt(index));
            }
            spendingCaps.setCap(index, cap);
        }
    }

    /** Exposure is not stored: it is re-derived from the restored holds and leases as they are read. */
    private void readHolds(final DataInput in) throws IOException
    {
        final int count = in.readInt();
        for (int i = 0; i < count; i++)
        {
            final long orderId = in.readLong();
            final long participant = in.readLong();
            final int slot = book.availableSlot(participant);
            if (orderId <= 0 || orderId > Long.MAX_VALUE - MAX_ALTERNATIVES || slot == AccountBook.NO_SLOT || isHeld(orderId))
            {
                throw new IOException("snapshot has a malformed hold for order " + orderId);
            }
            final Hold hold = holds.add(orderId);
            hold.readFrom(in, participant, slot);
            for (int k = 1; k < hold.group.count; k++)
            {
                if (hold.group.covers(k))
                {
                    if (isHeld(orderId + k))
                    {
                        throw new IOException("snapshot has two holds for order " + (orderId + k));
                    }
                    groupOfAlternative.put(orderId + k, orderId);
                }
            }
            spendingCaps.addExposure(AccountBook.participantIndex(slot), hold.hourly());
        }
    }

    private void readLeases(final DataInput in) throws IOException
    {
        final int count = in.readInt();
        for (int i = 0; i < count; i++)
        {
            final long leaseId = in.readLong();
            final long orderId = in.readLong();
            final long buyer = in.readLong();
            final long owner = in.readLong();
            final int buyerSlot = book.availableSlot(buyer);
            final int ownerSlot = book.availableSlot(owner);
            if (leaseId <= 0 || buyerSlot == AccountBook.NO_SLOT || ownerSlot == AccountBook.NO_SLOT || leases.get(leaseId) != null)
            {
                throw new IOException("snapshot has a malformed escrow for lease " + leaseId);
            }
            final LeaseEscrow lease = leases.add(leaseId);
            lease.readFrom(in, orderId, buyer, buyerSlot, owner, ownerSlot);
            spendingCaps.addExposure(AccountBook.participantIndex(buyerSlot), lease.hourly());
        }
    }
}
