package com.offpeak.gateway.ws;

/**
 * The protections of the WebSocket API, all configurable.
 *
 * @param maxConnectionsPerAddress open connections one IP may hold
 * @param maxRequestBytes          longest request message answered; longer ones get FRAME_TOO_LARGE
 * @param maxFrameBytes            longest frame the server reads at all; beyond it the connection is closed
 * @param requestsPerSecond        token-bucket refill per API key (and per anonymous connection)
 * @param requestBurst             token-bucket size
 * @param maxPendingMessages       messages a connection may leave unsent before it is dropped as a slow consumer
 * @param maxInFlight              order-entry requests a connection may have awaiting the pipeline (power of two)
 * @param heartbeatMillis          heartbeat period (wall clock)
 * @param conflationMillis         public channels publish at most once per this period (private events go at once)
 */
public record Limits(int maxConnectionsPerAddress, int maxRequestBytes, int maxFrameBytes, double requestsPerSecond, int requestBurst,
                     int maxPendingMessages, int maxInFlight, long heartbeatMillis, long conflationMillis)
{
    public static Limits defaults()
    {
        return new Limits(64, 4096, 65536, 2000, 4000, 4096, 1024, 5000, 20);
    }

    public Limits withRequestsPerSecond(final double rate, final int burst)
    {
        return new Limits(maxConnectionsPerAddress, maxRequestBytes, maxFrameBytes, rate, burst, maxPendingMessages, maxInFlight,
            heartbeatMillis, conflationMillis);
    }

    public Limits withMaxConnectionsPerAddress(final int max)
    {
        return new Limits(max, maxRequestBytes, maxFrameBytes, requestsPerSecond, requestBurst, maxPendingMessages, maxInFlight,
            heartbeatMillis, conflationMillis);
    }

    public Limits withMaxPendingMessages(final int max)
    {
        return new Limits(maxConnectionsPerAddress, maxRequestBytes, maxFrameBytes, requestsPerSecond, requestBurst, max, maxInFlight,
            heartbeatMillis, conflationMillis);
    }

    public Limits withConflationMillis(final long millis)
    {
        return new Limits(maxConnectionsPerAddress, maxRequestBytes, maxFrameBytes, requestsPerSecond, requestBurst, maxPendingMessages,
            maxInFlight, heartbeatMillis, millis);
    }
}
