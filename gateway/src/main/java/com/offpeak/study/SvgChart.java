package com.offpeak.study;

import java.util.Locale;

/**
 * Small self-contained SVG charts: one x axis of labelled categories, a y axis from 0 to a
 * maximum, and up to a few series drawn as lines or grouped bars. Plain text in, plain text out,
 * numbers formatted with {@link Locale#ROOT} so the same data always gives the same bytes.
 */
final class SvgChart
{
    static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#66a182", "#edae49", "#8d6a9f", "#00798c", "#5c5c5c"};

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;
    private static final int GRID_LINES = 4;

    private final String title;
    private final String[] xLabels;
    private final String[] seriesNames;
    private final double[][] series;
    private final double yMax;
    private final String yFormat;

    /** {@code series[s][x]}; NaN leaves a gap. {@code yFormat} formats the axis labels, e.g. {@code "%.0f%%"}. */
    SvgChart(final String title, final String[] xLabels, final String[] seriesNames, final double[][] series, final double yMax,
        final String yFormat)
    {
        this.title = title;
        this.xLabels = xLabels;
        this.seriesNames = seriesNames;
        this.series = series;
        this.yMax = yMax > 0 ? yMax : 1;
        this.yFormat = yFormat;
    }

    /** The largest finite value of every series, for a chart's {@code yMax}. */
    static double max(final double[][] series)
    {
        double max = 0;
        for (final double[] values : series)
        {
            for (final double value : values)
            {
                if (!Double.isNaN(value))
                {
                    max = Math.max(max, value);
                }
            }
        }
        return max;
    }

    String lines()
    {
        final StringBuilder svg = frame();
        for (int s = 0; s < series.length; s++)
        {
            final StringBuilder path = new StringBuilder();
            boolean penDown = false;
            for (int x = 0; x < xLabels.length; x++)
            {
                final double value = series[s][x];
                if (Double.isNaN(value))
                {
                    penDown = false;
                    continue;
                }
                path.append(penDown ? " L" : " M").append(fmt(xCentre(x))).append(',').append(fmt(y(value)));
                penDown = true;
            }
            svg.append("<path fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(COLOURS[s % COLOURS.length]).append("\" d=\"")
                .append(path.toString().trim()).append("\"/>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    String bars()
    {
        final StringBuilder svg = frame();
        final double slot = slotWidth();
        final double barWidth = slot * 0.8 / series.length;
        for (int s = 0; s < series.length; s++)
        {
            for (int x = 0; x < xLabels.length; x++)
            {
                final double value = series[s][x];
                if (Double.isNaN(value))
                {
                    continue;
                }
                final double left = LEFT + x * slot + slot * 0.1 + s * barWidth;
                svg.append("<rect fill=\"").append(COLOURS[s % COLOURS.length]).append("\" x=\"").append(fmt(left)).append("\" y=\"")
                    .append(fmt(y(value))).append("\" width=\"").append(fmt(barWidth)).append("\" height=\"")
                    .append(fmt(HEIGHT - BOTTOM - y(value))).append("\"><title>").append(escape(seriesNames[s])).append(", ")
                    .append(escape(xLabels[x])).append(": ").append(String.format(Locale.ROOT, yFormat, value)).append("</title></rect>\n");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private StringBuilder frame()
    {
        final StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n")
            .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
            .append("<text x=\"").append(LEFT).append("\" y=\"16\" font-size=\"14\" font-weight=\"bold\">").append(escape(title))
            .append("</text>\n");
        for (int i = 0; i <= GRID_LINES; i++)
        {
            final double value = yMax * i / GRID_LINES;
            final double y = y(value);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
                .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"").append(i == 0 ? "#444444" : "#e3e3e3").append("\"/>\n")
                .append("<text text-anchor=\"end\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4)).append("\">")
                .append(escape(String.format(Locale.ROOT, yFormat, value))).append("</text>\n");
        }
        final int labelEvery = Math.max(1, (xLabels.length + 11) / 12);
        for (int x = 0; x < xLabels.length; x += labelEvery)
        {
            svg.append("<text text-anchor=\"middle\" x=\"").append(fmt(xCentre(x))).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                .append("\">").append(escape(xLabels[x])).append("</text>\n");
        }
        double legendX = LEFT;
        for (int s = 0; s < seriesNames.length; s++)
        {
            svg.append("<rect x=\"").append(fmt(legendX)).append("\" y=\"").append(HEIGHT - 16).append("\" width=\"12\" height=\"10\" fill=\"")
                .append(COLOURS[s % COLOURS.length]).append("\"/><text x=\"").append(fmt(legendX + 16)).append("\" y=\"")
                .append(HEIGHT - 7).append("\">").append(escape(seriesNames[s])).append("</text>\n");
            legendX += 24 + 6.5 * seriesNames[s].length();
        }
        return svg;
    }

    private double slotWidth()
    {
        return (double)(WIDTH - LEFT - RIGHT) / xLabels.length;
    }

    private double xCentre(final int x)
    {
        return LEFT + (x + 0.5) * slotWidth();
    }

    private double y(final double value)
    {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * Math.min(value, yMax) / yMax;
    }

    private static String fmt(final double value)
    {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
