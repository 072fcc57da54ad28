package com.offpeak.pipeline;

import org.agrona.DirectBuffer;

/**
 * Receives the output of every live command, in sequence order, on the publisher thread, after it
 * is in the output journal: the gateway's market-data and private-report fan-out implements this.
 * Output regenerated during recovery is NOT delivered again; a subscriber that needs history reads
 * the output journal. {@code output} is only valid during the call; never block here.
 */
@FunctionalInterface
public interface OutputSubscriber
{
    void onOutput(long sequence, long time, DirectBuffer output, int length);
}
