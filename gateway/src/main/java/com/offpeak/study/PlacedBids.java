package com.offpeak.study;

import java.util.Arrays;

/**
 * What the generator placed, by clientOrderId (dense from 1): the kind of buyer, the slack bucket
 * and the GPUs asked for, so that fills can be attributed to the demand that caused them.
 */
final class PlacedBids
{
    private static final int INITIAL = 1 << 12;

    private byte[] kind = new byte[INITIAL];
    private byte[] slackBucket = new byte[INITIAL];
    private int[] gpus = new int[INITIAL];
    private int count;

    /** Registers a bid and returns its clientOrderId. */
    long register(final BuyerKind buyerKind, final int bucket, final int requestedGpus)
    {
        final int id = ++count;
        if (id == kind.length)
        {
            kind = Arrays.copyOf(kind, id * 2);
            slackBucket = Arrays.copyOf(slackBucket, id * 2);
            gpus = Arrays.copyOf(gpus, id * 2);
        }
        kind[id] = (byte)buyerKind.ordinal();
        slackBucket[id] = (byte)bucket;
        gpus[id] = requestedGpus;
        return id;
    }

    boolean contains(final long clientOrderId)
    {
        return clientOrderId > 0 && clientOrderId <= count;
    }

    boolean deferrable(final long clientOrderId)
    {
        return kind[(int)clientOrderId] == BuyerKind.DEFERRABLE.ordinal();
    }

    int slackBucket(final long clientOrderId)
    {
        return slackBucket[(int)clientOrderId];
    }

    int gpus(final long clientOrderId)
    {
        return gpus[(int)clientOrderId];
    }
}
