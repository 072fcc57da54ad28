package com.offpeak.gateway.server;

import com.offpeak.gateway.auth.Role;
import com.offpeak.gateway.sim.DemoAccounts;
import com.offpeak.gateway.sim.MarketSimulator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./offpeak demo}: the whole exchange with a simulated market on an accelerated journaled clock. */
@Command(name = "demo", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
    description = {"Run the exchange with a simulated market: owners posting idle capacity (more at night), urgent IOC buyers",
        "and deferrable GTD buyers, on an accelerated clock so that leases end and capacity returns within minutes."},
    footer = {"", "Each option can also be set in the environment (--speed: OFFPEAK_SPEED=120)",
        "or in a properties file (speed=120) named by OFFPEAK_CONFIG (default ./offpeak.properties).",
        "Command-line flags win."})
public final class DemoCommand implements Callable<Integer>
{
    @Mixin
    ServerOptions options;

    @Option(names = "--speed", defaultValue = "60", description = "engine time runs this many times faster than the wall clock (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "simulator seed: the same seed gives the same order stream (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception
    {
        final GatewayServer server = GatewayServer.start(options.toConfig(speed));
        final DemoAccounts accounts = new DemoAccounts();
        accounts.fund(server.pipeline());
        final String yourKey = server.keys().create(DemoAccounts.YOU, Role.ADMIN, System.currentTimeMillis());
        final MarketSimulator simulator = new MarketSimulator(server.pipeline(), server.catalog(), server::exchangeTime, accounts, seed);
        simulator.start();
        ServeCommand.printUrls(server);
        System.out.println("  your API key (account " + DemoAccounts.YOU + ", funded, admin):  " + yourKey);
        System.out.println("  clock: " + speed + "x, so a 60-minute lease ends after " + Math.round(3600 / speed) + " s");
        System.out.flush();
        ServeCommand.awaitShutdown(server, simulator);
        return 0;
    }
}
