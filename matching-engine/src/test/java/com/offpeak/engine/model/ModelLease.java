package com.offpeak.engine.model;

/** A running lease in the reference model; {@code ask} is where its GPUs go back when it ends. */
record ModelLease(
    long id, int instrument, long buyer, long owner, long bidId, ModelOrder ask, int gpus, long start, long end, long price,
    boolean preemptible)
{
}
