package com.offpeak.journal;

import java.nio.file.Path;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/** Where the journals of one data directory live, and how their Chronicle Queues are opened. */
public final class Journals
{
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String SNAPSHOTS = "snapshots";

    private Journals()
    {
    }

    public static SingleChronicleQueue open(final Path dataDir, final String name, final Durability durability)
    {
        return SingleChronicleQueueBuilder.binary(dataDir.resolve(name))
            // SYNC makes ExcerptAppender.sync() an msync(MS_SYNC); it is called once per batch, never per record.
            .syncMode(durability == Durability.SYNC ? SyncMode.SYNC : SyncMode.NONE)
            .build();
    }

    public static SingleChronicleQueue openReadOnly(final Path dataDir, final String name)
    {
        return SingleChronicleQueueBuilder.binary(dataDir.resolve(name)).readOnly(true).build();
    }
}
