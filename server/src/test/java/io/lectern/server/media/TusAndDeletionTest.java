package io.lectern.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploads speak standard tus 1.0, so stock clients upload from scratch: tus-java-client creates with
 * {@code Upload-Length}/{@code Upload-Metadata}, sends chunks (through {@code X-HTTP-Method-Override}) and resumes;
 * creation-with-upload, termination and expiration work as the protocol says. Deleting media frees the quota and the
 * stored files; a file still used somewhere is refused with the places named.
 */
class TusAndDeletionTest {

    private static final long STUDENT_QUOTA = 3L << 20;
    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static Tus tus;

    @BeforeAll
    static void start() {
        LecternConfig c = TestServer.relaxedConfig();
        server = TestServer.start(c.withModule(c.module(MediaSettings.READER).withQuotas(50L << 20, STUDENT_QUOTA)),
                routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        tus = new Tus(http, server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStockTusClientUploadsFromScratchAndResumes() throws Exception {
        String ada = studio.user("ada.tus@example.com", "Ada Tus", Role.INSTRUCTOR);
        byte[] pdf = MediaFiles.pdf(40);
        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL(server.baseUri() + "/api/v1/uploads"));
        client.setHeaders(Map.of("Authorization", "Bearer " + ada));
        TusUpload upload = new TusUpload();
        upload.setSize(pdf.length);
        upload.setInputStream(new ByteArrayInputStream(pdf));
        upload.setFingerprint("handbook");
        upload.setMetadata(Map.of("filename", "Handbook — 2026.pdf", "filetype", "application/pdf"));
        TusUploader first = client.createUpload(upload);
        first.setChunkSize(pdf.length / 3);
        first.setRequestPayloadSize(pdf.length / 3);
        assertTrue(first.uploadChunk() > 0);
        first.finish();
        URL location = first.getUploadURL();
        assertTrue(location.getPath().startsWith("/api/v1/uploads/"), location.toString());

        upload.setInputStream(new ByteArrayInputStream(pdf));
        TusUploader resumed = client.beginOrResumeUploadFromURL(upload, location);
        assertEquals(first.getOffset(), resumed.getOffset(), "it resumes where the server says");
        while (resumed.uploadChunk() > -1) {
            // the rest, chunk by chunk
        }
        resumed.finish();
        String id = location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
        JsonNode media = Accounts.waitFor(() -> {
            JsonNode m = http.get("/api/v1/media/" + id, ada).json();
            return "READY".equals(m.path("status").asText()) ? m : null;
        }, "the PDF to be processed", Duration.ofSeconds(60));
        assertEquals("DOCUMENT", media.path("purpose").asText(), "a PDF from an instructor is a document");
        assertEquals("Handbook — 2026.pdf", media.path("filename").asText());
        assertEquals(40, media.path("pageCount").asInt());
        assertEquals(pdf.length, media.path("size").asLong());
    }

    @Test
    void creationWithUploadTerminationAndExpirationFollowTheProtocol() {
        String lea = studio.user("lea.tus@example.com", "Lea Tus", Role.STUDENT);
        Http.Response options = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/uploads"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertTrue(options.header("Tus-Extension").contains("creation-with-upload"), options.header("Tus-Extension"));
        assertNotNull(options.header("Tus-Max-Size"));
        byte[] text = "My essay, whole, in the creation request.\n".getBytes(StandardCharsets.UTF_8);
        Http.Response created = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/uploads"))
                .header("Authorization", "Bearer " + lea).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Integer.toString(text.length))
                .header("Upload-Metadata", "filename " + b64("essay.txt") + ",filetype " + b64("text/plain"))
                .header("Content-Type", "application/offset+octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(text)));
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(Integer.toString(text.length), created.header("Upload-Offset"), "the body counted at once");
        assertEquals("1.0.0", created.header("Tus-Resumable"));
        String id = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
        assertEquals("SUBMISSION", http.get("/api/v1/media/" + id, lea).json().path("purpose").asText(),
                "a learner's file is a submission");

        Http.Response open = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/uploads"))
                .header("Authorization", "Bearer " + lea).header("Tus-Resumable", "1.0.0").header("Upload-Length", "100")
                .header("Upload-Metadata", "filename " + b64("later.txt")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(201, open.status(), open.raw().body());
        assertNotNull(open.header("Upload-Expires"), "expiration: the client is told when it is discarded");
        String openId = open.header("Location").substring(open.header("Location").lastIndexOf('/') + 1);
        assertEquals(204, http.call("DELETE", "/api/v1/uploads/" + openId, null, lea).status());
        Http.Response gone = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/uploads/" + openId))
                .header("Authorization", "Bearer " + lea).header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(410, gone.status(), "a terminated upload is gone");
        Http.Response old = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/uploads"))
                .header("Authorization", "Bearer " + lea).header("Tus-Resumable", "0.2.2").header("Upload-Length", "5")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(412, old.status());
        assertEquals("1.0.0", old.header("Tus-Version"));
    }

    @Test
    void deletingMediaFreesTheQuotaAndTheFiles() throws Exception {
        String sam = studio.user("sam.quota@example.com", "Sam Quota", Role.STUDENT);
        byte[] big = new byte[(int) (STUDENT_QUOTA - 1000)];
        java.util.Arrays.fill(big, (byte) 'a');
        String first = tus.uploadReady(sam, "notes.txt", big, "SUBMISSION");
        Http.Response full = tus.create(sam, "more.txt", 5000, "SUBMISSION", null);
        assertEquals(413, full.status());
        assertTrue(full.json().path("detail").asText().contains("DELETE /api/v1/media/{id}"), full.raw().body());
        JsonNode mine = http.get("/api/v1/me/media", sam).json();
        assertEquals(big.length, mine.path("usedBytes").asLong());
        assertEquals(STUDENT_QUOTA, mine.path("quotaBytes").asLong());
        Path stored = server.platform().config().dataDir().resolve("media").resolve(first);
        assertTrue(Files.exists(stored), stored.toString());

        String other = studio.user("tom.quota@example.com", "Tom Quota", Role.STUDENT);
        assertEquals(404, http.call("DELETE", "/api/v1/media/" + first, null, other).status(), "not theirs");
        assertEquals(204, http.call("DELETE", "/api/v1/media/" + first, null, sam).status());
        assertFalse(Files.exists(stored), "its bytes are gone");
        assertEquals(404, http.get("/api/v1/media/" + first, sam).status());
        assertEquals(0, http.get("/api/v1/me/media", sam).json().path("usedBytes").asLong());
        assertEquals(201, tus.create(sam, "more.txt", 5000, "SUBMISSION", null).status(), "room again");
    }

    @Test
    void mediaInUseIsNotDeletedAndTheAnswerSaysWhere() {
        studio.categories("crafts");
        String ada = studio.user("ada.inuse@example.com", "Ada Inuse", Role.INSTRUCTOR);
        String pdf = tus.uploadReady(ada, "pattern.pdf", MediaFiles.pdf(1), "DOCUMENT");
        String course = studio.course(ada, "title", "Knitting", "category", "crafts", "description",
                "Stitches and patterns, step by step.").path("id").asText();
        String section = studio.section(ada, course, "Patterns").path("id").asText();
        String lesson = studio.lesson(ada, section, Map.of("title", "The pattern", "type", "PDF", "preview", true,
                "content", Map.of("mediaId", pdf))).path("id").asText();
        studio.publish(ada, course);
        Http.Response refused = http.call("DELETE", "/api/v1/media/" + pdf, null, ada);
        assertEquals(409, refused.status());
        assertEquals("media.in_use", refused.json().path("code").asText());
        assertTrue(refused.json().path("context").path("usedIn").toString().contains("The pattern"),
                refused.raw().body());
        studio.article(ada, section, "Instead", "Words", false);
        assertEquals(204, http.call("DELETE", "/api/v1/lessons/" + lesson, null, ada).status());
        assertEquals(409, http.call("DELETE", "/api/v1/media/" + pdf, null, ada).status(),
                "learners still see the published lesson until the next publish");
        studio.publish(ada, course);
        assertEquals(204, http.call("DELETE", "/api/v1/uploads/" + pdf, null, ada).status(),
                "terminating a finished upload deletes its media");
        assertEquals(404, http.get("/api/v1/media/" + pdf, ada).status());
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
