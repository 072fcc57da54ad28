package com.offpeak.engine;

/**
 * Every reason a command can be refused, with a stable machine code (the enum name, never
 * renamed) and a message for humans. Clients switch on the code, never on the message.
 */
public enum RejectCode
{
    INVALID_COMMAND("the command type or account is missing or invalid"),
    UNKNOWN_INSTRUMENT("no such instrument in the catalog"),
    INVALID_QUANTITY("GPUs must be at least 1 and at most the instrument's maximum"),
    INVALID_DURATION("duration must be between the instrument's minimum and maximum minutes"),
    INVALID_PRICE("price must be positive"),
    PRICE_NOT_ON_TICK("price must be a multiple of the instrument's tick size"),
    INVALID_MIN_BLOCK("minBlock must be at least 1 and divide the ask's GPUs"),
    WINDOW_TOO_SHORT("availableUntil leaves less than the instrument's minimum duration"),
    INVALID_DEADLINE("a deadline is required with GTD and allowed only with GTD"),
    DEADLINE_TOO_SOON("the duration cannot end by the deadline"),
    POST_ONLY_NOT_ALLOWED("postOnly cannot be combined with IOC or FOK"),
    POST_ONLY_WOULD_TRADE("a postOnly order would trade on entry"),
    FOK_NOT_FILLABLE("a fill-or-kill bid cannot be filled completely now"),
    NOTIONAL_OVERFLOW("price x GPUs x duration is too large"),
    DUPLICATE_CLIENT_ORDER_ID("this clientOrderId was used for a different request"),
    UNKNOWN_ORDER("no open order with this id belongs to the account"),
    AMEND_NO_CHANGE("the amend changes neither GPUs nor price"),
    ENGINE_FULL("the engine holds the maximum number of open orders"),
    INSUFFICIENT_FUNDS("available funds do not cover the order's hold"),
    SPEND_CAP_EXCEEDED("the order would exceed the account's spending cap"),
    NOT_AUTHORISED("only the admin account may send this command"),
    INVALID_AUCTION_INTERVAL("the auction interval must be 0 (continuous) to 86400 seconds"),
    NOT_ALLOWED_IN_AUCTION("IOC, FOK, postOnly and substitutes bids are not accepted on an instrument in (or switching into) call-auction mode"),
    INVALID_SUBSTITUTES("a bid names at most 3 substitutes, and none with fill-or-kill"),
    SUBSTITUTE_NOT_AMENDABLE("an alternative of a substitutes bid cannot be amended: cancel and replace");

    private final String message;

    RejectCode(final String message)
    {
        this.message = message;
    }

    public String message()
    {
        return message;
    }
}
