package com.offpeak.gateway.auth;

import java.util.HashMap;
import java.util.Map;

/**
 * Caps open WebSocket connections per remote IP, so one host cannot exhaust the server's sockets.
 * Connections open and close rarely compared with messages, so a lock is the simple right tool.
 */
public final class ConnectionLimiter
{
    private final int maxPerAddress;
    private final Map<String, Integer> open = new HashMap<>();

    public ConnectionLimiter(final int maxPerAddress)
    {
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts a new connection from {@code address}; false (and nothing counted) when it is at its limit. */
    public synchronized boolean tryOpen(final String address)
    {
        final int current = open.getOrDefault(address, 0);
        if (current >= maxPerAddress)
        {
            return false;
        }
        open.put(address, current + 1);
        return true;
    }

    public synchronized void closed(final String address)
    {
        final int remaining = open.getOrDefault(address, 0) - 1;
        if (remaining > 0)
        {
            open.put(address, remaining);
        }
        else
        {
            open.remove(address);
        }
    }

    public int maxPerAddress()
    {
        return maxPerAddress;
    }
}
