package com.offpeak.study;

import com.offpeak.engine.catalog.Catalog;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}: the utilisation study, run twice on one seed (with and without deferrable bids), written as a report. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Run a deterministic synthetic GPU market through the real engine and ledger, with and without deferrable bids, " +
        "and write an HTML report with CSV data.")
public final class SimulateCommand implements Callable<Integer>
{
    @Option(names = "--days", defaultValue = "7", description = "simulated days, starting on a Monday (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same report (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", defaultValue = "simulation-report", description = "report directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--preemptible-share", defaultValue = "0.7",
        description = "share of deferrable bids that accept preemption, 0 to 1 (default: ${DEFAULT-VALUE})")
    double preemptibleShare;

    @Option(names = "--catalog", description = "instrument catalog CSV (default: the built-in catalog)")
    Path catalog;

    @Override
    public Integer call()
    {
        final StudySettings settings;
        try
        {
            settings = new StudySettings(days, seed, preemptibleShare);
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println("simulate: " + e.getMessage());
            return 2;
        }
        final Catalog instruments = catalog == null ? Catalog.loadDefault() : Catalog.load(catalog);
        final StudyReport report = new StudyReport(settings, StudyRun.run(instruments, settings, true),
            StudyRun.run(instruments, settings, false));
        try
        {
            report.write(out);
        }
        catch (final UncheckedIOException e)
        {
            System.err.println("simulate: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
        System.out.print(report.summary());
        System.out.println("report: " + out.resolve(StudyReport.HTML).toAbsolutePath());
        return 0;
    }
}
