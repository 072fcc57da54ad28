package com.offpeak.pipeline;

import java.io.DataInput;
import java.io.IOException;

/** Creates the business logic fresh, or from a snapshot written by {@link StateMachine#writeSnapshot}. */
public interface StateMachineFactory
{
    StateMachine create();

    StateMachine restore(DataInput in) throws IOException;
}
