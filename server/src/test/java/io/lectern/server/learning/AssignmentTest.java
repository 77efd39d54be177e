package io.lectern.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An assignment through the API: a timezone-aware due date, a text and file submission, rubric grading in the
 * instructor's queue, grades hidden until released, a passing grade completing the lesson, a late resubmission
 * with its penalty, and the resubmission limit.
 */
class AssignmentTest {

    private static final MovableClock CLOCK = new MovableClock();
    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String ada;
    private static String course;
    private static String lesson;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { }, CLOCK);
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("writing");
        ada = studio.user("ada.essay@example.com", "Ada Essay", Role.INSTRUCTOR);
        course = studio.course(ada, "title", "Essay writing", "category", "writing", "description",
                "Plan, draft and revise an essay, step by step.").path("id").asText();
        String section = studio.section(ada, course, "Essays").path("id").asText();
        studio.article(ada, section, "How to plan", "Outline first.", true);
        lesson = studio.lesson(ada, section, Map.of("title", "Your first essay", "type", "ASSIGNMENT", "content",
                Map.of("instructions", "Write 500 words on rivers."))).path("id").asText();
        String due = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2) + "T23:59";
        Http.Response set = http.call("PUT", "/api/v1/lessons/" + lesson + "/assignment", Studio.toJson(Map.of(
                "dueLocal", due, "timeZone", "Europe/Berlin", "latePolicy", "PENALTY", "latePenaltyPercent", 20,
                "maxSubmissions", 2, "completesOn", "PASSED", "passingPercent", 60, "rubric", List.of(
                        Map.of("title", "Argument", "levels", List.of(Map.of("title", "Weak", "points", 1),
                                Map.of("title", "Strong", "points", 6))),
                        Map.of("title", "Style", "levels", List.of(Map.of("title", "Rough", "points", 1),
                                Map.of("title", "Polished", "points", 4)))))), ada);
        assertEquals(200, set.status(), set.raw().body());
        assertEquals(due, set.json().path("dueLocal").asText(), "the due date reads back in the instructor's zone");
        studio.publish(ada, course);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void submitGradeByRubricReleaseCompleteThenALateResubmission() {
        String lea = studio.user("lea.essay@example.com", "Lea", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", lea);
        Tus tus = new Tus(http, server.baseUri());
        byte[] pdf = MediaFiles.pdf(2);
        String file = tus.createId(lea, "essay.pdf", pdf, "SUBMISSION");
        assertEquals(204, tus.patch(lea, file, 0, pdf, null).status());
        String sam = studio.user("sam.essay@example.com", "Sam", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", sam);
        assertEquals(400, http.post("/api/v1/assignments/" + lesson + "/submissions", Studio.toJson(Map.of(
                "mediaIds", List.of(file))), sam).status(), "someone else's upload");

        Http.Response sub = http.post("/api/v1/assignments/" + lesson + "/submissions", Studio.toJson(Map.of("text",
                "Rivers run.", "mediaIds", List.of(file))), lea);
        assertEquals(201, sub.status(), sub.raw().body());
        String id = sub.json().path("id").asText();
        JsonNode queue = http.get("/api/v1/instructor/courses/" + course + "/submissions", ada).json().path("items");
        assertEquals(id, queue.get(0).path("id").asText());
        Http.Response partial = http.call("PUT", "/api/v1/submissions/" + id + "/grade", Studio.toJson(Map.of(
                "rubric", Map.of("c1", "c1l2"))), ada);
        assertEquals("rubric.c2", partial.json().path("errors").get(0).path("field").asText());
        JsonNode graded = http.call("PUT", "/api/v1/submissions/" + id + "/grade", Studio.toJson(Map.of("rubric",
                Map.of("c1", "c1l2", "c2", "c2l1"), "feedback", "Strong argument; polish the style.")), ada).json();
        assertEquals(7.0, graded.path("points").asDouble());
        JsonNode hidden = http.get("/api/v1/assignments/" + lesson, lea).json().path("submissions").get(0);
        assertTrue(hidden.path("points").isMissingNode(), "not released yet: " + hidden);
        assertEquals(200, http.post("/api/v1/submissions/" + id + "/release", null, ada).status());
        JsonNode shown = http.get("/api/v1/assignments/" + lesson, lea).json().path("submissions").get(0);
        assertEquals(7.0, shown.path("points").asDouble());
        assertEquals("Strong argument; polish the style.", shown.path("feedback").asText());
        JsonNode progress = http.get("/api/v1/courses/" + course + "/progress", lea).json();
        assertEquals("COMPLETED", progress.path("lessons").get(1).path("state").asText(), "70 % passes at 60 %");

        CLOCK.advance(Duration.ofDays(4));
        lea = studio.accounts().login("lea.essay@example.com", "passphrase for Lea").path("accessToken").asText();
        String adaNow = studio.accounts().login("ada.essay@example.com", "passphrase for Ada Essay").path("accessToken")
                .asText();
        Http.Response late = http.post("/api/v1/assignments/" + lesson + "/submissions", Studio.toJson(Map.of("text",
                "Rivers run, revised.")), lea);
        assertEquals(201, late.status());
        assertTrue(late.json().path("late").asBoolean());
        JsonNode lateGrade = http.call("PUT", "/api/v1/submissions/" + late.json().path("id").asText() + "/grade",
                Studio.toJson(Map.of("rubric", Map.of("c1", "c1l2", "c2", "c2l2"), "release", true)), adaNow).json();
        assertEquals(8.0, lateGrade.path("points").asDouble(), "10 points less the 20 % late penalty");
        assertEquals(409, http.post("/api/v1/assignments/" + lesson + "/submissions", Studio.toJson(Map.of("text",
                "Again")), lea).status(), "two submissions allowed");
        String later = java.time.Instant.now().plus(Duration.ofDays(4)).toString();
        String earlier = java.time.Instant.now().plus(Duration.ofDays(3)).toString();
        JsonNode drafts = http.post("/api/v1/sync", Studio.toJson(Map.of("events", List.of(
                Map.of("id", "d2", "type", "ASSIGNMENT_DRAFT", "clientTime", later, "lessonId", lesson, "body", "newer"),
                Map.of("id", "d1", "type", "ASSIGNMENT_DRAFT", "clientTime", earlier, "lessonId", lesson, "body",
                        "older, arriving late")))), lea).json();
        assertEquals(2, drafts.path("applied").size(), drafts.toString());
        assertEquals("newer", http.get("/api/v1/assignments/" + lesson, lea).json().path("draft").path("text").asText());
        String csv = http.get("/api/v1/assignments/" + lesson + "/scores.csv", adaNow).raw().body();
        assertTrue(csv.contains(",2,") && csv.contains("RELEASED,8.0,10.0"), csv);
    }
}
