package io.lectern.server.platform.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Proves that only one Lectern server uses a data directory. Held for the life of the process; the operating
 * system releases it when the process dies, so a later start knows leftovers are orphans.
 */
public final class DataDirLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static DataDirLock acquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("lectern.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new EmbeddedStartException("Another Lectern server is using the data directory " + dataDir
                        + ". Stop it, or give this one its own LECTERN_DATA_DIR.");
            }
            return new DataDirLock(channel, lock);
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot use the data directory " + dataDir + ": " + e.getMessage()
                    + ". Set LECTERN_DATA_DIR to a writable directory.", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // released by the OS at exit anyway
        }
    }
}
