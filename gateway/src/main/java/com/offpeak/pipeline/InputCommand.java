package com.offpeak.pipeline;

import com.offpeak.engine.Command;
import com.offpeak.engine.CommandType;

/**
 * One sequenced input, exactly as journaled: the pipeline's sequence number and stamped time,
 * then either an engine {@link Command} or a ledger cash movement. A mutable, reusable slot like
 * {@code Command} itself, so producers, the journal and replay never allocate per command.
 *
 * <p>The sequencer owns {@link #sequence} and the timestamp (it overwrites whatever a producer
 * put there); producers fill in the rest through the setters.
 */
public final class InputCommand
{
    /** The engine command; its {@code timestamp} is the sequenced time of this input. */
    public final Command command = new Command();
    public InputType type;
    public long sequence;
    /** DEPOSIT / WITHDRAW / SET_SPENDING_CAP only. */
    public long account;
    /** DEPOSIT / WITHDRAW only: micro-USD, positive; SET_SPENDING_CAP: the cap, micro-USD per hour. */
    public long amount;
    /** DEPOSIT / WITHDRAW only: the same key twice moves money once. */
    public long idempotencyKey;

    public long timestamp()
    {
        return command.timestamp;
    }

    /** Sets the type from {@link #command}'s type after a producer filled it with one of Command's setters. */
    public InputCommand engineCommand()
    {
        type = toInputType(command.type);
        clearLedgerFields();
        return this;
    }

    public InputCommand deposit(final long account, final long amount, final long idempotencyKey)
    {
        return cashMovement(InputType.DEPOSIT, account, amount, idempotencyKey);
    }

    public InputCommand withdraw(final long account, final long amount, final long idempotencyKey)
    {
        return cashMovement(InputType.WITHDRAW, account, amount, idempotencyKey);
    }

    public InputCommand setSpendingCap(final long account, final long capPerHour)
    {
        return cashMovement(InputType.SET_SPENDING_CAP, account, capPerHour, 0);
    }

    public InputCommand snapshot()
    {
        type = InputType.SNAPSHOT;
        command.timerTick(0);
        clearLedgerFields();
        return this;
    }

    public InputCommand timerTick()
    {
        command.timerTick(0);
        return engineCommand();
    }

    public InputCommand copyFrom(final InputCommand other)
    {
        command.copyFrom(other.command);
        type = other.type;
        sequence = other.sequence;
        account = other.account;
        amount = other.amount;
        idempotencyKey = other.idempotencyKey;
        return this;
    }

    private InputCommand cashMovement(final InputType type, final long account, final long amount, final long idempotencyKey)
    {
        this.type = type;
        command.timerTick(0);
        this.account = account;
        this.amount = amount;
        this.idempotencyKey = idempotencyKey;
        return this;
    }

    private void clearLedgerFields()
    {
        account = 0;
        amount = 0;
        idempotencyKey = 0;
    }

    private static InputType toInputType(final CommandType type)
    {
        if (type == null)
        {
            throw new IllegalArgumentException("the engine command has no type");
        }
        return switch (type)
        {
            case PLACE_ASK -> InputType.PLACE_ASK;
            case PLACE_BID -> InputType.PLACE_BID;
            case CANCEL -> InputType.CANCEL;
            case CANCEL_ALL -> InputType.CANCEL_ALL;
            case AMEND -> InputType.AMEND;
            case TIMER_TICK -> InputType.TIMER_TICK;
            case SET_MARKET_MODE -> InputType.SET_MARKET_MODE;
            case QUOTE -> InputType.QUOTE;
        };
    }

    @Override
    public String toString()
    {
        return "#" + sequence + ' ' + switch (type == null ? InputType.TIMER_TICK : type)
        {
            case DEPOSIT, WITHDRAW, SET_SPENDING_CAP -> type + "{t=" + command.timestamp + " acct=" + account + " amount=" + amount +
                " key=" + idempotencyKey + '}';
            case SNAPSHOT -> "Snapshot{t=" + command.timestamp + '}';
            default -> command.toString();
        };
    }
}
