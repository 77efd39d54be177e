package io.lectern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

/** The HTTP calls benchmarks make to set up their data on the server process: sign in, upload, wait, JSON calls. */
final class BenchApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    BenchApi(URI server, PrintStream out) {
        this.server = server;
        this.out = out;
    }

    String login(String email, String password) throws Exception {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password), null).path("accessToken")
                .asText();
    }

    /** Uploads a video through tus in 8 MiB chunks; returns its media id. */
    String upload(String token, byte[] video) throws Exception {
        String id = post("/api/v1/uploads", Map.of("filename", "bench.mp4", "size", video.length, "purpose",
                "VIDEO"), token).path("id").asText();
        int chunk = 8 << 20;
        for (int off = 0; off < video.length; off += chunk) {
            int len = Math.min(chunk, video.length - off);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/uploads/" + id))
                    .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                    .header("Content-Type", "application/offset+octet-stream").header("Upload-Offset", Integer.toString(off))
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(video, off, len)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204) {
                throw new IllegalStateException("PATCH answered " + r.statusCode() + ": " + r.body());
            }
        }
        return id;
    }

    /** Waits until the server has processed a media item, printing its progress. */
    JsonNode waitReady(String token, String id) throws Exception {
        int last = -1;
        for (int i = 0; i < 1200; i++) {
            JsonNode m = get("/api/v1/media/" + id, token);
            if (!"PROCESSING".equals(m.path("status").asText())) {
                if (!"READY".equals(m.path("status").asText())) {
                    throw new IllegalStateException("processing failed: " + m);
                }
                return m;
            }
            if (m.path("progress").asInt() / 10 != last) {
                last = m.path("progress").asInt() / 10;
                out.printf(Locale.ROOT, "  %d %%%n", m.path("progress").asInt());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("processing took longer than 10 minutes");
    }

    String text(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    JsonNode get(String path, String token) throws Exception {
        return call(HttpRequest.newBuilder(server.resolve(path)).header("Authorization", "Bearer " + token).GET());
    }

    JsonNode post(String path, Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return call(b);
    }

    private JsonNode call(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.request().uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }
}
