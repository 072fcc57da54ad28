package com.offpeak.bench.engine;

import com.offpeak.engine.catalog.Catalog;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Generates a workload's stream in a JVM of its own and hands it over through a file.
 *
 * <p>Generating drives a second engine whose listener is the {@link ShadowBook}. In the measuring
 * JVM that would teach the JIT a listener type, and branch and loop profiles, that the measured
 * engine never sees: its event call sites would be compiled for two receiver types and its hot
 * paths for another workload's shape. Out of process, the measured engine's profile is its own.
 */
public final class ForkedGenerator
{
    private ForkedGenerator()
    {
    }

    /** Runs {@link #main} in a child JVM with this JVM's class path and reads back the stream it wrote. */
    public static CommandStream generate(final Workload workload)
    {
        try
        {
            final Path file = generateToFile(workload);
            try
            {
                return read(file);
            }
            finally
            {
                Files.deleteIfExists(file);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@link #main} in a child JVM with this JVM's class path; the stream is in the returned temporary file. */
    public static Path generateToFile(final Workload workload) throws IOException
    {
        final Path file = Files.createTempFile("offpeak-" + workload.name().toLowerCase(Locale.ROOT) + '-', ".stream");
        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        final Process child = new ProcessBuilder(java.toString(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
            ForkedGenerator.class.getName(), workload.name(), file.toString())
            .inheritIO()
            .start();
        try
        {
            final int exit = child.waitFor();
            if (exit != 0)
            {
                Files.deleteIfExists(file);
                throw new IllegalStateException("generating " + workload + " failed with exit code " + exit);
            }
            return file;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            Files.deleteIfExists(file);
            throw new IllegalStateException("interrupted while generating " + workload, e);
        }
    }

    /** A stream {@link #main} wrote. */
    public static CommandStream read(final Path file) throws IOException
    {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)))
        {
            return CommandStream.readFrom(in);
        }
    }

    /** {@code ForkedGenerator WORKLOAD FILE}: generates the workload and writes its stream to the file. */
    public static void main(final String[] args) throws IOException
    {
        final CommandStream stream = Workload.valueOf(args[0]).generate(Catalog.loadDefault());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 16)))
        {
            stream.writeTo(out);
        }
    }
}
