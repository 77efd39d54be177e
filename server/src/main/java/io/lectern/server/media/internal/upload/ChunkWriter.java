package io.lectern.server.media.internal.upload;

import io.lectern.server.platform.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Writes one chunk into an upload's staging file at its offset. A connection that drops keeps what arrived
 * (the client resumes from there) unless the chunk had a checksum, which can then not be verified, so the chunk is
 * dropped whole; a checksum mismatch or a chunk running past the declared size drops the chunk too.
 */
final class ChunkWriter {

    private static final int BUFFER = 256 * 1024;

    private final Path file;

    ChunkWriter(Path file) {
        this.file = file;
    }

    /** Returns the new offset. */
    long write(long offset, long size, Optional<ChunkChecksum> checksum, InputStream body) {
        MessageDigest digest = checksum.map(ChunkChecksum::digest).orElse(null);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(offset); // bytes past the offset are leftovers of a chunk that never counted
            ch.position(offset);
            long written = 0;
            byte[] buf = new byte[BUFFER];
            try {
                for (int n; (n = body.read(buf)) > 0; ) {
                    if (offset + written + n > size) {
                        ch.truncate(offset);
                        throw new ApiException(413, "upload.too_long", "This chunk goes past the upload's declared "
                                + "size of " + size + " bytes.");
                    }
                    ch.write(ByteBuffer.wrap(buf, 0, n));
                    if (digest != null) {
                        digest.update(buf, 0, n);
                    }
                    written += n;
                }
            } catch (ApiException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                if (digest != null) {
                    ch.truncate(offset);
                    return offset;
                }
                ch.force(false);
                return offset + written; // the client went away; what arrived counts
            }
            if (digest != null && !MessageDigest.isEqual(digest.digest(), checksum.get().expected())) {
                ch.truncate(offset);
                throw new ApiException(460, "upload.checksum_mismatch", "This chunk does not match its "
                        + "Upload-Checksum; send it again from byte " + offset + ".").with("offset", offset);
            }
            ch.force(false);
            return offset + written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
