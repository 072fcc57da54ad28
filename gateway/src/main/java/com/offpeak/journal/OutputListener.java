package com.offpeak.journal;

import com.offpeak.engine.EngineListener;
import org.agrona.DirectBuffer;

/** Everything an output record can say: the engine's events plus the ledger's and the pipeline's own. */
public interface OutputListener extends EngineListener
{
    /** A ledger transfer, still in the ledger's own encoding (record type 100). */
    void transfer(DirectBuffer buffer, int offset, int length);

    void cashRejected(long time, long account, long idempotencyKey, int reasonCode);

    /**
     * An admin set {@code participant}'s spending cap, micro-USD per hour ({@code Ledger.NO_CAP}: none).
     * default: ignored, for readers that only follow money and orders; it moves no money.
     */
    default void spendingCapSet(long time, long participant, long capPerHour)
    {
    }

    void snapshotTaken(long time, long sequence);
}
