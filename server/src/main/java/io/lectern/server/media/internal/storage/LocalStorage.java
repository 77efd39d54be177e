package io.lectern.server.media.internal.storage;

import io.lectern.server.platform.files.FileTrees;
import io.lectern.server.platform.files.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Media under a directory of the data dir; writes land atomically (temp file, then rename). Everything under it is
 * readable by the server's user only.
 */
public final class LocalStorage implements MediaStorage {

    private final Path root;

    public LocalStorage(Path root) throws IOException {
        this.root = OwnerOnly.directory(root).toAbsolutePath().normalize();
    }

    /** The file behind a key; keys never leave the root. */
    public Path file(String key) {
        Path p = root.resolve(StorageKeys.check(key)).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("key outside the media root");
        }
        return p;
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        closeDirectories(target.getParent());
        OwnerOnly.file(file);
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            OwnerOnly.file(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(file);
        }
    }

    private void closeDirectories(Path dir) throws IOException {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            OwnerOnly.directory(d);
        }
    }

    @Override
    public Optional<Stat> stat(String key) throws IOException {
        Path p = file(key);
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new Stat(a.size(), a.lastModifiedTime().toInstant(), '"'
                    + Long.toHexString(a.lastModifiedTime().toMillis()) + "-" + Long.toHexString(a.size()) + '"'));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        FileChannel ch = FileChannel.open(file(key), StandardOpenOption.READ);
        ch.position(offset);
        return new BoundedInputStream(Channels.newInputStream(ch), length);
    }

    @Override
    public Path localCopy(String key, Path tempDir) {
        return file(key);
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        FileTrees.delete(file(prefix));
    }

}
