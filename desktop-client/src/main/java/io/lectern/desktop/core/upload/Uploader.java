package io.lectern.desktop.core.upload;

import static io.lectern.desktop.core.i18n.Messages.tr;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.auth.SessionEndedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Uploads a file through the server's resumable (tus 1.0) uploads: the session is created with the file's SHA-256,
 * the file goes in 1 MiB chunks each with its checksum, a dropped connection resumes from the offset the server
 * reports, and the upload is done when the server has checked the file (type, size, virus scan).
 */
public final class Uploader {

    static final int CHUNK = 1024 * 1024;
    private static final int RETRIES = 5;

    private final ApiClient api;
    private final Session session;

    public Uploader(ApiClient api, Session session) {
        this.api = api;
        this.session = session;
    }

    /**
     * Uploads {@code file} for {@code purpose} (SUBMISSION, VIDEO, …), reporting bytes sent; returns the media id
     * once the server accepted the file.
     */
    public UUID upload(Path file, String purpose, LongConsumer sent, BooleanSupplier cancelled)
            throws ApiError, ServerUnreachableException, SessionEndedException, IOException, InterruptedException {
        long size = Files.size(file);
        String type = Files.probeContentType(file);
        String sha256 = sha256(file);
        JsonNode created = session.call(token -> api.post("/api/v1/uploads", Map.of("filename",
                file.getFileName().toString(), "size", size, "contentType", type == null ? "application/octet-stream"
                : type, "purpose", purpose, "sha256", sha256), JsonNode.class, token));
        UUID id = UUID.fromString(created.path("id").asText());
        String path = "/api/v1/uploads/" + id;
        long offset = 0;
        int failures = 0;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] buffer = new byte[CHUNK];
            while (offset < size) {
                if (cancelled.getAsBoolean()) {
                    session.call(token -> api.send("DELETE", path, null, Map.of("Tus-Resumable", "1.0.0"), token));
                    throw new IOException(tr("upload.cancelled"));
                }
                int n = (int) Math.min(CHUNK, size - offset);
                in.seek(offset);
                in.readFully(buffer, 0, n);
                byte[] chunk = n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n);
                try {
                    long at = offset;
                    session.call(token -> api.send("PATCH", path, chunk, Map.of("Tus-Resumable", "1.0.0",
                            "Content-Type", "application/offset+octet-stream", "Upload-Offset", Long.toString(at),
                            "Upload-Checksum", "sha256 " + Base64.getEncoder().encodeToString(digest(chunk))), token));
                    offset += n;
                    failures = 0;
                    sent.accept(offset);
                } catch (ServerUnreachableException e) {
                    if (++failures > RETRIES) {
                        throw e;
                    }
                    Thread.sleep(Duration.ofMillis(500L << Math.min(failures, 4)));
                    offset = serverOffset(path); // the server keeps what arrived; go on from there
                }
            }
        }
        return ready(id);
    }

    private long serverOffset(String path) throws ApiError, ServerUnreachableException, SessionEndedException {
        var headers = session.call(token -> api.send("HEAD", path, null, Map.of("Tus-Resumable", "1.0.0"), token));
        return Long.parseLong(headers.firstValue("Upload-Offset").orElse("0"));
    }

    /** Waits until the server checked the file; its reason when it refused it. */
    private UUID ready(UUID id) throws ApiError, ServerUnreachableException, SessionEndedException, IOException,
            InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            JsonNode m = session.call(token -> api.get("/api/v1/media/" + id, JsonNode.class, token));
            switch (m.path("status").asText()) {
                case "READY" -> {
                    return id;
                }
                case "FAILED", "REJECTED" -> throw new IOException(m.path("error").asText(
                        tr("upload.refused")));
                default -> Thread.sleep(300);
            }
        }
        throw new IOException(tr("upload.checking"));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(byte[] chunk) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(chunk);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
