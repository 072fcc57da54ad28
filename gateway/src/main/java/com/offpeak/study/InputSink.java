package com.offpeak.study;

import com.offpeak.pipeline.InputCommand;

/** Where the synthetic market sends each input; the slot is reused, so it is applied before the call returns. */
@FunctionalInterface
interface InputSink
{
    void submit(InputCommand input);
}
