package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A duplicated course is a working course: its own quizzes with their questions, its assignments with their settings
 * and rubrics, the prerequisites between its lessons, its subtitles, thumbnail and certificate design; a learner of
 * the copy finishes it and gets a certificate. Copies made at the same moment all succeed with their own slugs.
 */
class DuplicationTest {

    private static final MovableClock CLOCK = new MovableClock();
    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String ada;
    private static String course;
    private static String videoMedia;
    private static String subtitles;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { }, CLOCK);
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("music");
        Tus tus = new Tus(http, server.baseUri());
        ada = studio.user("ada.copy@example.com", "Ada Copy", Role.INSTRUCTOR);
        videoMedia = tus.videoReady(ada);
        byte[] vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nOne\n".getBytes();
        subtitles = tus.createId(ada, "one.vtt", vtt, "SUBTITLE");
        tus.patch(ada, subtitles, 0, vtt, null);
        String cover = tus.uploadReady(ada, "cover.png", io.lectern.server.testing.MediaFiles.png(64, 36), "IMAGE");
        course = studio.course(ada, "title", "Scales", "category", "music", "description",
                "Major, minor and the modes, step by step.", "thumbnailMediaId", cover).path("id").asText();
        String quiz = http.post("/api/v1/courses/" + course + "/quizzes", Studio.toJson(Map.of("title", "Scale check",
                "passingPercent", 50, "questions", List.of(Map.of("type", "TRUE_FALSE", "prompt",
                        "A major scale has seven notes", "correct", true)))), ada).json().path("id").asText();
        String section = studio.section(ada, course, "Scales").path("id").asText();
        studio.article(ada, section, "Welcome", "Hello", true);
        String video = studio.lesson(ada, section, Map.of("title", "Hear it", "type", "VIDEO", "durationSec", 1,
                "content", Map.of("mediaId", videoMedia, "subtitles", List.of(Map.of("language", "en", "mediaId",
                        subtitles))))).path("id").asText();
        String quizLesson = studio.lesson(ada, section, Map.of("title", "Scale check", "type", "QUIZ",
                "prerequisiteIds", List.of(video), "content", Map.of("quizId", quiz))).path("id").asText();
        String essay = studio.lesson(ada, section, Map.of("title", "Write a scale", "type", "ASSIGNMENT",
                "prerequisiteIds", List.of(quizLesson), "content", Map.of("instructions", "Write out D major.")))
                .path("id").asText();
        assertEquals(200, http.call("PUT", "/api/v1/lessons/" + essay + "/assignment", Studio.toJson(Map.of(
                "completesOn", "PASSED", "passingPercent", 50, "maxSubmissions", 3, "latePolicy", "REJECT", "rubric",
                List.of(Map.of("title", "Notes", "levels", List.of(Map.of("title", "Wrong", "points", 0),
                        Map.of("title", "Right", "points", 4)))))), ada).status());
        assertEquals(200, http.call("PUT", "/api/v1/courses/" + course + "/certificate-template", Studio.toJson(Map.of(
                "accent", "#aa3300", "wording", "has learnt every scale", "signerName", "Ada Copy")), ada).status());
        studio.publish(ada, course);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCopyHasItsOwnQuizzesAssignmentsAndCertificateAndALearnerFinishesIt() {
        JsonNode copy = http.post("/api/v1/courses/" + course + "/duplicate", "{}", ada).json();
        String copyId = copy.path("id").asText();
        JsonNode lessons = copy.path("sections").get(0).path("lessons");
        JsonNode original = http.get("/api/v1/courses/" + course + "/draft", ada).json().path("sections").get(0)
                .path("lessons");
        assertEquals(copy.path("thumbnailMediaId").asText(), http.get("/api/v1/courses/" + course + "/draft", ada)
                .json().path("thumbnailMediaId").asText());
        JsonNode video = lessons.get(1);
        assertEquals(subtitles, video.path("content").path("subtitles").get(0).path("mediaId").asText());
        String quizId = lessons.get(2).path("content").path("quizId").asText();
        assertNotEquals(original.get(2).path("content").path("quizId").asText(), quizId, "a quiz of its own");
        JsonNode quiz = http.get("/api/v1/quizzes/" + quizId, ada).json();
        assertEquals("Scale check", quiz.path("title").asText(), quiz.toString());
        assertEquals(1, quiz.path("questions").size());
        assertEquals(List.of(video.path("id").asText()), Studio.strings(lessons.get(2).path("prerequisiteIds")));
        String essay = lessons.get(3).path("id").asText();
        JsonNode assignment = http.get("/api/v1/assignments/" + essay, ada).json();
        assertEquals("REJECT", assignment.path("latePolicy").asText(), assignment.toString());
        assertEquals(3, assignment.path("maxSubmissions").asInt());
        assertEquals("Right", assignment.path("rubric").path("criteria").get(0).path("levels").get(1).path("title")
                .asText(), assignment.toString());
        JsonNode template = http.get("/api/v1/courses/" + copyId + "/certificate-template", ada).json();
        assertEquals("#aa3300", template.path("accent").asText());
        assertEquals("has learnt every scale", template.path("wording").asText());

        studio.publish(ada, copyId);
        String lea = studio.user("lea.copy@example.com", "Lea Copy", Role.STUDENT);
        assertEquals(201, http.post("/api/v1/courses/" + copyId + "/enroll", "{}", lea).status());
        http.post("/api/v1/lessons/" + lessons.get(0).path("id").asText() + "/complete", null, lea);
        JsonNode playback = http.get("/api/v1/media/" + videoMedia + "/playback", lea).json();
        assertEquals("en", playback.path("subtitles").get(0).path("language").asText(), playback.toString());
        CLOCK.advance(Duration.ofSeconds(30));
        Http.Response watched = http.call("PUT", "/api/v1/lessons/" + video.path("id").asText() + "/progress",
                Studio.toJson(Map.of("positionSec", 1, "watchedRanges", List.of(List.of(0.0, 1.0)))), lea);
        assertEquals("COMPLETED", watched.json().path("state").asText(), watched.raw().body());
        JsonNode attempt = http.post("/api/v1/quizzes/" + quizId + "/attempts", null, lea).json();
        http.call("PUT", "/api/v1/attempts/" + attempt.path("id").asText() + "/answers", Studio.toJson(Map.of("answers",
                Map.of(attempt.path("questions").get(0).path("id").asText(), true))), lea);
        JsonNode graded = http.post("/api/v1/attempts/" + attempt.path("id").asText() + "/submit", null, lea).json();
        assertTrue(graded.path("result").path("passed").asBoolean(), graded.toString());
        Http.Response sub = http.post("/api/v1/assignments/" + essay + "/submissions", Studio.toJson(Map.of("text",
                "D E F# G A B C# D")), lea);
        assertEquals(201, sub.status(), sub.raw().body());
        http.call("PUT", "/api/v1/submissions/" + sub.json().path("id").asText() + "/grade", Studio.toJson(Map.of(
                "rubric", Map.of("c1", "c1l2"), "release", true)), ada);
        assertEquals(100, http.get("/api/v1/courses/" + copyId + "/progress", lea).json().path("percent").asInt());
        JsonNode certificate = Accounts.waitFor(() -> {
            JsonNode items = http.get("/api/v1/me/certificates", lea).json().path("items");
            return items.isEmpty() ? null : items.get(0);
        }, "the copy's certificate");
        assertEquals(copyId, certificate.path("courseId").asText());
    }

    @Test
    void copiesMadeAtTheSameMomentAllSucceedWithTheirOwnSlugs() throws Exception {
        List<Callable<Http.Response>> copies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            copies.add(() -> http.post("/api/v1/courses/" + course + "/duplicate", "{}", ada));
        }
        List<String> slugs = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<Http.Response> f : pool.invokeAll(copies)) {
                Http.Response r = f.get();
                assertEquals(201, r.status(), r.raw().body());
                slugs.add(r.json().path("slug").asText());
            }
        }
        assertEquals(8, new HashSet<>(slugs).size(), slugs.toString());
    }
}
