package com.offpeak.pipeline;

import com.offpeak.engine.CancelReason;
import com.offpeak.engine.Command;
import com.offpeak.engine.CommandType;
import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.EngineListener;
import com.offpeak.engine.LeaseEndReason;
import com.offpeak.engine.MatchingEngine;
import com.offpeak.engine.OrderStatus;
import com.offpeak.engine.PreTradeCheck;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;
import com.offpeak.engine.TimeInForce;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.journal.OutputEncoder;
import com.offpeak.journal.OutputRecordType;
import com.offpeak.ledger.Ledger;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.ledger.LedgerResult;
import com.offpeak.ledger.MakerSide;
import com.offpeak.ledger.transfer.TransferCodec;
import com.offpeak.ledger.transfer.TransferListener;
import com.offpeak.ledger.transfer.TransferReason;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The exchange's business logic on one thread: the matching engine and the ledger joined.
 * <ol>
 * <li>the engine checks the command (clientOrderId dedupe first, then the fields);</li>
 * <li>the ledger holds a new bid's worst case, or re-sizes it on amend ({@link PreTradeCheck});</li>
 * <li>the engine matches;</li>
 * <li>each engine event settles in the ledger: a fill moves hold into escrow, a cancelled, expired
 *     or completely filled bid releases its hold, an ended lease pays the owner.</li>
 * </ol>
 * Every engine event and every ledger transfer goes to the output, in the order they happen.
 */
public final class Exchange implements StateMachine, PreTradeCheck, EngineListener, TransferListener
{
    /** The transfer record without its leading type byte, which the output record header carries. */
    private static final int TRANSFER_PAYLOAD = TransferCodec.LENGTH - 1;

    private final MatchingEngine engine;
    private final Ledger ledger;
    private OutputEncoder output;
    /**
     * The fill just reported, settled on its {@code leaseStarted}, which follows at once and carries the
     * lease's end: a preemptor's lease starts at the hand-over, not now.
     */
    private int fillDurationMinutes;
    private MakerSide fillMakerSide;
    private int fillBidRemaining;

    private Exchange(final Catalog catalog, final EngineConfig engineConfig, final LedgerConfig ledgerConfig, final DataInput snapshot)
        throws IOException
    {
        if (snapshot == null)
        {
            engine = new MatchingEngine(catalog, engineConfig, this, this);
            ledger = new Ledger(ledgerConfig, this);
        }
        else
        {
            engine = MatchingEngine.readSnapshot(snapshot, catalog, engineConfig, this, this);
            ledger = Ledger.readSnapshot(snapshot, ledgerConfig, this);
        }
    }

    public static StateMachineFactory factory(final Catalog catalog, final EngineConfig engineConfig, final LedgerConfig ledgerConfig)
    {
        return new StateMachineFactory()
        {
            @Override
            public StateMachine create()
            {
                try
                {
                    return new Exchange(catalog, engineConfig, ledgerConfig, null);
                }
                catch (final IOException e)
                {
                    throw new AssertionError("no I/O without a snapshot", e);
                }
            }

            @Override
            public StateMachine restore(final DataInput in) throws IOException
            {
                return new Exchange(catalog, engineConfig, ledgerConfig, in);
            }
        };
    }

    @Override
    public void apply(final InputCommand input, final OutputEncoder output)
    {
        this.output = output;
        final long time = input.timestamp();
        switch (input.type)
        {
            case DEPOSIT -> cashResult(time, input, ledger.deposit(time, input.idempotencyKey, input.account, input.amount));
            case WITHDRAW -> cashResult(time, input, ledger.withdraw(time, input.idempotencyKey, input.account, input.amount));
            case SET_SPENDING_CAP -> spendingCap(time, input);
            case SNAPSHOT -> throw new IllegalArgumentException("snapshot requests are the pipeline's, not the exchange's");
            default -> engine.apply(input.command);
        }
    }

    public MatchingEngine engine()
    {
        return engine;
    }

    public Ledger ledger()
    {
        return ledger;
    }

    @Override
    public long stateHash()
    {
        return engine.stateHash() * 31 + ledger.stateHash();
    }

    /** The engine's and the ledger's own invariants, then that they agree: every open bid is held, every lease escrowed. */
    @Override
    public void validate()
    {
        engine.validate();
        ledger.checkInvariants();
        engine.forEachOrder((orderId, account, side, instrument, price, prioritySeq, open, remaining, leased, retired, posted) ->
        {
            if (side == Side.BID && open && ledger.holdOf(orderId) == Ledger.NONE)
            {
                throw new IllegalStateException("open bid " + orderId + " has no hold in the ledger");
            }
        });
        engine.forEachLease((leaseId, instrument, buyer, owner, bidId, askId, gpus, start, end, price, preemptible) ->
        {
            if (ledger.escrowOf(leaseId) == Ledger.NONE)
            {
                throw new IllegalStateException("running lease " + leaseId + " has no escrow in the ledger");
            }
        });
        if (ledger.openLeases() != leaseCount())
        {
            throw new IllegalStateException("the ledger escrows " + ledger.openLeases() + " leases, the engine runs " + leaseCount());
        }
    }

