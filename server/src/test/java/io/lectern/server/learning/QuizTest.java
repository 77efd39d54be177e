package io.lectern.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quizzes through the API: every question type graded, answers never shown before grading, essays through the
 * instructor's queue, a timed attempt refused after its server deadline and submitted by the deadline job with
 * what was saved, attempt limits, and a passed quiz completing its lesson.
 */
class QuizTest {

    private static final MovableClock CLOCK = new MovableClock();
    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String ada;
    private static String course;
    private static JsonNode exam;
    private static JsonNode sprint;

    private static Map<String, Object> q(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { }, CLOCK);
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("science");
        ada = studio.user("ada.quiz@example.com", "Ada Quiz", Role.INSTRUCTOR);
        course = studio.course(ada, "title", "Chemistry", "category", "science", "description",
                "Atoms and molecules, step by step.").path("id").asText();
        exam = quiz(Map.of("title", "Final exam", "maxAttempts", 2, "passingPercent", 50, "shuffleQuestions", true,
                "shuffleOptions", true, "questions", List.of(
                        q("type", "SINGLE", "prompt", "H2O is", "options", List.of(q("text", "water", "correct", true),
                                q("text", "salt", "correct", false))),
                        q("type", "MULTIPLE", "prompt", "Noble gases", "partialCredit", true, "points", 2, "options",
                                List.of(q("text", "He", "correct", true), q("text", "Ne", "correct", true),
                                        q("text", "O", "correct", false))),
                        q("type", "TRUE_FALSE", "prompt", "Gold is a metal", "correct", true),
                        q("type", "FILL_BLANK", "prompt", "NaCl is table ___", "acceptedAnswers", List.of("salt")),
                        q("type", "NUMERIC", "prompt", "Avogadro's exponent", "numericAnswer", 23.0, "tolerance", 0.0),
                        q("type", "ESSAY", "prompt", "Explain a covalent bond", "points", 3))));
        sprint = quiz(Map.of("title", "Sprint", "timeLimitSec", 30, "maxAttempts", 1, "questions", List.of(
                q("type", "TRUE_FALSE", "prompt", "Iron rusts", "correct", true),
                q("type", "TRUE_FALSE", "prompt", "Helium burns", "correct", false))));
        String section = studio.section(ada, course, "Tests").path("id").asText();
        studio.article(ada, section, "Read first", "Atoms.", true);
        studio.lesson(ada, section, Map.of("title", "Final exam", "type", "QUIZ", "content",
                Map.of("quizId", exam.path("id").asText())));
        studio.lesson(ada, section, Map.of("title", "Sprint", "type", "QUIZ", "content",
                Map.of("quizId", sprint.path("id").asText())));
        studio.publish(ada, course);
    }

    private static JsonNode quiz(Map<String, Object> body) {
        Http.Response r = http.post("/api/v1/courses/" + course + "/quizzes", Studio.toJson(body), ada);
        assertEquals(201, r.status(), r.raw().body());
        return r.json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String questionId(JsonNode attempt, String prompt) {
        for (JsonNode q : attempt.path("questions")) {
            if (q.path("prompt").asText().equals(prompt)) {
                return q.path("id").asText();
            }
        }
        throw new AssertionError(prompt);
    }

    private static String optionId(JsonNode attempt, String prompt, String text) {
        for (JsonNode q : attempt.path("questions")) {
            if (q.path("prompt").asText().equals(prompt)) {
                for (JsonNode o : q.path("options")) {
                    if (o.path("text").asText().equals(text)) {
                        return o.path("id").asText();
                    }
                }
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void everyTypeIsGradedEssaysByTheInstructorAndPassingCompletesTheLesson() {
        String lea = studio.user("lea.quiz@example.com", "Lea", Role.STUDENT);
        assertEquals(403, http.post("/api/v1/quizzes/" + exam.path("id").asText() + "/attempts", null, lea).status());
        http.post("/api/v1/courses/" + course + "/enroll", "{}", lea);
        JsonNode shown = http.get("/api/v1/quizzes/" + exam.path("id").asText(), lea).json();
        assertEquals(6, shown.path("questionCount").asInt());
        assertFalse(shown.toString().contains("\"correct\""), "no answers for learners");
        JsonNode a = http.post("/api/v1/quizzes/" + exam.path("id").asText() + "/attempts", null, lea).json();
        assertFalse(a.toString().contains("\"correct\"") || a.toString().contains("acceptedAnswers"));
        String id = a.path("id").asText();
        Map<String, Object> answers = new HashMap<>();
        answers.put(questionId(a, "H2O is"), optionId(a, "H2O is", "water"));
        answers.put(questionId(a, "Noble gases"), List.of(optionId(a, "Noble gases", "He"),
                optionId(a, "Noble gases", "O")));
        answers.put(questionId(a, "Gold is a metal"), true);
        answers.put(questionId(a, "NaCl is table ___"), "  Salt ");
        answers.put(questionId(a, "Avogadro's exponent"), 24);
        answers.put(questionId(a, "Explain a covalent bond"), "Shared electrons.");
        assertEquals(200, http.call("PUT", "/api/v1/attempts/" + id + "/answers", Studio.toJson(Map.of("answers",
                answers)), lea).status());
        Http.Response stranger = http.call("PUT", "/api/v1/attempts/" + id + "/answers",
                "{\"answers\":{\"00000000-0000-7000-8000-000000000000\":1}}", lea);
        assertEquals("attempt.unknown_question", stranger.json().path("code").asText());
        JsonNode submitted = http.post("/api/v1/attempts/" + id + "/submit", null, lea).json();
        assertEquals("AWAITING_REVIEW", submitted.path("status").asText(), "the essay waits for a person");

        JsonNode queue = http.get("/api/v1/instructor/courses/" + course + "/grading", ada).json().path("items");
        assertTrue(Studio.texts(queue, "id").contains(id), queue.toString());
        String essay = questionId(a, "Explain a covalent bond");
        assertEquals(400, http.call("PUT", "/api/v1/attempts/" + id + "/grades", Studio.toJson(Map.of("grades",
                Map.of(essay, Map.of("points", 9)))), ada).status(), "more than the essay is worth");
        JsonNode graded = http.call("PUT", "/api/v1/attempts/" + id + "/grades", Studio.toJson(Map.of("grades",
                Map.of(essay, Map.of("points", 2, "comment", "Good, name the electron pair.")))), ada).json();
        assertEquals("GRADED", graded.path("status").asText());
        // 1 (single) + 0 (He right, O wrong: 1 - 1 of 2) + 1 (true) + 1 (salt) + 0 (24 is not 23) + 2 (essay) of 9
        assertEquals(5.0, graded.path("result").path("score").asDouble());
        assertEquals(9.0, graded.path("result").path("maxScore").asDouble());
        assertTrue(graded.path("result").path("passed").asBoolean(), "55 % passes at 50 %");
        assertEquals(55, graded.path("result").path("percent").asInt());
        assertEquals("Good, name the electron pair.", Studio.texts(graded.path("result").path("feedback"), "comment")
                .stream().filter(c -> !c.isEmpty()).findFirst().orElse(""));
        JsonNode progress = http.get("/api/v1/courses/" + course + "/progress", lea).json();
        assertEquals("COMPLETED", progress.path("lessons").get(1).path("state").asText(), "passing completes the lesson");
    }

    @Test
    void aTimedAttemptIsRefusedAfterItsDeadlineAndSubmittedWithWhatWasSaved() {
        String tim = studio.user("tim.quiz@example.com", "Tim", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", tim);
        String quiz = sprint.path("id").asText();
        JsonNode a = http.post("/api/v1/quizzes/" + quiz + "/attempts", null, tim).json();
        assertFalse(a.path("deadline").isMissingNode());
        String id = a.path("id").asText();
        http.call("PUT", "/api/v1/attempts/" + id + "/answers", Studio.toJson(Map.of("answers",
                Map.of(questionId(a, "Iron rusts"), true))), tim);
        CLOCK.advance(Duration.ofSeconds(31));
        Http.Response late = http.call("PUT", "/api/v1/attempts/" + id + "/answers", Studio.toJson(Map.of(
                "answers", Map.of(questionId(a, "Helium burns"), false))), tim);
        assertEquals(409, late.status());
        assertEquals("attempt.deadline_passed", late.json().path("code").asText());
        assertEquals(1, server.modules().learning().submitOverdueAttempts());
        JsonNode done = http.get("/api/v1/attempts/" + id, tim).json();
        assertEquals("GRADED", done.path("status").asText());
        assertTrue(done.path("autoSubmitted").asBoolean());
        assertEquals(1.0, done.path("result").path("score").asDouble(), "only the answer saved in time counts");
        assertEquals(409, http.post("/api/v1/quizzes/" + quiz + "/attempts", null, tim).status(), "one attempt only");
    }

    @Test
    void offlineAttemptsAreAppendedForUntimedQuizzesAndRefusedWithAReasonForTimedOnes() {
        String olga = studio.user("olga.quiz@example.com", "Olga", Role.STUDENT);
        assertEquals(403, http.get("/api/v1/quizzes/" + exam.path("id").asText() + "/offline", olga).status(),
                "not enrolled yet");
        http.post("/api/v1/courses/" + course + "/enroll", "{}", olga);
        String now = java.time.Instant.now().toString();
        JsonNode quiz = http.get("/api/v1/quizzes/" + exam.path("id").asText() + "/offline", olga).json();
        assertFalse(quiz.toString().contains("correct") || quiz.toString().contains("accepted"),
                "the copy to take offline gives no answers away: " + quiz);
        assertEquals("quiz.timed", http.get("/api/v1/quizzes/" + sprint.path("id").asText() + "/offline", olga)
                .json().path("code").asText(), "timed quizzes are online only");
        String first = quiz.path("questions").get(0).path("id").asText();
        String body = Studio.toJson(Map.of("events", List.of(
                Map.of("id", "qa-1", "type", "QUIZ_ATTEMPT", "clientTime", now, "quizId", exam.path("id").asText(),
                        "answers", Map.of(first, quiz.path("questions").get(0).path("options").get(0).path("id").asText())),
                Map.of("id", "qa-2", "type", "QUIZ_ATTEMPT", "clientTime", now, "quizId", sprint.path("id").asText(),
                        "answers", Map.of()))));
        JsonNode r = http.post("/api/v1/sync", body, olga).json();
        assertEquals(List.of("qa-1"), Studio.strings(r.path("applied")));
        assertEquals("quiz.timed", r.path("rejected").get(0).path("code").asText());
        JsonNode attempts = http.get("/api/v1/quizzes/" + exam.path("id").asText(), olga).json().path("attempts");
        assertEquals(1, attempts.size());
        assertEquals("AWAITING_REVIEW", attempts.get(0).path("status").asText(), "graded but for the essay");
        assertEquals(List.of("qa-1"), Studio.strings(http.post("/api/v1/sync", body, olga).json().path("duplicates"))
                .subList(0, 1));
    }

    @Test
    void badQuizzesAreRefusedByField() {
        Http.Response r = http.post("/api/v1/courses/" + course + "/quizzes", Studio.toJson(Map.of("title", "Bad",
                "questions", List.of(q("type", "SINGLE", "prompt", "Pick", "options", List.of(q("text", "a", "correct",
                        true), q("text", "b", "correct", true))), q("type", "POEM", "prompt", "?")))), ada);
        assertEquals(400, r.status());
        assertEquals(List.of("questions[0].options", "questions[1].type"), Studio.texts(r.json().path("errors"),
                "field"));
        String bob = studio.user("bob.quiz@example.com", "Bob", Role.INSTRUCTOR);
        assertEquals(403, http.post("/api/v1/courses/" + course + "/quizzes", Studio.toJson(Map.of("title", "x")),
                bob).status());
    }
}
