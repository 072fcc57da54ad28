package com.offpeak.pipeline;

import com.offpeak.journal.OutputEncoder;

/**
 * The one place an input meets the state machine, shared by the live logic stage and every replay
 * (recovery, the CLI, tests), so that live and replayed output cannot drift apart.
 */
public final class BusinessLogic
{
    private final StateMachine stateMachine;

    public BusinessLogic(final StateMachine stateMachine)
    {
        this.stateMachine = stateMachine;
    }

    public void apply(final InputCommand input, final OutputEncoder output)
    {
        if (input.type == InputType.SNAPSHOT)
        {
            // A journaled snapshot request changes nothing; reporting it lets the requester see where it landed.
            output.snapshotTaken(input.timestamp(), input.sequence);
        }
        else
        {
            stateMachine.apply(input, output);
        }
    }

    public StateMachine stateMachine()
    {
        return stateMachine;
    }
}
