package com.offpeak.ledger;

/**
 * One steady-state round of the hot path, shared by the allocation test: a bid is held, filled
 * by two asks (below its limit, both maker sides), released, one lease is paid out streamed and
 * ends early, the other runs to its natural end. Two participants take turns as buyer and owner
 * so funds keep circulating.
 */
final class SettlementCycle
{
    static final long BUYER_A = 1;
    static final long BUYER_B = 2;
    private static final long MINUTE = 60_000L;

    private final Ledger ledger;
    private long round;
    private long now = 1_780_000_000_000L;

    SettlementCycle(final Ledger ledger)
    {
        this.ledger = ledger;
        ledger.deposit(now, 1, BUYER_A, 1_000_000_000_000L);
        ledger.deposit(now, 2, BUYER_B, 1_000_000_000_000L);
    }

    /** Runs one round; returns a value derived from the results so the JIT cannot drop the work. */
    int run()
    {
        round++;
        now += MINUTE;
        final long buyer = (round & 1) == 0 ? BUYER_A : BUYER_B;
        final long owner = buyer == BUYER_A ? BUYER_B : BUYER_A;
        final long orderId = round;
        final long firstLease = 2 * round;
        final long secondLease = firstLease + 1;
        final long end = now + 90 * MINUTE;
        int failures = 0;
        failures += ledger.holdBid(now, orderId, buyer, 2_100_000, 8, 90).ordinal();
        failures += ledger.fill(now, orderId, firstLease, buyer, owner, 2_000_000, 3, 90, MakerSide.OWNER, end).ordinal();
        failures += ledger.fill(now, orderId, secondLease, buyer, owner, 1_900_000, 5, 90, MakerSide.BUYER, end).ordinal();
        failures += ledger.releaseHold(now, orderId).ordinal();
        failures += ledger.deliver(now, firstLease, now + 20 * MINUTE).ordinal();
        failures += ledger.leaseEnded(now, firstLease, now + 31 * MINUTE).ordinal();
        failures += ledger.leaseEnded(now, secondLease, end).ordinal();
        return failures;
    }
}
