package com.offpeak.gateway.loadgen;

import java.nio.ByteBuffer;

/**
 * The mix where every other order trades ({@code --mix fills}): owners alternate posting an 8-GPU
 * ask at 1.00 and cancelling their orders (a fully leased ask keeps resting for its returning GPUs,
 * so without the cancels the level would grow without bound); buyers send IOC bids at 1.00, which
 * trade whenever an ask is free. Every fill starts a 60-minute lease, so the exchange's state grows
 * through the run.
 */
final class FillsFlow implements OrderFlow
{
    private final byte[] order;
    /** Owners' second request: cancel-all; buyers send another bid. */
    private final byte[] second;

    FillsFlow(final boolean buyer, final String instrument)
    {
        order = OrderFlow.ascii(buyer
            ? ",\"op\":\"placeBid\",\"instrument\":\"" + instrument + "\",\"gpus\":8,\"durationMinutes\":60,\"price\":\"1.00\",\"timeInForce\":\"IOC\"}"
            : ",\"op\":\"placeAsk\",\"instrument\":\"" + instrument + "\",\"gpus\":8,\"price\":\"1.00\",\"availableForMinutes\":600}");
        second = buyer ? order : OrderFlow.ascii(",\"op\":\"cancelAll\",\"instrument\":\"" + instrument + "\"}");
    }

    @Override
    public void putNext(final long n, final ByteBuffer request)
    {
        request.put((n & 1) == 0 ? order : second);
    }
}
