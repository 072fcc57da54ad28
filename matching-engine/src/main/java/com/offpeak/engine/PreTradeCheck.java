package com.offpeak.engine;

/**
 * The hook through which the ledger reserves funds for an order after the engine has validated
 * it and before it can trade. Returning a code rejects the command with it; returning
 * {@code null} lets it through (and the implementation has then taken whatever hold it needs).
 */
public interface PreTradeCheck
{
    PreTradeCheck ALLOW_ALL = new PreTradeCheck()
    {
        @Override
        public RejectCode onPlace(final Command command, final long orderId)
        {
            return null;
        }

        @Override
        public RejectCode onAmend(final Command command, final Side side, final int instrument, final int oldGpus, final long oldPrice,
            final int durationMinutes)
        {
            return null;
        }
    };

    /** A valid place command about to be accepted as {@code orderId}. */
    RejectCode onPlace(Command command, long orderId);

    /**
     * A valid amend of an open order from ({@code oldGpus}, {@code oldPrice}) to the command's gpus
     * and price; {@code durationMinutes} is a bid's duration, 0 for an ask.
     */
    RejectCode onAmend(Command command, Side side, int instrument, int oldGpus, long oldPrice, int durationMinutes);
}
