package com.offpeak.ledger.transfer;

import com.offpeak.ledger.account.AccountKind;

/**
 * Why money moved, with the only account kinds each reason may debit and credit — the chart of
 * movements. The code is part of the journal format: never renumber.
 *
 * <p>{@code ref} of a transfer is the idempotency key for {@link #DEPOSIT}/{@link #WITHDRAWAL}
 * and the bid's order id for every other reason; {@code leaseId} is set for every reason that
 * touches escrow.
 */
public enum TransferReason
{
    DEPOSIT(1, AccountKind.EXTERNAL, AccountKind.AVAILABLE),
    WITHDRAWAL(2, AccountKind.AVAILABLE, AccountKind.EXTERNAL),
    /** A bid's worst case (or an amend's increase) set aside. */
    HOLD(3, AccountKind.AVAILABLE, AccountKind.HELD),
    /** Hold no longer needed: cancel, expiry, amend down, or the part of a fill bought below the limit. */
    RELEASE(4, AccountKind.HELD, AccountKind.AVAILABLE),
    FILL_NOTIONAL(5, AccountKind.HELD, AccountKind.ESCROW),
    FILL_FEE(6, AccountKind.HELD, AccountKind.ESCROW),
    /** Delivered notional minus the owner's fee, to the owner. */
    PAYOUT(7, AccountKind.ESCROW, AccountKind.AVAILABLE),
    OWNER_FEE(8, AccountKind.ESCROW, AccountKind.FEES),
    /** The delivered part of the buyer's fee, earned by the exchange. */
    BUYER_FEE(9, AccountKind.ESCROW, AccountKind.FEES),
    /** The undelivered part of a lease's notional and buyer fee, back to the buyer. */
    REFUND(10, AccountKind.ESCROW, AccountKind.AVAILABLE);

    private static final TransferReason[] BY_CODE = new TransferReason[11];

    static
    {
        for (final TransferReason reason : values())
        {
            BY_CODE[reason.code] = reason;
        }
    }

    private final int code;
    private final AccountKind debitKind;
    private final AccountKind creditKind;

    TransferReason(final int code, final AccountKind debitKind, final AccountKind creditKind)
    {
        this.code = code;
        this.debitKind = debitKind;
        this.creditKind = creditKind;
    }

    public int code()
    {
        return code;
    }

    public AccountKind debitKind()
    {
        return debitKind;
    }

    public AccountKind creditKind()
    {
        return creditKind;
    }

    /** The reason with this code, or {@code null} for an unknown code. */
    public static TransferReason ofCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
