package io.lectern.server.media.internal.upload;

import io.lectern.server.platform.http.ApiException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The tus checksum extension's {@code Upload-Checksum: <algorithm> <base64 digest>} for one chunk.
 *
 * @param algorithm Java digest name
 * @param expected  the digest the client computed
 */
public record ChunkChecksum(String algorithm, byte[] expected) {

    /** Parses the header; empty without one; 400 when it cannot be read or names an algorithm we do not offer. */
    public static Optional<ChunkChecksum> parse(Optional<String> header) {
        return header.map(h -> {
            String[] parts = h.strip().split("\\s+");
            String algorithm = parts.length == 2 ? switch (parts[0].toLowerCase(Locale.ROOT)) {
                case "sha256" -> "SHA-256";
                case "sha1" -> "SHA-1";
                case "md5" -> "MD5";
                default -> null;
            } : null;
            if (algorithm == null) {
                throw new ApiException(400, "upload.checksum_algorithm", "Upload-Checksum must be 'sha256 <base64>' "
                        + "(sha1 and md5 are accepted too).");
            }
            try {
                return new ChunkChecksum(algorithm, Base64.getDecoder().decode(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "upload.checksum_format", "The Upload-Checksum digest is not Base64.");
            }
        });
    }

    MessageDigest digest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
