package com.offpeak.bench.pipeline;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The collections and their accumulated time since a measured window began: a pause inside the
 * window shows in the latency tail, so each result line says whether there was one.
 */
final class GcActivity
{
    private final long collections;
    private final long millis;

    private GcActivity(final long collections, final long millis)
    {
        this.collections = collections;
        this.millis = millis;
    }

    static GcActivity start()
    {
        long collections = 0;
        long millis = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            collections += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new GcActivity(collections, millis);
    }

    /** "gc 0" or e.g. "gc 2, 31 ms". */
    String since()
    {
        final GcActivity now = start();
        final long count = now.collections - collections;
        return count == 0 ? "gc 0" : String.format("gc %d, %d ms", count, now.millis - millis);
    }
}
