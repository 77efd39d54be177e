package io.lectern.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grading files: the instructors of the course (and admins) open what a learner handed in — a PDF, an image, a
 * video — through signed URLs, shown in place or downloaded under its name; other instructors and learners cannot.
 */
class SubmissionFilesTest {

    @TempDir
    static Path temp;
    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String ada;
    private static String lea;
    private static Map<String, String> files;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("writing");
        ada = studio.user("ada.files@example.com", "Ada Files", Role.INSTRUCTOR);
        String course = studio.course(ada, "title", "Lab reports", "category", "writing", "description",
                "Write up an experiment so others can repeat it.").path("id").asText();
        String section = studio.section(ada, course, "Reports").path("id").asText();
        studio.article(ada, section, "What a report holds", "Method, results, discussion.", true);
        String lesson = studio.lesson(ada, section, Map.of("title", "Your report", "type", "ASSIGNMENT", "content",
                Map.of("instructions", "Hand in the report, a photo of the set-up and a short video."))).path("id")
                .asText();
        Http.Response set = http.call("PUT", "/api/v1/lessons/" + lesson + "/assignment", Studio.toJson(Map.of(
                "latePolicy", "ACCEPT", "maxSubmissions", 1, "completesOn", "SUBMITTED", "rubric", List.of(Map.of(
                        "title", "Method", "levels", List.of(Map.of("title", "Unclear", "points", 1),
                                Map.of("title", "Clear", "points", 5)))))), ada);
        assertEquals(200, set.status(), set.raw().body());
        studio.publish(ada, course);
        lea = studio.user("lea.files@example.com", "Lea Files", Role.STUDENT);
        assertEquals(201, http.post("/api/v1/courses/" + course + "/enroll", "{}", lea).status());
        Tus tus = new Tus(http, server.baseUri());
        files = new java.util.LinkedHashMap<>();
        files.put("report.pdf", tus.uploadReady(lea, "report.pdf", MediaFiles.pdf(2), "SUBMISSION"));
        files.put("set-up.png", tus.uploadReady(lea, "set-up.png", MediaFiles.png(40, 30), "SUBMISSION"));
        files.put("run.mp4", tus.uploadReady(lea, "run.mp4", MediaFiles.read(MediaFiles.video(temp, 1, 160, 90)),
                "SUBMISSION"));
        Http.Response sub = http.post("/api/v1/assignments/" + lesson + "/submissions", Studio.toJson(Map.of("text",
                "See the files.", "mediaIds", List.copyOf(files.values()))), lea);
        assertEquals(201, sub.status(), sub.raw().body());
        JsonNode queue = http.get("/api/v1/instructor/courses/" + course + "/submissions", ada).json().path("items");
        JsonNode listed = queue.get(0).path("files");
        assertEquals(List.copyOf(files.keySet()), Studio.texts(listed, "filename"), queue.toString());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCoursesInstructorOpensEachFileInPlaceOrAsADownload() {
        Map<String, String> types = Map.of("report.pdf", "application/pdf", "set-up.png", "image/png",
                "run.mp4", "video/mp4");
        for (var file : files.entrySet()) {
            Http.Response playback = http.get("/api/v1/media/" + file.getValue() + "/playback", ada);
            assertEquals(200, playback.status(), file.getKey() + ": " + playback.raw().body());
            HttpResponse<byte[]> inline = fetch(playback.json().path("fileUrl").asText());
            assertEquals(200, inline.statusCode(), file.getKey());
            assertEquals(types.get(file.getKey()), inline.headers().firstValue("Content-Type").orElse(""));
            assertTrue(inline.headers().firstValue("Content-Disposition").orElse("").startsWith("inline;"));
            HttpResponse<byte[]> download = fetch(playback.json().path("downloadUrl").asText());
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("")
                    .startsWith("attachment; filename*=UTF-8''" + file.getKey()), file.getKey());
            assertTrue(Arrays.equals(inline.body(), download.body()));
        }
        String video = http.get("/api/v1/media/" + files.get("run.mp4") + "/playback", ada).json().path("fileUrl")
                .asText();
        String probed = MediaFiles.run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of",
                "csv=p=0", video);
        assertTrue(probed.contains("video"), "a player streams the handed-in video: " + probed);
        assertEquals(200, http.get("/api/v1/media/" + files.get("report.pdf") + "/playback",
                studio.accounts().adminToken()).status(), "admins too");
        assertEquals(200, http.get("/api/v1/media/" + files.get("report.pdf") + "/playback", lea).status(),
                "and the learner who handed it in");
    }

    @Test
    void nobodyElseOpensThem() {
        String bob = studio.user("bob.files@example.com", "Bob Files", Role.INSTRUCTOR);
        String sam = studio.user("sam.files@example.com", "Sam Files", Role.STUDENT);
        for (String id : files.values()) {
            assertEquals(403, http.get("/api/v1/media/" + id + "/playback", bob).status(), "another instructor");
            assertEquals(403, http.get("/api/v1/media/" + id + "/playback", sam).status(), "another learner");
            assertEquals(401, http.get("/api/v1/media/" + id + "/playback").status());
        }
    }

    private static HttpResponse<byte[]> fetch(String url) {
        try {
            return http.client().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