    @Override
    public void writeSnapshot(final DataOutput out) throws IOException
    {
        engine.writeSnapshot(out);
        ledger.writeSnapshot(out);
    }

    @Override
    public String summary()
    {
        return "stateHash=" + Long.toHexString(stateHash()) + " engineTime=" + engine.now() + " openOrders=" + engine.openOrderCount() +
            " runningLeases=" + leaseCount() + " | ledger: external=" + ledger.externalBalance() + " escrow=" + ledger.escrowTotal() +
            " fees=" + ledger.feesTotal() + " openHolds=" + ledger.openHolds() + " openLeases=" + ledger.openLeases() +
            " lastTransferId=" + ledger.lastTransferId() + " lastChecksum=" + Long.toHexString(ledger.lastChecksum());
    }

    private int leaseCount()
    {
        final int[] count = new int[1];
        engine.forEachLease((leaseId, instrument, buyer, owner, bidId, askId, gpus, start, end, price, preemptible) -> count[0]++);
        return count[0];
    }

    private void cashResult(final long time, final InputCommand input, final LedgerResult result)
    {
        if (result != LedgerResult.OK)
        {
            output.cashRejected(time, input.account, input.idempotencyKey, result.ordinal());
        }
    }

    private void spendingCap(final long time, final InputCommand input)
    {
        final LedgerResult result = ledger.setSpendingCap(input.account, input.amount);
        if (result == LedgerResult.OK)
        {
            output.spendingCapSet(time, input.account, input.amount);
        }
        else
        {
            cashResult(time, input, result);
        }
    }

    // ------------------------------------------------------------------------------------------------ pre-trade (ledger hold)

    @Override
    public RejectCode onPlace(final Command command, final long orderId)
    {
        if (command.type != CommandType.PLACE_BID)
        {
            return null; // owners post capacity, not money
        }
        if (command.substituteCount > 0)
        {
            // One hold for the group, the largest alternative's worst case; every alternative's id reaches it.
            return toRejectCode(ledger.holdSubstitutes(command.timestamp, orderId, command.account, command.price, command.gpus,
                command.durationMinutes, command.substituteCount, command.substitutePrice, command.substituteGpus,
                command.substituteDuration));
        }
        return toRejectCode(ledger.holdBid(command.timestamp, orderId, command.account, command.price, command.gpus,
            command.durationMinutes));
    }

    @Override
    public RejectCode onAmend(final Command command, final Side side, final int instrument, final int oldGpus, final long oldPrice,
        final int durationMinutes)
    {
        return side == Side.BID ? toRejectCode(ledger.amendHold(command.timestamp, command.orderId, command.price, command.gpus)) :
            null;
    }

    private static RejectCode toRejectCode(final LedgerResult result)
    {
        return switch (result)
        {
            case OK -> null;
            case INSUFFICIENT_FUNDS -> RejectCode.INSUFFICIENT_FUNDS;
            case NOTIONAL_OVERFLOW, BALANCE_OVERFLOW -> RejectCode.NOTIONAL_OVERFLOW;
            case SPEND_CAP_EXCEEDED -> RejectCode.SPEND_CAP_EXCEEDED;
            default -> RejectCode.INVALID_COMMAND;
        };
    }

    // ------------------------------------------------------------------------------------------------ engine events: output + settlement

    @Override
    public void accepted(final long time, final long account, final long clientOrderId, final long orderId, final Side side,
        final int instrument, final int gpus, final long price)
    {
        output.accepted(time, account, clientOrderId, orderId, side, instrument, gpus, price);
    }

    @Override
    public void rejected(final long time, final long account, final long clientOrderId, final long orderId, final RejectCode code)
    {
        output.rejected(time, account, clientOrderId, orderId, code);
    }

    @Override
    public void duplicate(final long time, final long account, final long clientOrderId, final long orderId,
        final RejectCode originalReject, final OrderStatus status, final int remainingGpus)
    {
        output.duplicate(time, account, clientOrderId, orderId, originalReject, status, remainingGpus);
    }

    @Override
    public void fill(final long time, final int instrument, final long leaseId, final long bidId, final long askId, final long buyer,
        final long owner, final int gpus, final int durationMinutes, final long price, final Side maker, final int bidRemaining)
    {
        output.fill(time, instrument, leaseId, bidId, askId, buyer, owner, gpus, durationMinutes, price, maker, bidRemaining);
        // A call-auction fill has no maker (null): both sides pay the maker rate.
        fillMakerSide = maker == null ? MakerSide.BOTH : maker == Side.BID ? MakerSide.BUYER : MakerSide.OWNER;
        fillDurationMinutes = durationMinutes;
        fillBidRemaining = bidRemaining;
    }

