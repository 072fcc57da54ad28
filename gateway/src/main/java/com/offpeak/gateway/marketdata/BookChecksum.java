package com.offpeak.gateway.marketdata;

import com.offpeak.gateway.wire.Prices;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * CRC32 of a book's top {@value #LEVELS} levels per side, so a client that rebuilt depth from a
 * snapshot plus updates can prove it holds exactly the server's book. The input string (see
 * docs/api.md) is the levels as {@code price:gpus} pairs, bids best-first then asks best-first,
 * all joined by ':', prices in their canonical wire form ({@link Prices#append}); an empty book
 * hashes the empty string (0).
 */
public final class BookChecksum
{
    public static final int LEVELS = 10;

    private final StringBuilder text = new StringBuilder(512);
    private final CRC32 crc = new CRC32();
    private byte[] bytes = new byte[512];

    /** The checksum input string for the book's current state (for docs and tests; reuses one builder). */
    public CharSequence input(final DepthSide bids, final DepthSide asks)
    {
        text.setLength(0);
        appendSide(bids);
        appendSide(asks);
        return text;
    }

    public long checksum(final DepthSide bids, final DepthSide asks)
    {
        final CharSequence input = input(bids, asks);
        final int length = input.length();
        if (bytes.length < length)
        {
            bytes = new byte[length * 2];
        }
        // The input is pure ASCII (digits, '.', ':'), so chars are bytes.
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)input.charAt(i);
        }
        crc.reset();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /** Reference implementation over a ready string, used by tests to check the documented vector. */
    public static long of(final String input)
    {
        final CRC32 crc = new CRC32();
        crc.update(input.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private void appendSide(final DepthSide side)
    {
        final int levels = Math.min(LEVELS, side.size());
        for (int i = 0; i < levels; i++)
        {
            if (text.length() > 0)
            {
                text.append(':');
            }
            Prices.append(text, side.price(i)).append(':').append(side.gpus(i));
        }
    }
}
