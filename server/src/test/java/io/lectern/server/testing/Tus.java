package io.lectern.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/** A small tus 1.0 client for tests: create, append chunks (optionally checksummed), and drop a connection. */
public final class Tus {

    private final Http http;
    private final URI base;

    public Tus(Http http, URI base) {
        this.http = http;
        this.base = base;
    }

    public Http.Response create(String token, String filename, long size, String purpose, String sha256) {
        return http.post("/api/v1/uploads", Http.json("filename", filename, "size", size, "contentType",
                "application/octet-stream", "purpose", purpose, "sha256", sha256), token);
    }

    public String createId(String token, String filename, byte[] content, String purpose) {
        Http.Response r = create(token, filename, content.length, purpose, MediaFiles.sha256(content));
        if (r.status() != 201) {
            throw new IllegalStateException(r.raw().body());
        }
        return r.json().path("id").asText();
    }

    /** Uploads a whole file in one PATCH and waits until the server has processed it; returns its media id. */
    public String uploadReady(String token, String filename, byte[] content, String purpose) {
        String id = createId(token, filename, content, purpose);
        Http.Response r = patch(token, id, 0, content, null);
        if (r.status() != 204) {
            throw new IllegalStateException("PATCH of " + filename + " answered " + r.status() + ": " + r.raw().body());
        }
        Accounts.waitFor(() -> "READY".equals(http.get("/api/v1/media/" + id, token).json().path("status").asText())
                ? true : null, "the processing of " + filename, java.time.Duration.ofSeconds(180));
        return id;
    }

    private static byte[] shortVideo;

    /**
     * A real one-second video uploaded by the user, for lessons that need their own video but not a playable one (its
     * processing may still be running); returns its media id.
     */
    public String video(String token) {
        synchronized (Tus.class) {
            if (shortVideo == null) {
                shortVideo = MediaFiles.read(MediaFiles.video(TestInfra.tempDir("short-video-"), 1, 160, 90));
            }
        }
        String id = createId(token, "short.mp4", shortVideo, "VIDEO");
        Http.Response r = patch(token, id, 0, shortVideo, null);
        if (r.status() != 204) {
            throw new IllegalStateException("PATCH of short.mp4 answered " + r.status() + ": " + r.raw().body());
        }
        return id;
    }

    /** As {@link #video}, waiting until it is processed, so learners can get its signed URLs (and start watching). */
    public String videoReady(String token) {
        String id = video(token);
        Accounts.waitFor(() -> "READY".equals(http.get("/api/v1/media/" + id, token).json().path("status").asText())
                ? true : null, "the processing of short.mp4", java.time.Duration.ofSeconds(180));
        return id;
    }

    public Http.Response patch(String token, String id, long offset, byte[] chunk, String checksum) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/v1/uploads/" + id))
                .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", Long.toString(offset))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk));
        if (checksum != null) {
            b.header("Upload-Checksum", checksum);
        }
        return http.send(b);
    }

    public static String checksum(byte[] chunk) {
        try {
            return "sha256 " + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(chunk));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long offset(String token, String id) {
        Http.Response r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/uploads/" + id))
                .header("Authorization", "Bearer " + token).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        return Long.parseLong(r.header("Upload-Offset"));
    }

    /** Uploads everything in chunks of {@code chunk} bytes, each with its checksum; returns the last answer. */
    public Http.Response upload(String token, String id, byte[] content, int chunk) {
        Http.Response last = null;
        for (int off = 0; off < content.length; off += chunk) {
            byte[] part = Arrays.copyOfRange(content, off, Math.min(content.length, off + chunk));
            last = patch(token, id, off, part, checksum(part));
            if (last.status() != 204) {
                return last;
            }
        }
        return last;
    }

    /** Starts a PATCH promising {@code promised} bytes, sends only {@code chunk}, and hangs up: a dropped connection. */
    public void dropMidway(String token, String id, long offset, byte[] chunk, long promised) {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("PATCH /api/v1/uploads/" + id + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: "
                    + "application/offset+octet-stream\r\nUpload-Offset: " + offset + "\r\nContent-Length: " + promised
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode status(String token, String id) {
        return http.get("/api/v1/uploads/" + id, token).json();
    }
}