    @Override
    public void leaseStarted(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long bidId, final long askId, final int gpus, final long start, final long end, final long price,
        final boolean preemptible)
    {
        output.leaseStarted(time, leaseId, instrument, buyer, owner, bidId, askId, gpus, start, end, price, preemptible);
        settled(ledger.fill(time, bidId, leaseId, buyer, owner, price, gpus, fillDurationMinutes, fillMakerSide, end),
            "fill of lease ", leaseId);
        if (fillBidRemaining == 0)
        {
            settled(ledger.releaseHold(time, bidId), "release of the filled bid ", bidId);
        }
    }

    @Override
    public void leaseEnded(final long time, final long leaseId, final int instrument, final long buyer, final long owner,
        final long askId, final int gpus, final LeaseEndReason reason, final boolean returnedToAsk)
    {
        output.leaseEnded(time, leaseId, instrument, buyer, owner, askId, gpus, reason, returnedToAsk);
        // A preemption's hand-over ends only the noticed GPUs (PREEMPTED); the lease runs on with the rest to its own end.
        settled(ledger.gpusEnded(time, leaseId, gpus, time), "end of lease ", leaseId);
    }

    @Override
    public void orderExpired(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus)
    {
        output.orderExpired(time, orderId, account, instrument, side, remainingGpus);
        if (side == Side.BID)
        {
            settled(ledger.releaseHold(time, orderId), "release of the expired bid ", orderId);
        }
    }

    @Override
    public void orderCancelled(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int remainingGpus, final CancelReason reason)
    {
        output.orderCancelled(time, orderId, account, instrument, side, remainingGpus, reason);
        // A substitute voided by its group's first fill holds nothing: the fill moved the group's hold onto the winner.
        if (side == Side.BID && reason != CancelReason.SUBSTITUTE_FILLED)
        {
            settled(ledger.releaseHold(time, orderId), "release of the cancelled bid ", orderId);
        }
    }

    @Override
    public void amended(final long time, final long orderId, final long account, final int instrument, final Side side,
        final int gpus, final long price, final boolean priorityKept)
    {
        output.amended(time, orderId, account, instrument, side, gpus, price, priorityKept);
    }

    @Override
    public void bookChanged(final long time, final int instrument, final Side side, final long price, final int gpus,
        final int orders)
    {
        output.bookChanged(time, instrument, side, price, gpus, orders);
    }

    @Override
    public void preempted(final long time, final long leaseId, final int instrument, final long victim, final long owner,
        final int gpus, final long newEnd, final long preemptorBidId)
    {
        output.preempted(time, leaseId, instrument, victim, owner, gpus, newEnd, preemptorBidId);
    }

    @Override
    public void requeued(final long time, final long orderId, final long originalOrderId, final long account, final int instrument,
        final int gpus, final int durationMinutes, final long price, final TimeInForce timeInForce, final long deadline,
        final boolean contiguous)
    {
        // The ledger already holds the re-queued bid: the engine asked it through onPlace.
        output.requeued(time, orderId, originalOrderId, account, instrument, gpus, durationMinutes, price, timeInForce, deadline,
            contiguous);
    }

    @Override
    public void marketModeChanged(final long time, final int instrument, final int auctionIntervalSeconds, final long effectiveAt)
    {
        output.marketModeChanged(time, instrument, auctionIntervalSeconds, effectiveAt);
    }

    @Override
    public void auctionIndicative(final long time, final int instrument, final long price, final int gpus)
    {
        output.auctionIndicative(time, instrument, price, gpus);
    }

    @Override
    public void auctionCleared(final long time, final int instrument, final long price, final int gpus)
    {
        output.auctionCleared(time, instrument, price, gpus);
    }

    @Override
    public void quoted(final long time, final long account, final long requestId, final int instrument, final int gpus,
        final int durationMinutes, final int fillableGpus, final long notional, final long averagePrice, final boolean cheaper)
    {
        output.quoted(time, account, requestId, instrument, gpus, durationMinutes, fillableGpus, notional, averagePrice, cheaper);
    }

    /**
     * The engine already decided; a ledger that disagrees means engine and ledger state have
     * diverged, which no input may cause. Stop here (the pipeline halts) rather than trade on.
     */
    private static void settled(final LedgerResult result, final String what, final long id)
    {
        if (result != LedgerResult.OK)
        {
            throw new IllegalStateException("ledger refused the " + what + id + ": " + result);
        }
    }

    // ------------------------------------------------------------------------------------------------ ledger transfers

    @Override
    public void onTransfer(final long transferId, final long time, final long debitAccount, final long creditAccount,
        final long amount, final TransferReason reason, final long ref, final long leaseId, final long checksum)
    {
        TransferCodec.encodePayload(output.buffer(), output.reserve(OutputRecordType.TRANSFER, TRANSFER_PAYLOAD), transferId, time,
            debitAccount, creditAccount, amount, reason, ref, leaseId, checksum);
    }
}
