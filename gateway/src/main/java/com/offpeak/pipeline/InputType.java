package com.offpeak.pipeline;

/**
 * The closed set of sequenced inputs: the engine's commands plus the ledger's cash movements and
 * the snapshot request. Each has a stable journal code that is never reused or renumbered, so an
 * input journal stays readable across releases.
 */
public enum InputType
{
    PLACE_ASK(1),
    PLACE_BID(2),
    CANCEL(3),
    CANCEL_ALL(4),
    AMEND(5),
    TIMER_TICK(6),
    /** Admin: an instrument's market mode (continuous or call auction). */
    SET_MARKET_MODE(7),
    /** Read-only price question; journaled like everything else so replay answers it the same. */
    QUOTE(8),
    /** Funds arrive from outside: idempotent by key. */
    DEPOSIT(20),
    /** Funds leave to outside: idempotent by key, refused if available funds are short. */
    WITHDRAW(21),
    /** Admin: a participant's spending cap per hour (amount; {@code Ledger.NO_CAP} removes it). Moves no money. */
    SET_SPENDING_CAP(22),
    /** Take a snapshot of the state after this point; changes nothing. */
    SNAPSHOT(30);

    private static final InputType[] BY_CODE = new InputType[32];

    static
    {
        for (final InputType type : values())
        {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    InputType(final int code)
    {
        this.code = code;
    }

    public int code()
    {
        return code;
    }

    /** The type with this journal code, or {@code null} for a code no release ever wrote. */
    public static InputType fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    public boolean isEngineCommand()
    {
        return code < DEPOSIT.code;
    }
}
