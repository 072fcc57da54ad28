package com.offpeak.engine;

/** Read-only visit of one running lease. */
@FunctionalInterface
public interface LeaseView
{
    void lease(long leaseId, int instrument, long buyer, long owner, long bidId, long askId, int gpus, long start, long end, long price,
        boolean preemptible);
}
