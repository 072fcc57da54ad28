package com.offpeak.gateway.server;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./offpeak serve}: the exchange in real time, no simulator. */
@Command(name = "serve", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
    description = "Run the exchange: pipeline, WebSocket/REST API and the live page, in real time.",
    footer = {"", "Each option can also be set in the environment (--rate-limit: OFFPEAK_RATE_LIMIT=500)",
        "or in a properties file (rate-limit=500) named by OFFPEAK_CONFIG (default ./offpeak.properties).",
        "Command-line flags win."})
public final class ServeCommand implements Callable<Integer>
{
    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws Exception
    {
        final GatewayServer server = GatewayServer.start(options.toConfig(1.0));
        printUrls(server);
        awaitShutdown(server, null);
        return 0;
    }

    static void printUrls(final GatewayServer server)
    {
        System.out.println("Offpeak is running.");
        System.out.println("  live order book:  " + server.baseUrl() + "/");
        System.out.println("  WebSocket API:    ws://" + server.baseUrl().substring("http://".length()) + "/ws   (docs/api.md)");
        System.out.println("  REST:             " + server.baseUrl() + "/api/instruments");
        System.out.println("  metrics, health:  " + server.baseUrl() + "/metrics  " + server.baseUrl() + "/health");
        System.out.println("Ctrl-C stops it; the next start resumes from the journal.");
        System.out.flush();
    }

    /** Blocks until Ctrl-C (or kill), then stops {@code beforeServer} (if any) and the server in order. */
    static void awaitShutdown(final GatewayServer server, final AutoCloseable beforeServer) throws InterruptedException
    {
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            try
            {
                if (beforeServer != null)
                {
                    beforeServer.close();
                }
            }
            catch (final Exception e)
            {
                System.err.println("simulator did not stop cleanly: " + e);
            }
            server.close();
            stopped.countDown();
        }, "offpeak-shutdown"));
        stopped.await();
    }
}
