package com.offpeak.gateway.auth;

/** What a key may do: trade for its own account, or administer cash (deposits, withdrawals) for any. */
public enum Role
{
    TRADER,
    ADMIN
}
