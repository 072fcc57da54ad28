package com.offpeak.gateway.auth;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code ratePerSecond}. Time is passed
 * in (nanoseconds from any monotonic source) so the gateway's wall clock stays out of tests.
 * One bucket per API key, shared by that key's connections, so it is thread-safe.
 */
public final class TokenBucket
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public TokenBucket(final double ratePerSecond, final int burst, final long nowNanos)
    {
        if (ratePerSecond <= 0 || burst < 1)
        {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryAcquire(final long nowNanos)
    {
        if (nowNanos > lastNanos)
        {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * ratePerNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1)
        {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
