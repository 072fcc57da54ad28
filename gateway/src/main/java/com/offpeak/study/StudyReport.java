package com.offpeak.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the study's report: one CSV per chart, the charts as one self-contained HTML page
 * (inline SVG and CSS, nothing fetched), the headline chart alone as an SVG file, and a short text
 * summary. Everything derives from the two {@link ScenarioResult}s only, so equal runs give equal bytes.
 */
final class StudyReport
{
    static final String HTML = "report.html";
    static final String HEADLINE_SVG = "utilisation-by-hour.svg";
    static final String UTILISATION_BY_HOUR = "utilisation_by_hour.csv";
    static final String UTILISATION_BY_DAY = "utilisation_by_day.csv";
    static final String VWAP_BY_HOUR = "vwap_by_hour.csv";
    static final String FILL_BY_SLACK = "deferrable_fill_by_slack.csv";
    static final String PREEMPTIONS_BY_DAY = "preemptions_by_day.csv";
    static final String SUMMARY = "summary.csv";

    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] HOURS = new String[ScenarioResult.HOURS_PER_DAY];

    static
    {
        for (int h = 0; h < HOURS.length; h++)
        {
            HOURS[h] = String.format(Locale.ROOT, "%02d", h);
        }
    }

    private final StudySettings settings;
    private final ScenarioResult[] runs;
    private final String[] runNames;

    StudyReport(final StudySettings settings, final ScenarioResult withDeferrable, final ScenarioResult urgentOnly)
    {
        this.settings = settings;
        this.runs = new ScenarioResult[] {withDeferrable, urgentOnly};
        this.runNames = new String[] {withDeferrable.name, urgentOnly.name};
    }

    void write(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
            write(dir.resolve(UTILISATION_BY_HOUR), utilisationByHourCsv());
            write(dir.resolve(UTILISATION_BY_DAY), utilisationByDayCsv());
            write(dir.resolve(VWAP_BY_HOUR), vwapByHourCsv());
            write(dir.resolve(FILL_BY_SLACK), fillBySlackCsv());
            write(dir.resolve(PREEMPTIONS_BY_DAY), preemptionsCsv());
            write(dir.resolve(SUMMARY), summaryCsv());
            write(dir.resolve(HEADLINE_SVG), utilisationByHourChart(ScenarioResult.ALL, "Utilisation by hour of day (UTC), all GPU classes"));
            write(dir.resolve(HTML), html());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }

    /** The headline numbers, one per line, for the terminal. */
    String summary()
    {
        final ScenarioResult with = runs[0];
        final ScenarioResult without = runs[1];
        return String.format(Locale.ROOT,
            "%d days, seed %d: utilisation (GPU-hours leased / offered) %.1f%% with deferrable bids, %.1f%% urgent only%n" +
                "  leased GPU-hours %.0f vs %.0f; offered %.0f vs %.0f%n" +
                "  urgent GPUs filled %.1f%% vs %.1f%%; deferrable GPUs filled %.1f%%; preemptions %d vs %d%n" +
                "  VWAP %s vs %s USD per GPU-hour%n",
            settings.days(), settings.seed(), 100 * with.utilisation(ScenarioResult.ALL, -1, -1),
            100 * without.utilisation(ScenarioResult.ALL, -1, -1), with.leasedGpuHours(ScenarioResult.ALL, -1, -1),
            without.leasedGpuHours(ScenarioResult.ALL, -1, -1), with.offeredGpuHours(ScenarioResult.ALL, -1, -1),
            without.offeredGpuHours(ScenarioResult.ALL, -1, -1), 100 * with.urgentFillRate(), 100 * without.urgentFillRate(),
            100 * with.deferrableFillRate(), with.preemptions(), without.preemptions(), usd(with.vwapUsd(ScenarioResult.ALL, -1)),
            usd(without.vwapUsd(ScenarioResult.ALL, -1)));
    }

    // ------------------------------------------------------------------------------------------------ CSV

    private String utilisationByHourCsv()
    {
        final StringBuilder csv = new StringBuilder("scenario,instrument,hour,offered_gpu_hours,leased_gpu_hours,utilisation\n");
        for (final ScenarioResult run : runs)
        {
            for (int i = ScenarioResult.ALL; i < run.instruments(); i++)
            {
                for (int h = 0; h < ScenarioResult.HOURS_PER_DAY; h++)
                {
                    csv.append(run.name).append(',').append(instrumentName(run, i)).append(',').append(h).append(',')
                        .append(number(run.offeredGpuHours(i, -1, h))).append(',').append(number(run.leasedGpuHours(i, -1, h)))
                        .append(',').append(number(run.utilisation(i, -1, h))).append('\n');
                }
            }
        }
        return csv.toString();
    }

    private String utilisationByDayCsv()
    {
        final StringBuilder csv = new StringBuilder("scenario,day,weekday,offered_gpu_hours,leased_gpu_hours,utilisation\n");
        for (final ScenarioResult run : runs)
        {
            for (int d = 0; d < run.days; d++)
            {
                csv.append(run.name).append(',').append(d).append(',').append(WEEKDAYS[d % 7]).append(',')
                    .append(number(run.offeredGpuHours(ScenarioResult.ALL, d, -1))).append(',')
                    .append(number(run.leasedGpuHours(ScenarioResult.ALL, d, -1))).append(',')
                    .append(number(run.utilisation(ScenarioResult.ALL, d, -1))).append('\n');
            }
        }
        return csv.toString();
    }

    private String vwapByHourCsv()
    {
        final StringBuilder csv = new StringBuilder("scenario,instrument,hour,traded_gpu_hours,vwap_usd_per_gpu_hour\n");
        for (final ScenarioResult run : runs)
        {
            for (int i = 0; i < run.instruments(); i++)
            {
                for (int h = 0; h < ScenarioResult.HOURS_PER_DAY; h++)
                {
                    final double vwap = run.vwapUsd(i, h);
                    csv.append(run.name).append(',').append(run.instrumentIds[i]).append(',').append(h).append(',')
                        .append(number(run.tradedGpuHours(i, h))).append(',').append(Double.isNaN(vwap) ? "" : number(vwap))
                        .append('\n');
                }
            }
        }
        return csv.toString();
    }

    private String fillBySlackCsv()
    {
        final StringBuilder csv = new StringBuilder("scenario,slack,bids,gpus_requested,gpus_filled,fill_rate\n");
        for (final ScenarioResult run : runs)
        {
            for (int b = 0; b < SlackBucket.COUNT; b++)
            {
                csv.append(run.name).append(',').append(SlackBucket.label(b)).append(',').append(run.deferrableBids[b]).append(',')
                    .append(run.deferrableRequestedGpus[b]).append(',').append(run.deferrableFilledGpus[b]).append(',')
                    .append(number(run.deferrableFillRate(b))).append('\n');
            }
        }
        return csv.toString();
    }

    private String preemptionsCsv()
    {
        final StringBuilder csv = new StringBuilder("scenario,day,instrument,preemptions\n");
        for (final ScenarioResult run : runs)
        {
            for (int d = 0; d < run.days; d++)
            {
                for (int i = 0; i < run.instruments(); i++)
                {
                    csv.append(run.name).append(',').append(d).append(',').append(run.instrumentIds[i]).append(',')
                        .append(run.preemptions[d][i]).append('\n');
                }
            }
        }
        return csv.toString();
    }

    private String summaryCsv()
    {
        final StringBuilder csv = new StringBuilder("scenario,metric,value\n");
        for (final ScenarioResult run : runs)
        {
            summaryRow(csv, run, "offered_gpu_hours", number(run.offeredGpuHours(ScenarioResult.ALL, -1, -1)));
            summaryRow(csv, run, "leased_gpu_hours", number(run.leasedGpuHours(ScenarioResult.ALL, -1, -1)));
            summaryRow(csv, run, "utilisation", number(run.utilisation(ScenarioResult.ALL, -1, -1)));
            summaryRow(csv, run, "urgent_bids", Long.toString(run.urgentBids));
            summaryRow(csv, run, "urgent_fill_rate", number(run.urgentFillRate()));
            summaryRow(csv, run, "deferrable_fill_rate", number(run.deferrableFillRate()));
            summaryRow(csv, run, "vwap_usd_per_gpu_hour", usd(run.vwapUsd(ScenarioResult.ALL, -1)));
            summaryRow(csv, run, "preemptions", Integer.toString(run.preemptions()));
            summaryRow(csv, run, "rejected_orders", Long.toString(run.rejectedOrders));
        }
        return csv.toString();
    }

    private static void summaryRow(final StringBuilder csv, final ScenarioResult run, final String metric, final String value)
    {
        csv.append(run.name).append(',').append(metric).append(',').append(value).append('\n');
    }

    // ------------------------------------------------------------------------------------------------ charts

    private String utilisationByHourChart(final int instrument, final String title)
    {
        final double[][] series = new double[runs.length][ScenarioResult.HOURS_PER_DAY];
        for (int r = 0; r < runs.length; r++)
        {
            for (int h = 0; h < ScenarioResult.HOURS_PER_DAY; h++)
            {
                series[r][h] = 100 * runs[r].utilisation(instrument, -1, h);
            }
        }
        return new SvgChart(title, HOURS, runNames, series, 100, "%.0f%%").lines();
    }

    private String utilisationByDayChart()
    {
        final double[][] series = new double[runs.length][runs[0].days];
        for (int r = 0; r < runs.length; r++)
        {
            for (int d = 0; d < runs[r].days; d++)
            {
                series[r][d] = 100 * runs[r].utilisation(ScenarioResult.ALL, d, -1);
            }
        }
        return new SvgChart("Utilisation by day (weekends: Sat, Sun)", dayLabels(), runNames, series, 100, "%.0f%%").bars();
    }

    /** Weekday names; numbered too when the run is longer than a week. */
    private String[] dayLabels()
    {
        final int days = runs[0].days;
        final String[] labels = new String[days];
        for (int d = 0; d < days; d++)
        {
            labels[d] = WEEKDAYS[d % 7] + (days > 7 ? " " + (d + 1) : "");
        }
        return labels;
    }

    private String vwapByHourChart(final int instrument, final String title)
    {
        final double[][] series = new double[runs.length][ScenarioResult.HOURS_PER_DAY];
        for (int r = 0; r < runs.length; r++)
        {
            for (int h = 0; h < ScenarioResult.HOURS_PER_DAY; h++)
            {
                series[r][h] = runs[r].vwapUsd(instrument, h);
            }
        }
        return new SvgChart(title, HOURS, runNames, series, SvgChart.max(series) * 1.1, "$%.2f").lines();
    }

    private String fillBySlackChart()
    {
        final String[] labels = new String[SlackBucket.COUNT];
        final double[][] series = new double[1][SlackBucket.COUNT];
        for (int b = 0; b < SlackBucket.COUNT; b++)
        {
            labels[b] = SlackBucket.label(b);
            series[0][b] = 100 * runs[0].deferrableFillRate(b);
        }
        return new SvgChart("Deferrable GPUs filled by deadline slack", labels, new String[] {runNames[0]}, series, 100, "%.0f%%")
            .bars();
    }

    private String preemptionsChart()
    {
        final double[][] series = new double[runs.length][runs[0].days];
        for (int r = 0; r < runs.length; r++)
        {
            for (int d = 0; d < runs[r].days; d++)
            {
                series[r][d] = runs[r].preemptions(d, ScenarioResult.ALL);
            }
        }
        return new SvgChart("Preemptions per day (leases taken over by a higher payer)", dayLabels(), runNames, series,
            Math.max(1, SvgChart.max(series) * 1.1), "%.0f").bars();
    }

    private String preemptionsByClassChart()
    {
        final int instruments = runs[0].instruments();
        final double[][] series = new double[runs.length][instruments];
        for (int r = 0; r < runs.length; r++)
        {
            for (int i = 0; i < instruments; i++)
            {
                for (int d = 0; d < runs[r].days; d++)
                {
                    series[r][i] += runs[r].preemptions(d, i);
                }
            }
        }
        return new SvgChart("Preemptions per GPU class, whole run", runs[0].instrumentIds, runNames, series,
            Math.max(1, SvgChart.max(series) * 1.1), "%.0f").bars();
    }

    // ------------------------------------------------------------------------------------------------ HTML

    private String html()
    {
        final ScenarioResult with = runs[0];
        final StringBuilder html = new StringBuilder(1 << 18);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Offpeak utilisation study</title>\n")
            .append("<style>body{font-family:Helvetica,Arial,sans-serif;margin:24px auto;max-width:1340px;color:#222}")
            .append("h1{font-size:22px}h2{font-size:17px;margin-top:32px}.grid{display:flex;flex-wrap:wrap;gap:12px}")
            .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}")
            .append("th:first-child,td:first-child{text-align:left}p.note{color:#555;max-width:900px}</style>\n</head><body>\n")
            .append("<h1>Offpeak utilisation study</h1>\n<p class=\"note\">").append(settings.days()).append(" simulated days from a Monday, seed ")
            .append(settings.seed()).append(", ").append(Math.round(100 * settings.preemptibleShare()))
            .append("% of deferrable bids preemptible. Both runs see the same owners' capacity and the same urgent orders; ")
            .append("the first adds deferrable bids. Utilisation is GPU-hours leased / GPU-hours offered (free GPUs of open asks ")
            .append("plus leased GPUs).</p>\n<pre>").append(SvgChart.escape(summary())).append("</pre>\n");
        html.append("<h2>Summary</h2>\n<table><tr><th>GPU class</th>");
        for (final String name : runNames)
        {
            html.append("<th>utilisation, ").append(SvgChart.escape(name)).append("</th>");
        }
        html.append("<th>VWAP, ").append(SvgChart.escape(runNames[0])).append("</th><th>VWAP, ").append(SvgChart.escape(runNames[1]))
            .append("</th></tr>\n");
        for (int i = ScenarioResult.ALL; i < with.instruments(); i++)
        {
            html.append("<tr><td>").append(SvgChart.escape(instrumentName(with, i))).append("</td>");
            for (final ScenarioResult run : runs)
            {
                html.append("<td>").append(String.format(Locale.ROOT, "%.1f%%", 100 * run.utilisation(i, -1, -1))).append("</td>");
            }
            for (final ScenarioResult run : runs)
            {
                html.append("<td>").append(usd(run.vwapUsd(i, -1))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<h2>Utilisation</h2>\n<div class=\"grid\">")
            .append(utilisationByHourChart(ScenarioResult.ALL, "Utilisation by hour of day (UTC), all GPU classes"))
            .append(utilisationByDayChart()).append("</div>\n<h2>Utilisation by GPU class</h2>\n<div class=\"grid\">");
        for (int i = 0; i < with.instruments(); i++)
        {
            html.append(utilisationByHourChart(i, with.instrumentIds[i] + ": utilisation by hour of day"));
        }
        html.append("</div>\n<h2>Prices by hour of day</h2>\n<p class=\"note\">Volume-weighted average trade price per GPU-hour ")
            .append("(weights: GPU-hours of each fill; hour of the fill). Gaps: no trade in that hour.</p>\n<div class=\"grid\">")
            .append(vwapByHourChart(ScenarioResult.ALL, "VWAP by hour of day, all GPU classes"));
        for (int i = 0; i < with.instruments(); i++)
        {
            html.append(vwapByHourChart(i, with.instrumentIds[i] + ": VWAP by hour of day"));
        }
        html.append("</div>\n<h2>Deferrable fill rate versus deadline slack</h2>\n<p class=\"note\">Slack = deadline − duration − ")
            .append("time placed: how long a bid may rest. Fill rate = GPUs filled / GPUs asked for. The urgent-only run has no ")
            .append("deferrable bids.</p>\n<div class=\"grid\">").append(fillBySlackChart()).append("</div>\n")
            .append("<h2>Preemptions</h2>\n<p class=\"note\">Leases taken over from a preemptible lease by a non-preemptible bid ")
            .append("paying its price plus one tick. Only deferrable bids are preemptible, so the urgent-only run has none.</p>\n")
            .append("<div class=\"grid\">").append(preemptionsChart()).append(preemptionsByClassChart()).append("</div>\n")
            .append("<p class=\"note\">Data: the CSV files next to this page.</p>\n</body></html>\n");
        return html.toString();
    }

    // ------------------------------------------------------------------------------------------------ formatting

    private static String instrumentName(final ScenarioResult run, final int instrument)
    {
        return instrument == ScenarioResult.ALL ? "ALL" : run.instrumentIds[instrument];
    }

    private static String number(final double value)
    {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String usd(final double value)
    {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static void write(final Path file, final String text) throws IOException
    {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
