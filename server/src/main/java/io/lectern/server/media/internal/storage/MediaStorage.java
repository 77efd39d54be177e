package io.lectern.server.media.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where media files live once an upload is complete: the local filesystem (the embedded default) or S3-compatible
 * object storage. Keys are relative paths such as {@code <mediaId>/hls/v0/seg_001.ts}; both implementations pass
 * the same test suite.
 */
public interface MediaStorage {

    /**
     * A stored object's facts for HTTP caching and ranges.
     *
     * @param size         bytes
     * @param lastModified when it was written
     * @param etag         a strong validator that changes when the content does
     */
    record Stat(long size, Instant lastModified, String etag) {
    }

    /** Stores a local file under {@code key}, replacing what was there; the file may be moved (it is the caller's temp). */
    void put(String key, Path file) throws IOException;

    /** Stores every regular file below {@code dir} under {@code prefix/<relative path>}. */
    default void putTree(String prefix, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            put(prefix + "/" + dir.relativize(f).toString().replace('\\', '/'), f);
        }
    }

    Optional<Stat> stat(String key) throws IOException;

    /** Streams {@code length} bytes from {@code offset}; the caller closes the stream. */
    InputStream open(String key, long offset, long length) throws IOException;

    /** Makes the object available as a local file (itself for the filesystem, a temp download for S3). */
    Path localCopy(String key, Path tempDir) throws IOException;

    /** Deletes every object whose key starts with {@code prefix}. */
    void deleteAll(String prefix) throws IOException;

}
