package com.offpeak.gateway.loadgen;

import java.nio.ByteBuffer;

/**
 * Pings only ({@code --mix ping}): the event loop answers each one itself, so nothing reaches the
 * pipeline. Run at the rate an order mix is run at, it measures the rest of the round trip on its own
 * (the load generator, the loopback TCP path, the server's WebSocket frames, request parsing and
 * answer writing, and the cores and pauses they share): the floor under the order mixes' latencies.
 */
final class PingFlow implements OrderFlow
{
    private static final byte[] PING = OrderFlow.ascii(",\"op\":\"ping\"}");

    @Override
    public void putNext(final long n, final ByteBuffer request)
    {
        request.put(PING);
    }
}
