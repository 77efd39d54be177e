package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.EventLog;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enrolled learners rate and review, instructors reply, anyone signed in reports, admins hide; the course's rating
 * summary always equals its visible reviews. Also: enrolled learners are told which prerequisite to finish.
 */
class ReviewsTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String ada;
    private static String courseId;
    private static EventLog events;
    /** Each check asks with another page size: a search the server has not cached yet. */
    private static final AtomicInteger FRESH_LIMIT = new AtomicInteger(40);

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        events = EventLog.subscribe(server.platform().events(), ReviewPosted.class);
        studio.categories("programming");
        ada = studio.user("ada.reviews@example.com", "Ada Reviews", Role.INSTRUCTOR);
        courseId = studio.publishedCourse(ada, "Reviewed course", "programming", 2).path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String enrolledLearner(String email) {
        String token = studio.user(email, email.split("@")[0], Role.STUDENT);
        assertEquals(201, http.post("/api/v1/courses/" + courseId + "/enroll", "{}", token).status());
        return token;
    }

    @Test
    void onlyEnrolledLearnersReviewOnceEach() {
        String outsider = studio.user("outsider.review@example.com", "Outsider", Role.STUDENT);
        Http.Response refused = http.post("/api/v1/courses/" + courseId + "/reviews", Http.json("rating", 5), outsider);
        assertEquals(403, refused.status());
        assertEquals("review.enrollment_required", refused.json().path("code").asText());
        assertEquals("review.own_course", http.post("/api/v1/courses/" + courseId + "/reviews", Http.json("rating", 5),
                ada).json().path("code").asText());
        String learner = enrolledLearner("once.review@example.com");
        Http.Response first = http.post("/api/v1/courses/" + courseId + "/reviews", Http.json("rating", 4, "body",
                "Clear and useful."), learner);
        assertEquals(201, first.status(), first.raw().body());
        Http.Response second = http.post("/api/v1/courses/" + courseId + "/reviews", Http.json("rating", 1), learner);
        assertEquals(409, second.status());
        assertEquals(first.json().path("id").asText(), second.json().path("context").path("reviewId").asText());
        assertEquals(1, events.await(ReviewPosted.class, e -> e.reviewId().toString()
                .equals(first.json().path("id").asText()), 1).size());
        Http.Response bad = http.post("/api/v1/courses/" + courseId + "/reviews", Http.json("rating", 6), learner);
        assertEquals("range", bad.json().path("errors").get(0).path("rule").asText());
    }

    @Test
    void theRatingSummaryFollowsEditsHidingAndDeletion() {
        String a = enrolledLearner("a.summary@example.com");
        String b = enrolledLearner("b.summary@example.com");
        String ra = http.post("/api/v1/courses/" + courseId + "/reviews", Http.json("rating", 5), a).json().path("id")
                .asText();
        String rb = http.post("/api/v1/courses/" + courseId + "/reviews", Http.json("rating", 1, "body", "Spam spam"), b)
                .json().path("id").asText();
        JsonNode before = rating();
        studio.patch(a, "/api/v1/reviews/" + ra, "rating", 3);
        JsonNode edited = rating();
        assertEquals(before.path("count").asInt(), edited.path("count").asInt());
        assertEquals(before.path("histogram").get(4).asInt() - 1, edited.path("histogram").get(4).asInt());
        assertEquals(before.path("histogram").get(2).asInt() + 1, edited.path("histogram").get(2).asInt());

        String reporter = enrolledLearner("reporter.summary@example.com");
        assertEquals(204, http.post("/api/v1/reviews/" + rb + "/reports", Http.json("reason", "spam"), reporter).status());
        assertEquals(204, http.post("/api/v1/reviews/" + rb + "/reports", Http.json("reason", "spam"), reporter).status(),
                "reporting twice is harmless");
        String admin = studio.accounts().adminToken();
        JsonNode queue = http.get("/api/v1/admin/reviews", admin).json().path("items");
        assertEquals(rb, queue.get(0).path("review").path("id").asText());
        assertEquals(1, queue.get(0).path("reportCount").asInt());
        Http.Response noReason = http.call("PATCH", "/api/v1/admin/reviews/" + rb, Http.json("hidden", true), admin);
        assertEquals("required", noReason.json().path("errors").get(0).path("rule").asText());
        studio.patch(admin, "/api/v1/admin/reviews/" + rb, "hidden", true, "reason", "Spam");
        assertEquals(edited.path("count").asInt() - 1, rating().path("count").asInt());
        List<String> visible = Studio.texts(http.get("/api/v1/courses/" + courseId + "/reviews?limit=100").json()
                .path("items"), "id");
        assertTrue(!visible.contains(rb) && visible.contains(ra));
        assertTrue(Studio.texts(http.get("/api/v1/courses/" + courseId + "/reviews?limit=100", b).json().path("items"), "id")
                .contains(rb), "the author still sees their hidden review");
        assertEquals(204, http.call("DELETE", "/api/v1/reviews/" + ra, null, a).status());
        assertEquals(edited.path("count").asInt() - 2, rating().path("count").asInt());
        assertConsistent();
    }

    @Test
    void instructorsReplyOthersCannot() {
        String learner = enrolledLearner("reply.review@example.com");
        String review = http.post("/api/v1/courses/" + courseId + "/reviews", Http.json("rating", 4), learner).json()
                .path("id").asText();
        JsonNode replied = http.call("PUT", "/api/v1/reviews/" + review + "/reply", Http.json("body", "Thank you!"), ada)
                .json();
        assertEquals("Thank you!", replied.path("reply").path("body").asText());
        assertEquals("Ada Reviews", replied.path("reply").path("authorName").asText());
        String other = studio.user("other.reply@example.com", "Other", Role.INSTRUCTOR);
        assertEquals(403, http.call("PUT", "/api/v1/reviews/" + review + "/reply", Http.json("body", "Hi"), other)
                .status());
        assertEquals(403, http.call("PATCH", "/api/v1/reviews/" + review, Http.json("rating", 1), other).status());
    }

    @Test
    void concurrentReviewsKeepTheSummaryExact() throws Exception {
        List<String> learners = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            learners.add(enrolledLearner("burst" + i + ".review@example.com"));
        }
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < learners.size(); i++) {
                String token = learners.get(i);
                int stars = 1 + i % 5;
                pool.submit(() -> http.post("/api/v1/courses/" + courseId + "/reviews", Http.json("rating", stars), token));
            }
        }
        assertConsistent();
    }

    @Test
    void anEnrolledLearnerIsToldWhichPrerequisiteToFinish() {
        JsonNode draft = http.get("/api/v1/courses/" + courseId + "/draft", ada).json();
        String section = draft.path("sections").get(0).path("id").asText();
        String first = draft.path("sections").get(0).path("lessons").get(0).path("id").asText();
        String locked = studio.lesson(ada, section, Map.of("title", "After the first", "type", "ARTICLE",
                "prerequisiteIds", List.of(first), "content", Map.of("body", "Step two"))).path("id").asText();
        studio.publish(ada, courseId);
        String learner = enrolledLearner("prereq.review@example.com");
        Http.Response r = http.get("/api/v1/lessons/" + locked, learner);
        assertEquals(403, r.status());
        assertEquals("lesson.locked", r.json().path("code").asText());
        assertEquals(first, r.json().path("context").path("missingPrerequisites").get(0).path("id").asText());
        assertTrue(r.json().path("detail").asText().contains("Reviewed course lesson 1"), r.json().path("detail").asText());
        JsonNode page = http.get("/api/v1/courses/" + courseId, learner).json();
        assertTrue(page.path("viewer").path("enrolled").asBoolean());
        JsonNode lessons = page.path("sections").get(0).path("lessons");
        assertEquals(false, lessons.get(1).path("locked").asBoolean());
        assertEquals(true, lessons.get(lessons.size() - 1).path("locked").asBoolean());
    }

    private static JsonNode rating() {
        return http.get("/api/v1/courses/" + courseId).json().path("rating");
    }

    /** The summary equals an average over the visible reviews listed by the API. */
    private static void assertConsistent() {
        JsonNode reviews = http.get("/api/v1/courses/" + courseId + "/reviews?limit=100").json().path("items");
        int count = reviews.size();
        double sum = 0;
        for (JsonNode r : reviews) {
            sum += r.path("rating").asInt();
        }
        JsonNode rating = rating();
        assertEquals(count, rating.path("count").asInt());
        assertEquals(count == 0 ? 0 : Math.round(sum / count * 100) / 100.0, rating.path("average").asDouble(), 0.001);
        int histogramTotal = 0;
        for (JsonNode n : rating.path("histogram")) {
            histogramTotal += n.asInt();
        }
        assertEquals(count, histogramTotal);
        String fresh = "/api/v1/courses?q=reviewed&limit=" + FRESH_LIMIT.incrementAndGet();
        assertEquals(count, http.get(fresh).json().path("items").get(0).path("ratingCount").asInt(),
                "a search not served from the cache shows the new count on the card");
    }
}
