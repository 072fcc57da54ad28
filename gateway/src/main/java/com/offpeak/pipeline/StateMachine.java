package com.offpeak.pipeline;

import com.offpeak.journal.OutputEncoder;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The exchange's business logic as the pipeline sees it: deterministic, single-threaded, fed
 * sequenced inputs, and reporting everything it does to an {@link OutputEncoder}. Same inputs
 * in, same bytes out; time only from the inputs.
 */
public interface StateMachine
{
    /** Applies one input; every event it causes is encoded into {@code output}. */
    void apply(InputCommand input, OutputEncoder output);

    /** A hash over the whole state, equal for equal states (replay checks). */
    long stateHash();

    /** Checks every internal invariant; throws {@link IllegalStateException} naming the first broken one. */
    void validate();

    void writeSnapshot(DataOutput out) throws IOException;

    /** One line for operators: the state hash and the totals worth checking (ledger balances). */
    String summary();
}
