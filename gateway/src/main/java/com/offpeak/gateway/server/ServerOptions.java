package com.offpeak.gateway.server;

import com.offpeak.gateway.ws.Limits;
import com.offpeak.journal.Durability;
import com.offpeak.pipeline.PipelineConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code serve} and {@code demo} share; each also reads OFFPEAK_&lt;NAME&gt; and the config file (see the footer). */
public final class ServerOptions
{
    @Option(names = "--data", defaultValue = "./data", description = "data directory: journals, snapshots, API keys (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--bind-address", defaultValue = GatewayConfig.LOOPBACK,
        description = "interface to listen on; loopback unless you mean to expose it (default: ${DEFAULT-VALUE})")
    String bindAddress;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP and WebSocket port, 0 = any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--durability", defaultValue = "ASYNC",
        description = "ASYNC (page cache, survives a process crash) or SYNC (msync per batch, survives power loss) (default: ${DEFAULT-VALUE})")
    Durability durability;

    @Option(names = "--catalog", description = "instrument catalog CSV (default: the built-in catalog)")
    Path catalog;

    @Option(names = "--maker-bps", defaultValue = "10", description = "maker fee, basis points (default: ${DEFAULT-VALUE})")
    int makerBps;

    @Option(names = "--taker-bps", defaultValue = "20", description = "taker fee, basis points (default: ${DEFAULT-VALUE})")
    int takerBps;

    @Option(names = "--max-connections-per-ip", defaultValue = "64", description = "WebSocket connections per address (default: ${DEFAULT-VALUE})")
    int maxConnectionsPerIp;

    @Option(names = "--rate-limit", defaultValue = "2000", description = "requests per second per API key (default: ${DEFAULT-VALUE})")
    double rateLimit;

    @Option(names = "--rate-burst", defaultValue = "4000", description = "token-bucket burst per API key (default: ${DEFAULT-VALUE})")
    int rateBurst;

    @Option(names = "--preallocate", defaultValue = "131072",
        description = "orders and leases (with their holds and escrows) made at start, about 1.2 KB of heap each; beyond them"
            + " the engine allocates, and long-lived leases made then lengthen young collections (default: ${DEFAULT-VALUE})")
    int preallocate;

    @Option(names = "--snapshot-every", defaultValue = "" + PipelineConfig.DEFAULT_SNAPSHOT_EVERY,
        description = "a snapshot every N inputs (a restart replays at most N), 0 = none; taken by a replica of the state that"
            + " follows the journal on a thread of its own, so the engine never stops for one; it doubles the state's memory"
            + " (default: ${DEFAULT-VALUE})")
    long snapshotEvery;

    GatewayConfig toConfig(final double speed)
    {
        final Limits limits = Limits.defaults().withMaxConnectionsPerAddress(maxConnectionsPerIp).withRequestsPerSecond(rateLimit, rateBurst);
        return new GatewayConfig(data, bindAddress, port, durability, speed, catalog, makerBps, takerBps, limits,
            GatewayConfig.DEFAULT_RELAY_BYTES, preallocate, snapshotEvery);
    }
}
