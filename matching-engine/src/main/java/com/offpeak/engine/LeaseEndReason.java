package com.offpeak.engine;

/** Why a lease ended. */
public enum LeaseEndReason
{
    /** It ran its full duration. */
    COMPLETED,
    /**
     * Some or all of its GPUs were taken by a higher payer: those GPUs end at the notice end and
     * pass straight to the preemptor's lease (docs/matching.md, "Preemption").
     */
    PREEMPTED
}
