package com.offpeak.pipeline;

import org.agrona.DirectBuffer;

/** Sees each replayed input with the output it produced (valid only during the call). */
@FunctionalInterface
public interface ReplayListener
{
    void replayed(InputCommand input, DirectBuffer output, int length);
}
