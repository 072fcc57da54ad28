package com.offpeak.bench.engine;

import com.offpeak.engine.Command;
import com.offpeak.engine.EngineConfig;
import com.offpeak.engine.MatchingEngine;
import com.offpeak.engine.PreTradeCheck;
import com.offpeak.engine.catalog.Catalog;
import com.offpeak.journal.OutputEncoder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * One build's engine applying a stream batch by batch, as {@link MatchingEngineBenchmark} does, for
 * {@link InterleavedBuilds}: that loads this class from each build's jar in a class loader of its
 * own and calls it reflectively, so it keeps to a few public methods with JDK types only.
 */
public final class BatchRunner
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final CommandStream stream;
    private final Command[] batch = new Command[CommandStream.BATCH];
    private final ExpandableDirectByteBuffer output = new ExpandableDirectByteBuffer(1 << 20);
    private final OutputEncoder encoder = new OutputEncoder();
    private final MatchingEngine engine;
    private final CRC32C digest = new CRC32C();
    private final byte[] copy = new byte[1 << 16];
    private int nextBatch;
    private long cycle;

    public BatchRunner(final String streamFile) throws IOException
    {
        stream = ForkedGenerator.read(Path.of(streamFile));
        for (int i = 0; i < batch.length; i++)
        {
            batch[i] = new Command();
        }
        engine = new MatchingEngine(Catalog.loadDefault(), EngineConfig.DEFAULT, encoder, PreTradeCheck.ALLOW_ALL);
    }

    public int batches()
    {
        return stream.batches();
    }

    /** Loads and applies the next batch; returns the CPU time of applying it alone, in nanoseconds. */
    public long applyNextBatch()
    {
        if (nextBatch == stream.batches())
        {
            nextBatch = 0;
            cycle++;
        }
        stream.load(nextBatch++, cycle, batch);
        encoder.wrap(output);
        final long before = THREADS.getCurrentThreadCpuTime();
        for (final Command command : batch)
        {
            engine.apply(command);
        }
        final long cpu = THREADS.getCurrentThreadCpuTime() - before;
        digestOutput(encoder.length());
        return cpu;
    }

    /** A checksum of every byte of output so far: two builds that agree on it behaved the same. */
    public long outputDigest()
    {
        return digest.getValue();
    }

    private void digestOutput(final int length)
    {
        for (int offset = 0; offset < length; offset += copy.length)
        {
            final int chunk = Math.min(copy.length, length - offset);
            output.getBytes(offset, copy, 0, chunk);
            digest.update(copy, 0, chunk);
        }
    }
}
