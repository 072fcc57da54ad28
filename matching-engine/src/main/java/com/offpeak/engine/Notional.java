package com.offpeak.engine;

/** Overflow checks for money: price × GPUs × minutes must fit in a {@code long} of micro-USD. */
final class Notional
{
    private Notional()
    {
    }

    /** True when {@code price × gpus × minutes} fits in a long; all arguments positive. */
    static boolean fits(final long price, final long gpus, final long minutes)
    {
        final long gpuMinutes = gpus * minutes;
        if (Math.multiplyHigh(gpus, minutes) != 0 || gpuMinutes < 0)
        {
            return false;
        }
        return Math.multiplyHigh(price, gpuMinutes) == 0 && price * gpuMinutes >= 0;
    }
}
