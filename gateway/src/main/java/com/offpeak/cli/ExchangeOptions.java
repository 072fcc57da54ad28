package com.offpeak.cli;

import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.ledger.LedgerConfig;
import com.offpeak.pipeline.Exchange;
import com.offpeak.pipeline.StateMachineFactory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that define the business logic; a journal must be replayed with the ones it was written with. */
public final class ExchangeOptions
{
    @Option(names = "--catalog", description = "instrument catalog CSV (default: the built-in catalog)")
    Path catalog;

    @Option(names = "--maker-bps", defaultValue = "10", description = "maker fee in basis points (default: ${DEFAULT-VALUE})")
    int makerBps;

    @Option(names = "--taker-bps", defaultValue = "20", description = "taker fee in basis points (default: ${DEFAULT-VALUE})")
    int takerBps;

    public StateMachineFactory factory()
    {
        final Catalog instruments = catalog == null ? Catalog.loadDefault() : Catalog.load(catalog);
        return Exchange.factory(instruments, EngineConfig.DEFAULT, new LedgerConfig(makerBps, takerBps));
    }
}
