package com.offpeak.gateway.sim;

import com.offpeak.pipeline.InputWriter;
import com.offpeak.pipeline.Pipeline;
import java.util.Random;

/**
 * The demo's participants: owners (accounts 101-112), urgent buyers (201-205) and deferrable
 * buyers (301-315), plus account 1 for the person at the keyboard. Buyers are funded with
 * deposits whose idempotency keys are fixed, so restarting the demo never pays them twice.
 */
public final class DemoAccounts
{
    public static final long YOU = 1;
    private static final long OWNERS = 101;
    private static final int OWNER_COUNT = 12;
    private static final long URGENT = 201;
    private static final int URGENT_COUNT = 5;
    private static final long DEFERRABLE = 301;
    private static final int DEFERRABLE_COUNT = 15;
    private static final long DEPOSIT_MICROS = 5_000_000L * 1_000_000L;

    private static final InputWriter<long[]> DEPOSIT = (slot, accountAndKey) -> slot.deposit(accountAndKey[0], DEPOSIT_MICROS,
        accountAndKey[1]);

    /** Funds every buyer and the keyboard account (once per data directory, thanks to the fixed keys). */
    public void fund(final Pipeline pipeline)
    {
        deposit(pipeline, YOU);
        for (int i = 0; i < URGENT_COUNT; i++)
        {
            deposit(pipeline, URGENT + i);
        }
        for (int i = 0; i < DEFERRABLE_COUNT; i++)
        {
            deposit(pipeline, DEFERRABLE + i);
        }
    }

    long owner(final Random random)
    {
        return OWNERS + random.nextInt(OWNER_COUNT);
    }

    long urgentBuyer(final Random random)
    {
        return URGENT + random.nextInt(URGENT_COUNT);
    }

    long deferrableBuyer(final Random random)
    {
        return DEFERRABLE + random.nextInt(DEFERRABLE_COUNT);
    }

    private static void deposit(final Pipeline pipeline, final long account)
    {
        pipeline.submit(DEPOSIT, new long[] {account, 1_000_000 + account}, null, 0);
    }
}
