package com.offpeak.pipeline;

/**
 * A loaded, checked snapshot: the state after input {@code sequence}, which the input journal holds
 * at {@code journalIndex}; {@code time} is that input's stamped time.
 */
public record Snapshot(long sequence, long journalIndex, long time, byte[] payload)
{
}
