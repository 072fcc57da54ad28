package com.offpeak.engine.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instruments the exchange trades, loaded from a CSV file so that a new GPU class is a
 * configuration change, not a code change. Columns (header line and {@code #} comments ignored):
 * <pre>
 * id,generation,year,memoryGb,interconnect,gpusPerNode,tickSize,minDurationMinutes,maxGpus,maxDurationMinutes
 * </pre>
 * Instrument indexes follow file order, so a catalog may only grow at the end while journals
 * written with it are still replayed.
 */
public final class Catalog
{
    public static final String DEFAULT_RESOURCE = "/catalog.csv";
    private static final int COLUMNS = 10;

    private final Instrument[] instruments;

    public Catalog(final List<Instrument> instruments)
    {
        this.instruments = instruments.toArray(new Instrument[0]);
        for (int i = 0; i < this.instruments.length; i++)
        {
            if (this.instruments[i].index() != i)
            {
                throw new IllegalArgumentException("instrument " + this.instruments[i].id() + " must have index " + i);
            }
            for (int j = 0; j < i; j++)
            {
                if (this.instruments[j].id().equals(this.instruments[i].id()))
                {
                    throw new IllegalArgumentException("duplicate instrument " + this.instruments[i].id());
                }
            }
        }
    }

    /** The catalog shipped with the engine: current and old GPU generations. */
    public static Catalog loadDefault()
    {
        try (InputStream in = Catalog.class.getResourceAsStream(DEFAULT_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("default catalog resource " + DEFAULT_RESOURCE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalog load(final Path file)
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            return parse(reader, file.toString());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses catalog CSV; a malformed line fails with its source and line number. */
    public static Catalog parse(final Reader source, final String name) throws IOException
    {
        final List<Instrument> list = new ArrayList<>();
        final BufferedReader reader = new BufferedReader(source);
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null)
        {
            lineNumber++;
            final String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("id,"))
            {
                continue;
            }
            final String[] cells = trimmed.split(",", -1);
            if (cells.length != COLUMNS)
            {
                throw new IllegalArgumentException(name + ":" + lineNumber + ": expected " + COLUMNS + " columns, got " + cells.length);
            }
            try
            {
                list.add(new Instrument(
                    list.size(),
                    cells[0].trim(),
                    cells[1].trim(),
                    Integer.parseInt(cells[2].trim()),
                    Integer.parseInt(cells[3].trim()),
                    Interconnect.valueOf(cells[4].trim().toUpperCase(Locale.ROOT)),
                    Integer.parseInt(cells[5].trim()),
                    Long.parseLong(cells[6].trim()),
                    Integer.parseInt(cells[7].trim()),
                    Integer.parseInt(cells[8].trim()),
                    Integer.parseInt(cells[9].trim())));
            }
            catch (final IllegalArgumentException e)
            {
                throw new IllegalArgumentException(name + ":" + lineNumber + ": " + e.getMessage(), e);
            }
        }
        if (list.isEmpty())
        {
            throw new IllegalArgumentException(name + ": no instruments");
        }
        return new Catalog(list);
    }

    public int size()
    {
        return instruments.length;
    }

    /** The instrument at {@code index}, or {@code null} when there is none (an unknown instrument). */
    public Instrument get(final int index)
    {
        return index >= 0 && index < instruments.length ? instruments[index] : null;
    }

    /** The instrument named {@code id}, or {@code null}. Not for the hot path. */
    public Instrument byId(final String id)
    {
        for (final Instrument instrument : instruments)
        {
            if (instrument.id().equals(id))
            {
                return instrument;
            }
        }
        return null;
    }

    public List<Instrument> all()
    {
        return List.of(instruments);
    }
}
