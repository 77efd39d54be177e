package io.lectern.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole learner's path through one course over the HTTP API: watching a video with heartbeats, a timed quiz
 * that the deadline job submits, an assignment graded by rubric, and the certificate that completion issues.
 */
class LearningJourneyTest {

    private static final MovableClock CLOCK = new MovableClock();
    private static LecternServer server;
    private static Http http;
    private static Studio studio;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { }, CLOCK);
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("music");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void watchQuizAssignmentCompletionCertificate() {
        String ada = studio.user("ada.journey@example.com", "Ada Journey", Role.INSTRUCTOR);
        String course = studio.course(ada, "title", "Rhythm", "category", "music", "description",
                "Keep time, feel the groove, step by step.").path("id").asText();
        String quiz = http.post("/api/v1/courses/" + course + "/quizzes", Studio.toJson(Map.of("title", "Beat check",
                "timeLimitSec", 60, "questions", List.of(Map.of("type", "TRUE_FALSE", "prompt", "4/4 has four beats",
                        "correct", true)))), ada).json().path("id").asText();
        String section = studio.section(ada, course, "All").path("id").asText();
        String media = new Tus(http, server.baseUri()).videoReady(ada);
        String video = studio.lesson(ada, section, Map.of("title", "Counting", "type", "VIDEO", "durationSec", 40,
                "preview", true, "content", Map.of("mediaId", media))).path("id").asText();
        studio.lesson(ada, section, Map.of("title", "Beat check", "type", "QUIZ", "content", Map.of("quizId", quiz)));
        String essay = studio.lesson(ada, section, Map.of("title", "Describe a groove", "type", "ASSIGNMENT",
                "content", Map.of("instructions", "A paragraph."))).path("id").asText();
        assertEquals(200, http.call("PUT", "/api/v1/lessons/" + essay + "/assignment", Studio.toJson(Map.of(
                "completesOn", "PASSED", "passingPercent", 50, "rubric", List.of(Map.of("title", "Insight", "levels",
                        List.of(Map.of("title", "Some", "points", 1), Map.of("title", "Deep", "points", 2)))))), ada)
                .status());
        studio.publish(ada, course);

        String lea = studio.user("lea.journey@example.com", "Lea Journey", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", lea);
        assertEquals(200, http.get("/api/v1/media/" + media + "/playback", lea).status());
        for (int t = 0; t < 40; t += 10) {
            CLOCK.advance(Duration.ofSeconds(10));
            http.call("PUT", "/api/v1/lessons/" + video + "/progress", Studio.toJson(Map.of("positionSec", t + 10,
                    "watchedRanges", List.of(List.of((double) t, (double) t + 10)), "spentSec", 10,
                    "clientEventId", "hb-" + t)), lea);
        }
        JsonNode attempt = http.post("/api/v1/quizzes/" + quiz + "/attempts", null, lea).json();
        http.call("PUT", "/api/v1/attempts/" + attempt.path("id").asText() + "/answers", Studio.toJson(Map.of("answers",
                Map.of(attempt.path("questions").get(0).path("id").asText(), true))), lea);
        CLOCK.advance(Duration.ofSeconds(61));
        assertEquals(1, server.modules().learning().submitOverdueAttempts(), "the deadline submits it");
        String sub = http.post("/api/v1/assignments/" + essay + "/submissions", Studio.toJson(Map.of("text",
                "Swing feels like leaning back.")), lea).json().path("id").asText();
        http.call("PUT", "/api/v1/submissions/" + sub + "/grade", Studio.toJson(Map.of("rubric", Map.of("c1", "c1l2"),
                "release", true)), ada);

        JsonNode progress = http.get("/api/v1/courses/" + course + "/progress", lea).json();
        assertEquals(100, progress.path("percent").asInt(), progress.toString());
        JsonNode cert = Accounts.waitFor(() -> {
            JsonNode items = http.get("/api/v1/me/certificates", lea).json().path("items");
            return items.isEmpty() ? null : items.get(0);
        }, "the certificate");
        JsonNode v = http.get("/api/v1/certificates/verify/" + cert.path("code").asText(), null).json();
        assertTrue(v.path("valid").asBoolean());
        assertEquals("Lea Journey", v.path("learnerName").asText());
        assertEquals("Rhythm", v.path("courseTitle").asText());
    }
}
