package com.offpeak.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one process that writes a data directory, from before recovery until its journals are
 * closed. Two exchanges on one directory would both append to its journals, and the second, having
 * recovered before the first stopped writing, would give new inputs the sequence numbers of the
 * first's last ones: a journal that no replay can read back. So the second refuses to start.
 *
 * <p>The lock is the operating system's ({@link FileChannel#tryLock()}, an fcntl lock on Linux), so it
 * dies with its process: a process killed with SIGKILL leaves nothing to clean up, and the next
 * start recovers at once. The file stays and names the last holder, for the refusal's message.
 * Readers (replay, verify, the snapshot replica) take no lock: the journals allow readers beside
 * their writer.
 */
public final class DataDirectoryLock implements AutoCloseable
{
    public static final String FILE = "offpeak.lock";

    private final FileChannel channel;

    private DataDirectoryLock(final FileChannel channel)
    {
        this.channel = channel;
    }

    /**
     * Takes the directory (created if absent) for this process.
     *
     * @throws DataDirectoryInUseException if another process, or another pipeline of this one, holds it
     */
    public static DataDirectoryLock acquire(final Path dataDir)
    {
        final Path file = dataDir.resolve(FILE);
        try
        {
            Files.createDirectories(dataDir);
            final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try
            {
                if (!holds(channel))
                {
                    final String holder = Files.readString(file, StandardCharsets.US_ASCII).strip();
                    throw new DataDirectoryInUseException("data directory " + dataDir + " is in use by another Offpeak process" +
                        (holder.isEmpty() ? "" : " (" + holder + ")") + ": stop it first, or give this one another --data directory");
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                return new DataDirectoryLock(channel);
            }
            catch (final IOException | RuntimeException e)
            {
                channel.close();
                throw e;
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot lock data directory " + dataDir + " (" + file + ")", e);
        }
    }

    /** Takes the file's lock; false when another process holds it, or this JVM does through another channel. */
    private static boolean holds(final FileChannel channel) throws IOException
    {
        try
        {
            return channel.tryLock() != null;
        }
        catch (final OverlappingFileLockException heldHere)
        {
            return false;
        }
    }

    /** Releases the directory (closing the channel releases its lock). */
    @Override
    public void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
