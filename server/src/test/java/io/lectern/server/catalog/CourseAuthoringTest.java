package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Instructors create and change courses through the studio API; bad input is refused and nothing half-written. */
class CourseAuthoringTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String ada;
    private static String grace;
    private static String student;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("programming", "design");
        ada = studio.user("ada.author@example.com", "Ada Author", Role.INSTRUCTOR);
        grace = studio.user("grace.author@example.com", "Grace Author", Role.INSTRUCTOR);
        student = studio.user("sam.student@example.com", "Sam Student", Role.STUDENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createMakesADraftWithAGeneratedSlugAndTheCallerAsOwner() {
        JsonNode c = studio.course(ada, "title", "Crème Brûlée: Basics!", "category", "design", "tags",
                List.of("Cooking", "cooking", "French"), "pricing", "ONE_TIME", "priceMinor", 2500, "language", "fr");
        assertEquals("creme-brulee-basics", c.path("slug").asText());
        assertEquals("DRAFT", c.path("status").asText());
        assertEquals(List.of("cooking", "french"), Studio.strings(c.path("tags")));
        assertEquals(2500, c.path("price").path("amountMinor").asLong());
        assertEquals("Ada Author", c.path("instructors").get(0).path("displayName").asText());
        assertTrue(c.path("instructors").get(0).path("owner").asBoolean());
        JsonNode second = studio.course(ada, "title", "Creme brulee basics", "category", "design");
        assertEquals("creme-brulee-basics-2", second.path("slug").asText());
    }

    @Test
    void duplicateSlugIs409AndCreatesNothing() {
        studio.course(ada, "title", "Unique Slug Course", "category", "programming", "slug", "taken-slug");
        long before = courseCount();
        Http.Response r = http.post("/api/v1/courses", Http.json("title", "Another", "category", "programming",
                "slug", "taken-slug"), grace);
        assertEquals(409, r.status());
        assertEquals("course.slug_taken", r.json().path("code").asText());
        assertEquals("slug", r.json().path("errors").get(0).path("field").asText());
        assertEquals(before, courseCount());
    }

    @Test
    void badFieldsAreNamedWithTheirRule() {
        Http.Response r = http.post("/api/v1/courses", Http.json("title", "x", "category", "no-such-category",
                "slug", "Bad Slug!", "pricing", "ONE_TIME", "priceMinor", -5, "language", "english please",
                "currency", "usd", "tags", List.of("ok", "#bad")), ada);
        assertEquals(400, r.status());
        Map<String, String> rules = rules(r.json());
        assertEquals("length", rules.get("title"));
        assertEquals("format", rules.get("slug"));
        assertEquals("range", rules.get("priceMinor"));
        assertEquals("format", rules.get("language"));
        assertEquals("format", rules.get("currency"));
        assertEquals("format", rules.get("tags[1]"));
        Http.Response unknownCategory = http.post("/api/v1/courses", Http.json("title", "Fine title",
                "category", "no-such-category"), ada);
        assertEquals(400, unknownCategory.status());
        assertEquals("unknown", rules(unknownCategory.json()).get("category"));
    }

    @Test
    void pricesFollowThePricing() {
        assertEquals("required", rules(http.post("/api/v1/courses", Http.json("title", "Paid but free",
                "category", "design", "pricing", "ONE_TIME"), ada).json()).get("priceMinor"));
        assertEquals("must_be_zero", rules(http.post("/api/v1/courses", Http.json("title", "Free with price",
                "category", "design", "pricing", "FREE", "priceMinor", 100), ada).json()).get("priceMinor"));
        JsonNode c = studio.course(ada, "title", "Switches to free", "category", "design", "pricing", "ONE_TIME",
                "priceMinor", 900);
        JsonNode free = studio.patch(ada, "/api/v1/courses/" + c.path("id").asText(), "pricing", "FREE");
        assertEquals(0, free.path("price").path("amountMinor").asLong());
    }

    @Test
    void onlyStaffOfTheCourseEditIt() {
        JsonNode c = studio.course(ada, "title", "Ada's own course", "category", "design");
        String path = "/api/v1/courses/" + c.path("id").asText();
        Http.Response other = http.call("PATCH", path, Http.json("title", "Hijacked"), grace);
        assertEquals(404, other.status(), "a draft is invisible to other instructors");
        assertEquals(403, http.call("PATCH", path, Http.json("title", "Hijacked"), student).status());
        String admin = studio.accounts().adminToken();
        assertEquals("Admin edit", studio.patch(admin, path, "title", "Admin edit").path("title").asText());
        assertEquals("Admin edit", http.get(path + "/draft", ada).json().path("title").asText());
    }

    @Test
    void coInstructorsEditButOnlyTheOwnerChangesThem() {
        String graceId = studio.userId(grace);
        JsonNode c = studio.course(ada, "title", "Shared course", "category", "design", "coInstructorIds",
                List.of(graceId));
        String path = "/api/v1/courses/" + c.path("id").asText();
        assertEquals("Edited by Grace", studio.patch(grace, path, "title", "Edited by Grace").path("title").asText());
        Http.Response r = http.call("PATCH", path, Http.json("coInstructorIds", List.of()), grace);
        assertEquals(403, r.status());
        assertEquals("course.owner_only", r.json().path("code").asText());
        Http.Response notInstructor = http.call("PATCH", path, Http.json("coInstructorIds",
                List.of(studio.userId(student))), ada);
        assertEquals("instructor", rules(notInstructor.json()).get("coInstructorIds[0]"));
        assertEquals(2, http.get(path + "/draft", ada).json().path("instructors").size(), "nothing changed");
    }

    @Test
    void staleIfMatchIsRefusedWithTheCurrentRevision() {
        JsonNode c = studio.course(ada, "title", "Concurrent edits", "category", "design");
        String path = "/api/v1/courses/" + c.path("id").asText();
        Http.Response first = http.get(path + "/draft", ada);
        String etag = first.header("ETag");
        assertEquals("\"r1\"", etag);
        Http.Response ok = http.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).header("If-Match", etag)
                .header("Authorization", "Bearer " + ada).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Http.json("subtitle", "first"))));
        assertEquals(200, ok.status());
        Http.Response stale = http.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).header("If-Match", etag)
                .header("Authorization", "Bearer " + ada).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Http.json("subtitle", "second"))));
        assertEquals(409, stale.status());
        assertEquals("course.edited_elsewhere", stale.json().path("code").asText());
        assertEquals(2, stale.json().path("context").path("revision").asInt());
        assertEquals("first", http.get(path + "/draft", ada).json().path("subtitle").asText());
    }

    @Test
    void explicitNullClearsTheThumbnailAndAbsentKeepsIt() {
        String media = new Tus(http, server.baseUri()).uploadReady(ada, "cover.png", MediaFiles.png(32, 18), "IMAGE");
        JsonNode c = studio.course(ada, "title", "Thumbnail course", "category", "design", "thumbnailMediaId", media);
        String path = "/api/v1/courses/" + c.path("id").asText();
        assertEquals(media, studio.patch(ada, path, "subtitle", "kept").path("thumbnailMediaId").asText());
        JsonNode cleared = http.call("PATCH", path, "{\"thumbnailMediaId\":null}", ada).json();
        assertTrue(cleared.path("thumbnailMediaId").isNull());
    }

    @Test
    void neverPublishedDraftsAreDeletedPublishedOnesAreNot() {
        JsonNode draft = studio.course(ada, "title", "Throwaway draft", "category", "design");
        assertEquals(204, http.call("DELETE", "/api/v1/courses/" + draft.path("id").asText(), null, ada).status());
        assertEquals(404, http.get("/api/v1/courses/" + draft.path("id").asText() + "/draft", ada).status());
        JsonNode published = studio.publishedCourse(ada, "Kept forever", "design", 1);
        Http.Response r = http.call("DELETE", "/api/v1/courses/" + published.path("id").asText(), null, ada);
        assertEquals(409, r.status());
        assertEquals("course.was_published", r.json().path("code").asText());
    }

    @Test
    void theStudioListsTheCallersCoursesOnly() {
        String mine = studio.course(grace, "title", "Grace listing test", "category", "design").path("id").asText();
        JsonNode list = http.get("/api/v1/instructor/courses?limit=200", grace).json().path("items");
        assertTrue(Studio.texts(list, "id").contains(mine));
        JsonNode adas = http.get("/api/v1/instructor/courses?limit=200", ada).json().path("items");
        assertFalse(Studio.texts(adas, "id").contains(mine));
    }

    @Test
    void unknownFieldsAreRejectedSoNobodyMassAssignsTheStatus() {
        Http.Response r = http.post("/api/v1/courses", Http.json("title", "Sneaky", "category", "design",
                "status", "PUBLISHED"), ada);
        assertEquals(400, r.status());
        assertEquals("unknown", rules(r.json()).get("status"));
    }

    private static long courseCount() {
        return http.get("/api/v1/instructor/courses?all=true&limit=200", studio.accounts().adminToken()).json()
                .path("items").size();
    }

    static Map<String, String> rules(JsonNode problem) {
        Map<String, String> rules = new java.util.HashMap<>();
        problem.path("errors").forEach(e -> rules.put(e.path("field").asText(), e.path("rule").asText()));
        return rules;
    }
}
