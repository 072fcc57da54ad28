package com.offpeak.engine.catalog;

/** How the GPUs of one node talk to each other; NVLink domains are what contiguous bids are for. */
public enum Interconnect
{
    NVLINK,
    PCIE
}
