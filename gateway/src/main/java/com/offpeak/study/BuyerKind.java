package com.offpeak.study;

/** The two kinds of demand the study compares. */
enum BuyerKind
{
    /** Needs GPUs now: IOC at a high limit, never preemptible. */
    URGENT,
    /** Can wait: GTD with hours of slack, a low limit, often preemptible. */
    DEFERRABLE
}
