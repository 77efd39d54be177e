package io.lectern.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Progress through the API: a video completes at 90 % of its unique seconds (seeking to the end does not count),
 * articles when marked done, the percentage counts required lessons, prerequisites unlock on completion, and the
 * instructor sees each student.
 */
class ProgressTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String ada;
    private static String course;
    private static String intro;
    private static String video;
    private static String videoMedia;
    private static String after;

    /**
     * Half past eleven UTC, which is already tomorrow in Berlin: activity counted in two zones would make one
     * evening's study a two-day streak (this test once failed only when CI happened to run near midnight).
     */
    private static final MovableClock CLOCK = new MovableClock();

    @BeforeAll
    static void start() {
        Instant now = Instant.now();
        Instant lateEvening = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofMinutes(23 * 60 + 30));
        CLOCK.advanceTo(lateEvening.isAfter(now) ? lateEvening : lateEvening.plus(Duration.ofDays(1)));
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { }, CLOCK);
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("science");
        ada = studio.user("ada.progress@example.com", "Ada Progress", Role.INSTRUCTOR);
        course = studio.course(ada, "title", "Optics", "category", "science", "description",
                "Light, lenses and mirrors, step by step.").path("id").asText();
        String section = studio.section(ada, course, "Basics").path("id").asText();
        intro = studio.article(ada, section, "Welcome", "Hello", true).path("id").asText();
        videoMedia = new Tus(http, server.baseUri()).videoReady(ada);
        video = studio.lesson(ada, section, Map.of("title", "Lenses", "type", "VIDEO", "durationSec", 100,
                "content", Map.of("mediaId", videoMedia))).path("id").asText();
        after = studio.lesson(ada, section, Map.of("title", "Mirrors", "type", "ARTICLE", "prerequisiteIds",
                List.of(video), "content", Map.of("body", "Mirrors reflect."))).path("id").asText();
        studio.lesson(ada, section, Map.of("title", "Extra reading", "type", "ARTICLE", "required", false,
                "content", Map.of("body", "More.")));
        studio.publish(ada, course);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode beat(String token, String lesson, double position, List<List<Double>> ranges, String id) {
        Http.Response r = http.call("PUT", "/api/v1/lessons/" + lesson + "/progress", Http.json("positionSec", position,
                "watchedRanges", ranges, "spentSec", 30, "clientEventId", id, "timeZone", "Europe/Berlin"), token);
        assertEquals(200, r.status(), r.raw().body());
        return r.json();
    }

    private static JsonNode progress(String token) {
        return http.get("/api/v1/courses/" + course + "/progress?timeZone=Europe/Berlin", token).json();
    }

    @Test
    void videosCompleteByWatchingArticlesByMarkingAndThePercentCountsRequiredLessons() {
        String lea = studio.user("lea.progress@example.com", "Lea", Role.STUDENT);
        assertEquals(403, http.get("/api/v1/courses/" + course + "/progress", lea).status(), "not enrolled");
        assertEquals(201, http.post("/api/v1/courses/" + course + "/enroll", "{}", lea).status());
        JsonNode start = progress(lea);
        assertEquals(0, start.path("percent").asInt());
        assertEquals(3, start.path("totalRequired").asInt(), "the optional lesson does not count");
        assertEquals(intro, start.path("nextLessonId").asText());
        assertEquals("LOCKED", start.path("lessons").get(2).path("state").asText());
        assertEquals("lesson.locked", http.get("/api/v1/lessons/" + after, lea).json().path("code").asText());

        assertEquals("COMPLETED", http.post("/api/v1/lessons/" + intro + "/complete", null, lea).json()
                .path("state").asText());
        assertEquals(200, http.get("/api/v1/media/" + videoMedia + "/playback", lea).status(), "Lea opens the video");
        CLOCK.advance(Duration.ofMinutes(2)); // and watches it
        JsonNode seek = beat(lea, video, 99, List.of(List.of(0.0, 5.0), List.of(95.0, 100.0)), "seek-1");
        assertEquals("IN_PROGRESS", seek.path("state").asText(), "seeking to the end is not watching");
        assertEquals(10, seek.path("watchedPercent").asInt());
        beat(lea, video, 50, List.of(List.of(0.0, 50.0)), "watch-1");
        beat(lea, video, 50, List.of(List.of(0.0, 50.0)), "watch-1");
        JsonNode almost = beat(lea, video, 85, List.of(List.of(40.0, 84.0)), "watch-2");
        assertEquals(89, almost.path("watchedPercent").asInt());
        assertEquals("IN_PROGRESS", almost.path("state").asText());
        JsonNode done = beat(lea, video, 90, List.of(List.of(84.0, 90.0)), "watch-3");
        assertEquals("COMPLETED", done.path("state").asText());
        assertEquals(409, http.post("/api/v1/lessons/" + video + "/complete", null, lea).status(), "videos are watched");

        JsonNode now = progress(lea);
        assertEquals(66, now.path("percent").asInt());
        assertEquals(66, http.get("/api/v1/me/enrollments", lea).json().path("items").get(0).path("progressPercent")
                .asInt(), "My learning shows the same figure");
        assertEquals(after, now.path("nextLessonId").asText(), "the prerequisite is done: Mirrors is next");
        assertEquals("NOT_STARTED", now.path("lessons").get(2).path("state").asText());
        assertEquals(200, http.get("/api/v1/lessons/" + after, lea).status());
        assertEquals(90.0, now.path("lessons").get(1).path("positionSec").asDouble(), "resume where the video stopped");
        assertEquals(120, now.path("timeSpentSec").asLong(), "four distinct heartbeats of 30 s; the repeat counts once");
        assertEquals(1, now.path("streakDays").asInt(), "marking done (no zone named) counts in the zone the "
                + "heartbeats named: one Berlin evening is one day");

        http.post("/api/v1/lessons/" + after + "/complete", null, lea);
        assertEquals(100, progress(lea).path("percent").asInt());
        assertEquals(100, http.get("/api/v1/me/enrollments", lea).json().path("items").get(0).path("progressPercent")
                .asInt());
    }

    @Test
    void watchedTimeCannotRunAheadOfTheClock() {
        String max = studio.user("max.progress@example.com", "Max", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", max);
        http.post("/api/v1/lessons/" + intro + "/complete", null, max);
        Http.Response unopened = http.call("PUT", "/api/v1/lessons/" + video + "/progress", Http.json("watchedRanges",
                List.of(List.of(0.0, 100.0))), max);
        assertEquals(422, unopened.status(), "nothing can have been watched of a video never opened");
        assertEquals("progress.faster_than_real_time", unopened.json().path("code").asText());
        assertEquals(200, http.get("/api/v1/media/" + videoMedia + "/playback", max).status());
        CLOCK.advance(Duration.ofSeconds(10));
        assertEquals(422, http.call("PUT", "/api/v1/lessons/" + video + "/progress", Http.json("watchedRanges",
                List.of(List.of(0.0, 100.0))), max).status(), "\"watched all\" ten seconds after opening it");
        assertEquals("IN_PROGRESS", beat(max, video, 30, List.of(List.of(0.0, 30.0)), "max-1").path("state").asText(),
                "thirty seconds in ten is double speed: possible");
        JsonNode offline = http.post("/api/v1/sync", Studio.toJson(Map.of("events", List.of(Map.of("id", "max-2",
                "type", "HEARTBEAT", "clientTime", CLOCK.instant().toString(), "lessonId", video, "watchedRanges",
                List.of(List.of(30.0, 100.0)))))), max).json();
        assertEquals("progress.faster_than_real_time", offline.path("rejected").get(0).path("code").asText(),
                offline.toString());
        CLOCK.advance(Duration.ofSeconds(60));
        assertEquals("COMPLETED", beat(max, video, 100, List.of(List.of(30.0, 100.0)), "max-3").path("state").asText(),
                "a minute later it fits: the video is done");
        assertEquals("COMPLETED", beat(max, video, 5, List.of(List.of(0.0, 5.0)), "max-4").path("state").asText(),
                "watching again what was credited is never refused");
    }

    @Test
    void aPdfCompletesWhenEveryPageWasViewed() {
        byte[] pdf = io.lectern.server.testing.MediaFiles.pdf(3);
        io.lectern.server.testing.Tus tus = new io.lectern.server.testing.Tus(http, server.baseUri());
        String doc = tus.uploadReady(ada, "handout.pdf", pdf, "DOCUMENT");
        String pdfCourse = studio.course(ada, "title", "Reading optics", "category", "science", "description",
                "The handout, page by page.").path("id").asText();
        String section = studio.section(ada, pdfCourse, "Handouts").path("id").asText();
        String lesson = studio.lesson(ada, section, Map.of("title", "Handout", "type", "PDF", "preview", true,
                "content", Map.of("mediaId", doc))).path("id").asText();
        studio.publish(ada, pdfCourse);
        String rae = studio.user("rae.progress@example.com", "Rae", Role.STUDENT);
        http.post("/api/v1/courses/" + pdfCourse + "/enroll", "{}", rae);
        JsonNode two = http.call("PUT", "/api/v1/lessons/" + lesson + "/progress", Http.json("pagesViewed",
                List.of(1, 2, 2)), rae).json();
        assertEquals("IN_PROGRESS", two.path("state").asText(), two.toString());
        assertEquals(400, http.call("PUT", "/api/v1/lessons/" + lesson + "/progress", Http.json("pagesViewed",
                List.of(4)), rae).status(), "there is no page 4");
        assertEquals("COMPLETED", http.call("PUT", "/api/v1/lessons/" + lesson + "/progress", Http.json("pagesViewed",
                List.of(3)), rae).json().path("state").asText());
    }

    @Test
    void instructorsSeeTheirStudentsAndNobodyElseDoes() {
        String sam = studio.user("sam.progress@example.com", "Sam", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", sam);
        http.post("/api/v1/lessons/" + intro + "/complete", null, sam);
        JsonNode students = http.get("/api/v1/instructor/courses/" + course + "/progress", ada).json().path("items");
        assertTrue(Studio.texts(students, "name").contains("Sam"), students.toString());
        Http.Response csv = http.get("/api/v1/instructor/courses/" + course + "/progress.csv", ada);
        assertTrue(csv.raw().body().contains("\"Sam\",33,1,"), csv.raw().body());
        String bob = studio.user("bob.progress@example.com", "Bob", Role.INSTRUCTOR);
        assertEquals(403, http.get("/api/v1/instructor/courses/" + course + "/progress", bob).status());
    }

    @Test
    void badHeartbeatsAreRefusedByField() {
        String una = studio.user("una.progress@example.com", "Una", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", una);
        Http.Response r = http.call("PUT", "/api/v1/lessons/" + video + "/progress", Http.json("positionSec", -3,
                "watchedRanges", List.of(List.of(50.0, 10.0))), una);
        assertEquals(400, r.status());
        assertEquals(List.of("watchedRanges", "positionSec"), Studio.texts(r.json().path("errors"), "field"));
        Http.Response zone = http.call("PUT", "/api/v1/lessons/" + video + "/progress", Http.json("timeZone", "Mars/Base"),
                una);
        assertEquals("timeZone", zone.json().path("errors").get(0).path("field").asText());
    }
}
