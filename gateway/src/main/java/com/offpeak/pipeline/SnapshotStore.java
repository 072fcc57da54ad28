package com.offpeak.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Snapshot files in {@code DATA/snapshots}, one per snapshot, named by the sequence they cover so
 * that name order is age order. Layout (big-endian):
 * <pre>
 *   8  magic "OFFPKSNP"
 *   4  format version
 *   8  sequence (last input applied)
 *   8  input journal index of that input
 *   8  its stamped time
 *   4  payload length N
 *   N  payload: the state machine's snapshot (engine, then ledger)
 *   4  CRC32 of every byte above
 * </pre>
 * A file is written to a temporary name, forced to disk and renamed, so a crash leaves either the
 * old set or the new file complete. Loading skips, with a WARN line, every file that is partial,
 * corrupt or of another format version, and falls back to the next older one.
 */
public final class SnapshotStore
{
    public static final long MAGIC = 0x4F4646504B534E50L;
    public static final int FORMAT_VERSION = 1;

    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".bin";
    private static final int HEADER = 8 + 4 + 8 + 8 + 8 + 4;
    private static final int TRAILER = 4;

    private final Path directory;
    private final int keep;

    /** Keeps the newest {@code keep} snapshots, deleting older ones after each write. */
    public SnapshotStore(final Path directory, final int keep)
    {
        if (keep < 1)
        {
            throw new IllegalArgumentException("must keep at least one snapshot");
        }
        this.directory = directory;
        this.keep = keep;
    }

    public synchronized Path write(final long sequence, final long journalIndex, final long time, final byte[] payload)
    {
        final ByteBuffer file = ByteBuffer.allocate(HEADER + payload.length + TRAILER);
        file.putLong(MAGIC).putInt(FORMAT_VERSION).putLong(sequence).putLong(journalIndex).putLong(time).putInt(payload.length)
            .put(payload);
        final CRC32 crc = new CRC32();
        crc.update(file.array(), 0, file.position());
        file.putInt((int)crc.getValue()).flip();
        try
        {
            Files.createDirectories(directory);
            final Path target = directory.resolve(fileName(sequence));
            final Path temp = directory.resolve(fileName(sequence) + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE))
            {
                while (file.hasRemaining())
                {
                    channel.write(file);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            pruneOlderThanNewest(keep);
            return target;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write snapshot " + sequence + " in " + directory, e);
        }
    }

    /** The snapshot files, newest first. */
    public List<Path> files()
    {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory))
        {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX))
        {
            stream.forEach(files::add);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        files.sort((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()));
        return files;
    }

    /** Reads and checks one file; throws {@link InvalidSnapshotException} saying what is wrong with it. */
    public static Snapshot read(final Path path)
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(path);
        }
        catch (final IOException e)
        {
            throw new InvalidSnapshotException(path, "unreadable: " + e.getMessage());
        }
        if (bytes.length < HEADER + TRAILER)
        {
            throw new InvalidSnapshotException(path, "only " + bytes.length + " bytes, shorter than a header");
        }
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getLong() != MAGIC)
        {
            throw new InvalidSnapshotException(path, "not an Offpeak snapshot (bad magic)");
        }
        final int version = in.getInt();
        if (version != FORMAT_VERSION)
        {
            throw new InvalidSnapshotException(path, "format version " + version + ", this build reads " + FORMAT_VERSION);
        }
        final long sequence = in.getLong();
        final long journalIndex = in.getLong();
        final long time = in.getLong();
        final int length = in.getInt();
        if (length < 0 || length != bytes.length - HEADER - TRAILER)
        {
            throw new InvalidSnapshotException(path, "payload length " + length + " does not match the file size " + bytes.length +
                " (partial write?)");
        }
        final CRC32 crc = new CRC32();
        crc.update(bytes, 0, HEADER + length);
        final int expected = ByteBuffer.wrap(bytes, HEADER + length, TRAILER).getInt();
        if ((int)crc.getValue() != expected)
        {
            throw new InvalidSnapshotException(path, "CRC mismatch (corrupt)");
        }
        final byte[] payload = new byte[length];
        System.arraycopy(bytes, HEADER, payload, 0, length);
        return new Snapshot(sequence, journalIndex, time, payload);
    }

    private void pruneOlderThanNewest(final int count) throws IOException
    {
        final List<Path> files = files();
        for (int i = count; i < files.size(); i++)
        {
            Files.deleteIfExists(files.get(i));
        }
    }

    private static String fileName(final long sequence)
    {
        return PREFIX + String.format("%020d", sequence) + SUFFIX;
    }
}
