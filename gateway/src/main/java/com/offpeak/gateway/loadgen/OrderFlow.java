package com.offpeak.gateway.loadgen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What one trading connection of the load generator sends: the rest of each request after its
 * {@code {"id":N} prefix, written without allocating (sender thread), and the resting orders it
 * needs first, if any.
 */
interface OrderFlow
{
    /** How many orders to place, one after the other, before the timed requests; their ids come to {@link #rested}. */
    default int restingOrders()
    {
        return 0;
    }

    /** Writes the rest of resting order {@code index}'s place request. */
    default void putPlace(final int index, final ByteBuffer request)
    {
        throw new UnsupportedOperationException("no resting orders");
    }

    /**
     * Reader thread: resting order {@code index} was accepted as {@code orderId}. The sender reads
     * it after it saw the acceptance counted (an atomic), so a plain field is enough.
     */
    default void rested(final int index, final long orderId)
    {
        throw new UnsupportedOperationException("no resting orders");
    }

    /** Writes the rest of timed request number {@code n} (from 0). */
    void putNext(long n, ByteBuffer request);

    static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The decimal digits of {@code value} (≥ 0), without a String. */
    static void putDigits(final ByteBuffer buffer, final long value)
    {
        long divisor = 1;
        while (divisor <= value / 10)
        {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10)
        {
            buffer.put((byte)('0' + value / divisor % 10));
        }
    }
}
