package com.offpeak.ledger.account;

/**
 * Account ids as they appear in transfers: {@code participant << 3 | kind code}. System accounts
 * belong to participant 0, so EXTERNAL = 5, ESCROW = 3, FEES = 4; participant 7's AVAILABLE is 57.
 * The id is self-describing, so a journal reader needs no account table.
 */
public final class AccountId
{
    public static final long MAX_PARTICIPANT = Long.MAX_VALUE >> 3;
    public static final long ESCROW = AccountKind.ESCROW.code();
    public static final long FEES = AccountKind.FEES.code();
    public static final long EXTERNAL = AccountKind.EXTERNAL.code();

    private static final int KIND_BITS = 3;
    private static final long KIND_MASK = (1L << KIND_BITS) - 1;

    private AccountId()
    {
    }

    public static boolean isValidParticipant(final long participant)
    {
        return participant > 0 && participant <= MAX_PARTICIPANT;
    }

    public static long of(final long participant, final AccountKind kind)
    {
        return participant << KIND_BITS | kind.code();
    }

    public static long participant(final long accountId)
    {
        return accountId >>> KIND_BITS;
    }

    /** The kind, or {@code null} when the id is not a well-formed account id. */
    public static AccountKind kind(final long accountId)
    {
        final AccountKind kind = AccountKind.ofCode((int)(accountId & KIND_MASK));
        if (kind == null || accountId < 0)
        {
            return null;
        }
        final boolean ownedByParticipant = participant(accountId) != 0;
        return ownedByParticipant == kind.isParticipantAccount() ? kind : null;
    }
}
