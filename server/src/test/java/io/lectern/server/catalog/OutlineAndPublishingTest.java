package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.EventLog;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outline (sections, lessons, order, prerequisites), publishing with its checks, editing a published course
 * as a draft, republishing, archiving and duplicating.
 */
class OutlineAndPublishingTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String ada;
    private static EventLog events;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        events = EventLog.subscribe(server.platform().events(), CoursePublished.class, CourseArchived.class,
                LessonAdded.class);
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("programming");
        ada = studio.user("ada.outline@example.com", "Ada Outline", Role.INSTRUCTOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void publishingAnEmptyCourseNamesWhatIsMissing() {
        JsonNode c = studio.course(ada, "title", "Empty course", "category", "programming");
        Http.Response r = http.post("/api/v1/courses/" + c.path("id").asText() + "/publish", null, ada);
        assertEquals(422, r.status());
        assertEquals("course.not_publishable", r.json().path("code").asText());
        Map<String, String> rules = CourseAuthoringTest.rules(r.json());
        assertEquals("min_items", rules.get("sections"));
        assertEquals("incomplete", rules.get("description"));
        assertEquals("DRAFT", http.get("/api/v1/courses/" + c.path("id").asText() + "/draft", ada).json()
                .path("status").asText(), "nothing half-written");
        assertEquals(404, http.get("/api/v1/courses/" + c.path("slug").asText()).status());
    }

    @Test
    void incompleteLessonsBlockPublishingWithTheirPath() {
        JsonNode c = studio.course(ada, "title", "Video course", "category", "programming", "description",
                "A course with a video that has no file yet.");
        String section = studio.section(ada, c.path("id").asText(), "Videos").path("id").asText();
        studio.lesson(ada, section, Map.of("title", "A video", "type", "VIDEO"));
        studio.lesson(ada, section, Map.of("title", "A tool", "type", "EMBED"));
        Http.Response r = http.post("/api/v1/courses/" + c.path("id").asText() + "/publish", null, ada);
        Map<String, String> rules = CourseAuthoringTest.rules(r.json());
        assertEquals("incomplete", rules.get("sections[0].lessons[0].content.mediaId"));
        assertEquals("incomplete", rules.get("sections[0].lessons[0].durationSec"));
        assertEquals("incomplete", rules.get("sections[0].lessons[1].content.url"));
    }

    @Test
    void learnersSeeThePublishedVersionUntilTheNextPublish() {
        JsonNode draft = studio.publishedCourse(ada, "Versioned course", "programming", 3);
        String id = draft.path("id").asText();
        assertEquals(1, draft.path("publishedVersion").asInt());
        assertFalse(draft.path("hasUnpublishedChanges").asBoolean());
        List<String> lessonIds = lessonIds(http.get("/api/v1/courses/" + id).json());
        JsonNode edited = studio.patch(ada, "/api/v1/courses/" + id, "title", "Versioned course, second edition");
        assertTrue(edited.path("hasUnpublishedChanges").asBoolean());
        String removed = lessonIds.get(2);
        assertEquals(204, http.call("DELETE", "/api/v1/lessons/" + removed, null, ada).status());
        String sectionId = edited.path("sections").get(0).path("id").asText();
        String added = studio.article(ada, sectionId, "Brand new lesson", "New text.", false).path("id").asText();

        JsonNode page = http.get("/api/v1/courses/" + id).json();
        assertEquals("Versioned course", page.path("title").asText());
        assertEquals(lessonIds, lessonIds(page));
        assertEquals(200, http.get("/api/v1/lessons/" + lessonIds.getFirst()).status());

        studio.publish(ada, id);
        JsonNode republished = http.get("/api/v1/courses/" + id).json();
        assertEquals("Versioned course, second edition", republished.path("title").asText());
        assertEquals(2, republished.path("version").asInt());
        assertEquals(List.of(lessonIds.get(0), lessonIds.get(1), added), lessonIds(republished), "lessons keep ids");
        assertEquals(404, http.get("/api/v1/lessons/" + removed).status());
        List<LessonAdded> announced = events.await(LessonAdded.class, e -> e.courseId().toString().equals(id), 1);
        assertEquals(List.of(added), announced.stream().map(e -> e.lessonId().toString()).toList());
        assertEquals(List.of(1, 2), events.await(CoursePublished.class, e -> e.courseId().toString().equals(id), 2)
                .stream().map(CoursePublished::version).toList());
    }

    @Test
    void reorderMovesLessonsBetweenSectionsInOneGo() {
        JsonNode c = studio.course(ada, "title", "Reordered course", "category", "programming");
        String id = c.path("id").asText();
        String s1 = studio.section(ada, id, "One").path("id").asText();
        String s2 = studio.section(ada, id, "Two").path("id").asText();
        String a = studio.article(ada, s1, "A", "a", false).path("id").asText();
        String b = studio.article(ada, s1, "B", "b", false).path("id").asText();
        String d = studio.article(ada, s2, "D", "d", false).path("id").asText();
        String order = Http.json("sections", List.of(Map.of("id", s2, "lessonIds", List.of(b, d)),
                Map.of("id", s1, "lessonIds", List.of(a))));
        JsonNode after = http.call("PUT", "/api/v1/courses/" + id + "/outline", order, ada).json();
        assertEquals(List.of("Two", "One"), Studio.texts(after.path("sections"), "title"));
        assertEquals(List.of("B", "D"), Studio.texts(after.path("sections").get(0).path("lessons"), "title"));

        String missingOne = Http.json("sections", List.of(Map.of("id", s1, "lessonIds", List.of(a, b, d)),
                Map.of("id", s2, "lessonIds", List.of())));
        String withoutD = missingOne.replace(",\"" + d + "\"", "");
        Http.Response stale = http.call("PUT", "/api/v1/courses/" + id + "/outline", withoutD, ada);
        assertEquals(409, stale.status());
        assertEquals("outline.out_of_date", stale.json().path("code").asText());
        JsonNode unchanged = http.get("/api/v1/courses/" + id + "/draft", ada).json();
        assertEquals(List.of("Two", "One"), Studio.texts(unchanged.path("sections"), "title"));
    }

    @Test
    void prerequisiteCyclesAndForeignLessonsAreRefused() {
        JsonNode c = studio.course(ada, "title", "Prerequisite course", "category", "programming");
        String section = studio.section(ada, c.path("id").asText(), "Steps").path("id").asText();
        String one = studio.article(ada, section, "Step one", "1", false).path("id").asText();
        String two = studio.lesson(ada, section, Map.of("title", "Step two", "type", "ARTICLE",
                "prerequisiteIds", List.of(one))).path("id").asText();
        String three = studio.lesson(ada, section, Map.of("title", "Step three", "type", "ARTICLE",
                "prerequisiteIds", List.of(two))).path("id").asText();
        Http.Response cycle = http.call("PATCH", "/api/v1/lessons/" + one, Http.json("prerequisiteIds",
                List.of(three)), ada);
        assertEquals(422, cycle.status());
        assertEquals("lesson.prerequisite_cycle", cycle.json().path("code").asText());
        assertEquals(List.of(one, three, two, one), Studio.strings(cycle.json().path("context").path("cycle")));
        assertTrue(http.get("/api/v1/courses/" + c.path("id").asText() + "/draft", ada).json().path("sections").get(0)
                .path("lessons").get(0).path("prerequisiteIds").isEmpty(), "nothing half-written");

        JsonNode other = studio.course(ada, "title", "Other course", "category", "programming");
        String foreign = studio.article(ada, studio.section(ada, other.path("id").asText(), "X").path("id").asText(),
                "Foreign", "f", false).path("id").asText();
        Http.Response wrong = http.call("PATCH", "/api/v1/lessons/" + two, Http.json("prerequisiteIds",
                List.of(foreign)), ada);
        assertEquals("same_course", CourseAuthoringTest.rules(wrong.json()).get("prerequisiteIds[0]"));
    }

    @Test
    void changingALessonsTypeKeepsOnlyContentOfTheNewType() {
        JsonNode c = studio.course(ada, "title", "Type change", "category", "programming");
        String section = studio.section(ada, c.path("id").asText(), "S").path("id").asText();
        String lesson = studio.article(ada, section, "Was an article", "text", false).path("id").asText();
        JsonNode changed = studio.patch(ada, "/api/v1/lessons/" + lesson, "type", "EMBED", "content",
                Map.of("url", "https://tools.example.com/h5p/42", "body", "ignored"));
        assertEquals("https://tools.example.com/h5p/42", changed.path("content").path("url").asText());
        assertTrue(changed.path("content").path("body").isMissingNode());
        Http.Response http1 = http.call("PATCH", "/api/v1/lessons/" + lesson, Http.json("content",
                Map.of("url", "http://insecure.example.com")), ada);
        assertEquals("https_url", CourseAuthoringTest.rules(http1.json()).get("content.url"));
    }

    @Test
    void archivingHidesTheCourseAndPublishingBringsItBack() {
        JsonNode c = studio.publishedCourse(ada, "Archived course", "programming", 1);
        String id = c.path("id").asText();
        assertEquals("ARCHIVED", http.post("/api/v1/courses/" + id + "/archive", null, ada).json().path("status").asText());
        assertEquals(404, http.get("/api/v1/courses/" + id).status());
        assertEquals(200, http.get("/api/v1/courses/" + id, ada).status(), "staff still see it");
        assertFalse(Studio.texts(http.get("/api/v1/courses?q=archived").json().path("items"), "id").contains(id));
        assertEquals(409, http.post("/api/v1/courses/" + id + "/archive", null, ada).status());
        studio.publish(ada, id);
        assertEquals(200, http.get("/api/v1/courses/" + id).status());
        assertEquals(1, events.await(CourseArchived.class, e -> e.courseId().toString().equals(id), 1).size());
    }

    @Test
    void duplicateCopiesTheWholeCourseWithNewIdsAndPrerequisites() {
        JsonNode c = studio.course(ada, "title", "Original course", "category", "programming");
        String section = studio.section(ada, c.path("id").asText(), "S").path("id").asText();
        String one = studio.article(ada, section, "One", "1", true).path("id").asText();
        studio.lesson(ada, section, Map.of("title", "Two", "type", "ARTICLE", "prerequisiteIds", List.of(one),
                "content", Map.of("body", "2")));
        JsonNode copy = http.post("/api/v1/courses/" + c.path("id").asText() + "/duplicate", null, ada).json();
        assertEquals("Copy of Original course", copy.path("title").asText());
        assertEquals("DRAFT", copy.path("status").asText());
        JsonNode lessons = copy.path("sections").get(0).path("lessons");
        assertEquals(List.of("One", "Two"), Studio.texts(lessons, "title"));
        assertNotEquals(one, lessons.get(0).path("id").asText());
        assertEquals(List.of(lessons.get(0).path("id").asText()), Studio.strings(lessons.get(1).path("prerequisiteIds")));
        assertEquals("2", lessons.get(1).path("content").path("body").asText());
    }

    @Test
    void publishingAnnouncesTheCourseThroughTheOutbox() {
        JsonNode c = studio.publishedCourse(ada, "Announced course", "programming", 2);
        CoursePublished e = events.await(CoursePublished.class, x -> x.courseId().toString().equals(c.path("id").asText()),
                1).getFirst();
        assertEquals(2, e.lessonIds().size());
        assertEquals(List.of(studio.userId(ada)), e.instructorIds().stream().map(Object::toString).toList());
        assertTrue(Accounts.waitFor(() -> auditHas("catalog.course.published", c.path("id").asText()) ? true : null,
                "the audit entry"));
    }

    private static List<String> lessonIds(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.path("sections").forEach(s -> s.path("lessons").forEach(l -> ids.add(l.path("id").asText())));
        return ids;
    }

    private static boolean auditHas(String action, String courseId) {
        return http.get("/api/v1/admin/audit?action=" + action, studio.accounts().adminToken()).json().path("items")
                .findValuesAsText("targetId").contains(courseId);
    }
}
