package com.offpeak.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** This process's memory mappings as Linux lists them in {@code /proc/self/smaps}: each mapping's header line, then its fields. */
final class ProcSmaps
{
    static final Path FILE = Path.of("/proc/self/smaps");

    /** One mapping: where it starts, the file it maps ("" for none), and its {@code Name: value} fields. */
    record Mapping(long start, String path, Map<String, String> fields)
    {
        /** The kernel's flags for the mapping ({@code rr}: advised {@code MADV_RANDOM}; {@code wr}: writable). */
        List<String> vmFlags()
        {
            return List.of(fields.getOrDefault("VmFlags", "").split(" "));
        }

        /** How much of it is mapped in this process, in kB. */
        long rssKilobytes()
        {
            return Long.parseLong(fields.get("Rss").replaceAll("[^0-9]", ""));
        }
    }

    private ProcSmaps()
    {
    }

    static List<Mapping> read() throws IOException
    {
        final List<Mapping> mappings = new ArrayList<>();
        Map<String, String> fields = null;
        for (final String line : Files.readAllLines(FILE))
        {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*"))
            {
                final int path = line.indexOf('/');
                fields = new HashMap<>();
                mappings.add(new Mapping(Long.parseUnsignedLong(line.substring(0, line.indexOf('-')), 16),
                    path < 0 ? "" : line.substring(path), fields));
            }
            else if (fields != null && line.indexOf(':') > 0)
            {
                fields.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return mappings;
    }
}
