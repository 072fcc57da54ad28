package com.offpeak.gateway.server;

import com.offpeak.engine.EngineConfig;
import com.offpeak.gateway.ws.Limits;
import com.offpeak.journal.Durability;
import com.offpeak.pipeline.PipelineConfig;
import java.nio.file.Path;

/**
 * Everything {@code serve} and {@code demo} configure.
 *
 * @param dataDir     journals, snapshots and API keys
 * @param bindAddress interface to listen on (loopback unless opened up on purpose)
 * @param port        HTTP/WebSocket port; 0 picks a free one
 * @param durability  when an acknowledged command is safe (see the pipeline)
 * @param clockSpeed  engine time runs this many times faster than the wall clock
 * @param catalog     instrument catalog CSV, or {@code null} for the built-in one
 * @param makerBps    fee of the resting side, basis points
 * @param takerBps    fee of the aggressor, basis points
 * @param limits      the WebSocket API's protections
 * @param relayBytes  the pipeline-to-publisher hand-off ring (a power of two); output that does not fit is read
 *                    back from the output journal instead
 * @param preallocatedOrders orders, leases, holds and escrows the engine and ledger make at start (sizing only;
 *                    see {@link EngineConfig#preallocatedOrders()})
 * @param snapshotEvery a snapshot after every input whose sequence is a multiple of this, 0 for only on request
 */
public record GatewayConfig(Path dataDir, String bindAddress, int port, Durability durability, double clockSpeed, Path catalog,
                            int makerBps, int takerBps, Limits limits, int relayBytes, int preallocatedOrders, long snapshotEvery)
{
    /** Room for bursts of output while the publisher is busy. */
    public static final int DEFAULT_RELAY_BYTES = 64 << 20;

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public static GatewayConfig defaults(final Path dataDir)
    {
        return new GatewayConfig(dataDir, LOOPBACK, DEFAULT_PORT, Durability.ASYNC, 1.0, null, 10, 20, Limits.defaults(),
            DEFAULT_RELAY_BYTES, EngineConfig.DEFAULT_PREALLOCATED_ORDERS, PipelineConfig.DEFAULT_SNAPSHOT_EVERY);
    }

    public GatewayConfig withPort(final int value)
    {
        return new GatewayConfig(dataDir, bindAddress, value, durability, clockSpeed, catalog, makerBps, takerBps, limits, relayBytes,
            preallocatedOrders, snapshotEvery);
    }

    public GatewayConfig withClockSpeed(final double value)
    {
        return new GatewayConfig(dataDir, bindAddress, port, durability, value, catalog, makerBps, takerBps, limits, relayBytes,
            preallocatedOrders, snapshotEvery);
    }

    public GatewayConfig withLimits(final Limits value)
    {
        return new GatewayConfig(dataDir, bindAddress, port, durability, clockSpeed, catalog, makerBps, takerBps, value, relayBytes,
            preallocatedOrders, snapshotEvery);
    }

    public GatewayConfig withRelayBytes(final int value)
    {
        return new GatewayConfig(dataDir, bindAddress, port, durability, clockSpeed, catalog, makerBps, takerBps, limits, value,
            preallocatedOrders, snapshotEvery);
    }
}
