package com.offpeak.pipeline;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the pipeline's stages wait for work. On a 2-core machine shared with the network threads
 * only {@link #BLOCKING} leaves the cores free when idle, so it is the default.
 */
public enum WaitStrategyKind
{
    /** Park on a lock/condition, every stage: no CPU when idle, a few microseconds to wake. */
    BLOCKING,
    /** Spin briefly, then Thread.yield(): low latency, burns the core it runs on while idle. */
    YIELDING,
    /** Pure spin: lowest latency, one full core per stage. Only with dedicated cores. */
    BUSY_SPIN;

    public WaitStrategy create()
    {
        return switch (this)
        {
            case BLOCKING -> new StageBlockingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }
}
