package io.lectern.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad uploads get a clear 4xx naming the rule and leave nothing behind (no media, no staging file); good
 * documents, images and subtitles are processed.
 */
class UploadValidationTest {

    private static LecternServer server;
    private static LecternConfig config;
    private static Http http;
    private static Tus tus;
    private static Studio studio;
    private static String ivy;

    @BeforeAll
    static void start() {
        config = TestServer.relaxedConfig().withModule(TestServer.relaxedConfig().module(MediaSettings.READER)
                .withQuotas(3L << 20, 1L << 20));
        server = TestServer.start(config, routes -> { });
        http = new Http(server.baseUri());
        tus = new Tus(http, server.baseUri());
        studio = new Studio(server, http);
        ivy = studio.user("ivy.upload@example.com", "Ivy", Role.INSTRUCTOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static boolean staged(String id) {
        return Files.exists(config.dataDir().resolve("uploads").resolve(id + ".part"));
    }

    private static Http.Response whole(String token, String id, byte[] content) {
        return tus.patch(token, id, 0, content, null);
    }

    @Test
    void aZipNamedMp4IsRefusedByItsContentAndNothingStays() {
        byte[] zip = MediaFiles.zip("movie.mp4", new byte[5000]);
        String id = tus.createId(ivy, "holiday.mp4", zip, "VIDEO");
        Http.Response r = whole(ivy, id, zip);
        assertEquals(415, r.status());
        assertEquals("upload.type_not_allowed", r.json().path("code").asText());
        assertEquals("application/zip", r.json().path("context").path("detectedType").asText());
        assertEquals("FAILED", tus.status(ivy, id).path("status").asText());
        assertFalse(staged(id));
        assertEquals(404, http.get("/api/v1/media/" + id, ivy).status());
        assertEquals(409, whole(ivy, id, zip).status(), "a failed upload takes no more bytes");
    }

    @Test
    void emptyFilesBadChecksumsAndOverlongChunksAreRefused() {
        Http.Response empty = tus.create(ivy, "empty.pdf", 0, "DOCUMENT", null);
        assertEquals(400, empty.status());
        assertEquals("size", empty.json().path("errors").get(0).path("field").asText());

        byte[] pdf = MediaFiles.pdf(1);
        Http.Response lying = tus.create(ivy, "notes.pdf", pdf.length, "DOCUMENT", MediaFiles.sha256(new byte[1]));
        String id = lying.json().path("id").asText();
        Http.Response mismatch = whole(ivy, id, pdf);
        assertEquals(460, mismatch.status());
        assertEquals("upload.checksum_mismatch", mismatch.json().path("code").asText());
        assertFalse(staged(id));

        String chunked = tus.createId(ivy, "notes.pdf", pdf, "DOCUMENT");
        byte[] half = Arrays.copyOf(pdf, pdf.length / 2);
        Http.Response badChunk = tus.patch(ivy, chunked, 0, half, Tus.checksum(new byte[] {1}));
        assertEquals(460, badChunk.status());
        assertEquals(0, tus.offset(ivy, chunked), "a chunk that fails its checksum does not count");
        byte[] tooLong = Arrays.copyOf(pdf, pdf.length + 10);
        assertEquals(413, tus.patch(ivy, chunked, 0, tooLong, null).status());
        assertEquals(0, tus.offset(ivy, chunked));
        Http.Response noType = http.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve(
                "/api/v1/uploads/" + chunked)).header("Authorization", "Bearer " + ivy).header("Upload-Offset", "0")
                .header("Content-Type", "application/json").method("PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(415, noType.status());
        assertEquals(204, http.call("DELETE", "/api/v1/uploads/" + chunked, null, ivy).status());
        assertFalse(staged(chunked));
    }

    @Test
    void uploadsBelongToTheirUploaderAndPurposesToTheirRoles() {
        byte[] png = MediaFiles.png(8, 8);
        String id = tus.createId(ivy, "a.png", png, "IMAGE");
        String sam = studio.user("sam.upload@example.com", "Sam", Role.STUDENT);
        assertEquals(404, whole(sam, id, png).status(), "someone else's upload");
        Http.Response video = tus.create(sam, "a.mp4", 1000, "VIDEO", null);
        assertEquals(403, video.status());
        assertEquals("upload.purpose_forbidden", video.json().path("code").asText());
        Http.Response big = tus.create(sam, "essay.pdf", 2L << 20, "SUBMISSION", null);
        assertEquals(413, big.status(), "beyond the student's quota");
        assertEquals("upload.quota_exceeded", big.json().path("code").asText());
        Http.Response huge = tus.create(ivy, "poster.png", 11L << 20, "IMAGE", null);
        assertEquals("max", huge.json().path("errors").get(0).path("rule").asText(), huge.raw().body());
    }

    @Test
    void pdfsAreCountedAndThumbnailedImagesMeasuredSubtitlesConverted() {
        byte[] pdf = MediaFiles.pdf(3);
        String doc = tus.createId(ivy, "C:\\Users\\ivy\\slides.pdf", pdf, "DOCUMENT");
        assertEquals(204, whole(ivy, doc, pdf).status());
        JsonNode m = Accounts.waitFor(() -> {
            JsonNode v = http.get("/api/v1/media/" + doc, ivy).json();
            return "READY".equals(v.path("status").asText()) ? v : null;
        }, "the PDF to be processed");
        assertEquals(3, m.path("pageCount").asInt());
        assertEquals("slides.pdf", m.path("filename").asText());
        assertTrue(Studio.strings(m.path("renditions")).contains("thumbnail"));

        byte[] png = MediaFiles.png(40, 30);
        String img = tus.createId(ivy, "cover.png", png, "IMAGE");
        assertEquals(204, whole(ivy, img, png).status());
        JsonNode i = Accounts.waitFor(() -> {
            JsonNode v = http.get("/api/v1/media/" + img, ivy).json();
            return "READY".equals(v.path("status").asText()) ? v : null;
        }, "the image");
        assertEquals(40, i.path("width").asInt());

        byte[] notSubtitles = "just some words, no cues".getBytes();
        String sub = tus.createId(ivy, "words.srt", notSubtitles, "SUBTITLE");
        Http.Response refused = whole(ivy, sub, notSubtitles);
        assertEquals(422, refused.status());
        assertEquals("upload.subtitles_unreadable", refused.json().path("code").asText());
    }

    @Test
    void aVideoThatCannotBeDecodedFailsWithAReason(@org.junit.jupiter.api.io.TempDir Path dir) {
        byte[] real = MediaFiles.read(MediaFiles.video(dir, 2, 320, 240));
        byte[] truncated = Arrays.copyOf(real, 2000);
        String id = tus.createId(ivy, "cut.mp4", truncated, "VIDEO");
        assertEquals(204, whole(ivy, id, truncated).status(), "it looks like an MP4 to the type check");
        JsonNode m = Accounts.waitFor(() -> {
            JsonNode v = http.get("/api/v1/media/" + id, ivy).json();
            return "PROCESSING".equals(v.path("status").asText()) ? null : v;
        }, "ffprobe's verdict", java.time.Duration.ofSeconds(60));
        assertEquals("FAILED", m.path("status").asText());
        assertTrue(m.path("error").asText().contains("no video stream we can decode"), m.toString());
    }

    @Test
    void brokenPdfsFailWithAReason() {
        byte[] broken = "%PDF-1.7\n% this is not really a PDF\n".getBytes();
        String id = tus.createId(ivy, "broken.pdf", broken, "DOCUMENT");
        assertEquals(204, whole(ivy, id, broken).status());
        JsonNode m = Accounts.waitFor(() -> {
            JsonNode v = http.get("/api/v1/media/" + id, ivy).json();
            return "PROCESSING".equals(v.path("status").asText()) ? null : v;
        }, "the PDF to be looked at");
        assertEquals("FAILED", m.path("status").asText());
        assertTrue(m.path("error").asText().contains("damaged"), m.toString());
        Path staging = config.dataDir().resolve("uploads");
        assertFalse(staged(id), "no staging file for " + staging);
    }
}
