package com.offpeak.gateway.loadgen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What one trading connection of the load generator sends: its requests after {@code {"id":N},
 * written without allocating (sender thread), and the resting orders it needs first.
 */
interface OrderFlow
{
    /** How many orders to place, one after the other, before the timed requests; their ids come to {@link #rested}. */
    int restingOrders();

    /** Writes the rest of resting order {@code index}'s place request. */
    void putPlace(int index, ByteBuffer request);

    /** Reader thread: resting order {@code index} was accepted as {@code orderId}. */
    void rested(int index, long orderId);

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
