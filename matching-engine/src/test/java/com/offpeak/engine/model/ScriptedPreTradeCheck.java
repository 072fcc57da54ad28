package com.offpeak.engine.model;

import com.offpeak.engine.Command;
import com.offpeak.engine.PreTradeCheck;
import com.offpeak.engine.RejectCode;
import com.offpeak.engine.Side;

/**
 * A stateless stand-in for the ledger: account 4 cannot afford orders of 12 GPUs or more, and may
 * not amend up to that size. Engine and model both get it, so its rejections are part of the
 * compared streams and the ledger's reject codes are exercised.
 */
public final class ScriptedPreTradeCheck implements PreTradeCheck
{
    public static final long POOR_ACCOUNT = 4;
    private static final int AFFORDABLE_GPUS = 12;

    @Override
    public RejectCode onPlace(final Command command, final long orderId)
    {
        return command.account == POOR_ACCOUNT && command.gpus >= AFFORDABLE_GPUS ? RejectCode.INSUFFICIENT_FUNDS : null;
    }

    @Override
    public RejectCode onAmend(final Command command, final Side side, final int instrument, final int oldGpus, final long oldPrice,
        final int durationMinutes)
    {
        return command.account == POOR_ACCOUNT && command.gpus >= AFFORDABLE_GPUS ? RejectCode.SPEND_CAP_EXCEEDED : null;
    }
}
