package com.offpeak.ledger.account;

/**
 * The kinds of ledger account. Each participant has an {@link #AVAILABLE} and a {@link #HELD}
 * account; {@link #ESCROW}, {@link #FEES} and {@link #EXTERNAL} exist once for the exchange.
 * The code is part of the account id and of the journal format: never renumber.
 */
public enum AccountKind
{
    AVAILABLE(1),
    HELD(2),
    ESCROW(3),
    FEES(4),
    /** The world outside the exchange: the counterpart of deposits and withdrawals, the only account that may go negative. */
    EXTERNAL(5);

    private static final AccountKind[] BY_CODE = {null, AVAILABLE, HELD, ESCROW, FEES, EXTERNAL};

    private final int code;

    AccountKind(final int code)
    {
        this.code = code;
    }

    public int code()
    {
        return code;
    }

    public boolean isParticipantAccount()
    {
        return this == AVAILABLE || this == HELD;
    }

    /** The kind with this code, or {@code null} for an unknown code. */
    public static AccountKind ofCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
