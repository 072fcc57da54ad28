package com.offpeak.bench.pipeline;

import com.offpeak.pipeline.InputCommand;
import com.offpeak.pipeline.ReplayListener;
import org.agrona.DirectBuffer;

/**
 * A running 64-bit FNV-1a hash over every replayed input's sequence and output bytes: equal
 * digests mean (short of a collision) byte-identical outputs, input for input.
 */
final class OutputDigest implements ReplayListener
{
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long hash = OFFSET_BASIS;
    private long bytes;

    @Override
    public void replayed(final InputCommand input, final DirectBuffer output, final int length)
    {
        hash = (hash ^ input.sequence) * PRIME;
        for (int i = 0; i < length; i++)
        {
            hash = (hash ^ (output.getByte(i) & 0xFF)) * PRIME;
        }
        bytes += length;
    }

    long value()
    {
        return hash;
    }

    long bytes()
    {
        return bytes;
    }
}
