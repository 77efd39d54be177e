package io.lectern.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline sync with shuffled, duplicated and delayed batches: every event applies once, ranges union,
 * completion sticks, the latest position wins by client time, notes merge per note with tombstones, garbage is
 * rejected with reasons while good events apply, and the cursor returns only what changed.
 */
class SyncTest {

    private static final Instant T0 = Instant.now().minusSeconds(3600);
    private static final MovableClock CLOCK = new MovableClock();
    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String course;
    private static String article;
    private static String video;
    private static String videoMedia;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { }, CLOCK);
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("science");
        String ada = studio.user("ada.sync@example.com", "Ada Sync", Role.INSTRUCTOR);
        course = studio.course(ada, "title", "Offline physics", "category", "science", "description",
                "Study it on the train, step by step.").path("id").asText();
        String section = studio.section(ada, course, "Part one").path("id").asText();
        article = studio.article(ada, section, "Read me", "Words", true).path("id").asText();
        videoMedia = new Tus(http, server.baseUri()).videoReady(ada);
        video = studio.lesson(ada, section, Map.of("title", "Watch me", "type", "VIDEO", "durationSec", 60,
                "content", Map.of("mediaId", videoMedia))).path("id").asText();
        studio.publish(ada, course);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ObjectNode event(String id, String type, long secondsAfterT0) {
        ObjectNode e = Studio.object();
        e.put("id", id).put("type", type).put("clientTime", T0.plusSeconds(secondsAfterT0).toString());
        return e;
    }

    private static ObjectNode beat(String id, long at, double position, double from, double to) {
        ObjectNode e = event(id, "HEARTBEAT", at).put("lessonId", video).put("positionSec", position).put("spentSec", 10);
        e.putArray("watchedRanges").addArray().add(from).add(to);
        return e;
    }

    private static ObjectNode note(String id, String type, long at, UUID note, String body) {
        return event(id, type, at).put("lessonId", video).put("noteId", note.toString()).put("body", body)
                .put("positionSec", 12.5);
    }

    private static JsonNode sync(String token, List<ObjectNode> events, String cursor) {
        ObjectNode body = Studio.object();
        ArrayNode list = body.putArray("events");
        events.forEach(list::add);
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        Http.Response r = http.post("/api/v1/sync", body.toString(), token);
        assertEquals(200, r.status(), r.raw().body());
        return r.json();
    }

    @Test
    void shuffledDuplicatedAndDelayedBatchesMergeAsStated() {
        String lea = studio.user("lea.sync@example.com", "Lea", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", lea);
        assertEquals(200, http.get("/api/v1/media/" + videoMedia + "/playback", lea).status(), "downloaded for the train");
        CLOCK.advance(java.time.Duration.ofMinutes(2));
        UUID noteId = UUID.randomUUID();
        List<ObjectNode> day = new ArrayList<>(List.of(
                beat("b1", 10, 10, 0, 10), beat("b2", 20, 20, 10, 20), beat("b3", 30, 30, 20, 30),
                beat("b4", 40, 45, 30, 45), beat("b5", 50, 55, 45, 55),
                event("c1", "COMPLETE", 60).put("lessonId", article),
                note("n1", "NOTE_UPSERT", 70, noteId, "first thought"),
                note("n2", "NOTE_UPSERT", 80, noteId, "second thought")));
        Collections.shuffle(day, new Random(7));
        List<ObjectNode> firstHalf = new ArrayList<>(day.subList(0, 4));
        firstHalf.add(day.get(0).deepCopy()); // a retry inside the same batch
        JsonNode first = sync(lea, firstHalf, null);
        assertEquals(4, first.path("applied").size());
        assertEquals(1, first.path("duplicates").size());
        List<ObjectNode> rest = new ArrayList<>(day);
        rest.add(Studio.object().put("id", "junk").put("type", "TELEPORT").put("clientTime", T0.toString()));
        rest.add(event("ghost", "HEARTBEAT", 5).put("lessonId", UUID.randomUUID().toString()));
        rest.add(event("quiz", "QUIZ_ATTEMPT", 5));
        JsonNode second = sync(lea, rest, first.path("cursor").asText());
        assertEquals(4, second.path("applied").size(), second.toString());
        assertEquals(4, second.path("duplicates").size(), "the first batch again: nothing twice");
        assertEquals(List.of("sync.unknown_type", "sync.unknown_lesson", "sync.quiz_id"),
                Studio.texts(second.path("rejected"), "code"));
        JsonNode older = sync(lea, List.of(beat("late", 5, 3, 50, 56),
                note("n0", "NOTE_UPSERT", 65, noteId, "stale edit from another device")), second.path("cursor").asText());
        assertEquals(2, older.path("applied").size());

        JsonNode p = http.get("/api/v1/courses/" + course + "/progress", lea).json();
        JsonNode v = p.path("lessons").get(1);
        assertEquals("COMPLETED", v.path("state").asText(), "0-56 of 60 s watched: over 90 %");
        assertEquals(55.0, v.path("positionSec").asDouble(), "the latest client time wins, not the latest to arrive");
        assertEquals(60, v.path("timeSpentSec").asLong(), "six distinct heartbeats of 10 s");
        assertEquals("COMPLETED", p.path("lessons").get(0).path("state").asText());
        assertEquals(100, p.path("percent").asInt());
        JsonNode notes = http.get("/api/v1/lessons/" + video + "/notes", lea).json().path("items");
        assertEquals("second thought", notes.get(0).path("body").asText(), "last writer wins by client time");

        JsonNode deleted = sync(lea, List.of(note("d1", "NOTE_DELETE", 90, noteId, null)), older.path("cursor").asText());
        assertTrue(deleted.path("notes").get(0).path("deleted").asBoolean(), "the tombstone travels to the client");
        assertEquals(0, deleted.path("progress").size(), "no progress changed since the cursor");
        sync(lea, List.of(note("n3", "NOTE_UPSERT", 85, noteId, "an edit older than the delete")), null);
        assertTrue(http.get("/api/v1/lessons/" + video + "/notes", lea).json().path("items").isEmpty());
    }

    @Test
    void studyTimeCannotExceedTheTimeThatPassed() {
        String ian = studio.user("ian.sync@example.com", "Ian", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", ian);
        List<ObjectNode> inflated = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inflated.add(beat("i" + i, 1000 + i * 5L, i, i, i + 1).put("spentSec", 100));
        }
        Collections.reverse(inflated);
        sync(ian, inflated, null);
        JsonNode p = http.get("/api/v1/courses/" + course + "/progress", ian).json();
        assertEquals(110, p.path("lessons").get(1).path("timeSpentSec").asLong(),
                "100 s for the first, then only the 5 s between heartbeats");
    }

    @Test
    void aLearnerNotEnrolledGetsReasonsNotSilence() {
        String tom = studio.user("tom.sync@example.com", "Tom", Role.STUDENT);
        JsonNode r = sync(tom, List.of(beat("x1", 1, 1, 0, 1), event("x2", "COMPLETE", 2).put("lessonId", article)), null);
        assertEquals(0, r.path("applied").size());
        assertEquals(List.of("lesson.enrollment_required", "lesson.enrollment_required"),
                Studio.texts(r.path("rejected"), "code"));
        Http.Response tooMany = http.post("/api/v1/sync", "{\"cursor\":\"abc\"}", tom);
        assertEquals(400, tooMany.status());
    }

    @Test
    void eventsShapedAsTheFormerOneRecordStillSyncAndAMissingTypeIsRefusedAlone() {
        String kim = studio.user("kim.sync@example.com", "Kim", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", kim);
        ObjectNode done = event("k1", "COMPLETE", 5).put("lessonId", article);
        for (String field : List.of("positionSec", "watchedRanges", "spentSec", "noteId", "kind", "body", "quizId",
                "answers", "startedAt", "pagesViewed")) {
            done.putNull(field); // what clients that send every field (nulls included) send
        }
        ObjectNode untyped = Studio.object().put("id", "k2").put("clientTime", T0.toString());
        JsonNode r = sync(kim, List.of(done, untyped), null);
        assertEquals(1, r.path("applied").size(), r.toString());
        assertEquals("k1", r.path("applied").get(0).asText());
        assertEquals(List.of("sync.unknown_type"), Studio.texts(r.path("rejected"), "code"));
        assertEquals("Unknown event type ''.", r.path("rejected").get(0).path("reason").asText());
        ObjectNode body = Studio.object();
        body.putArray("events").add(event("k3", "COMPLETE", 6).put("lessonId", article).put("colour", "blue"));
        assertEquals(400, http.post("/api/v1/sync", body.toString(), kim).status(), "a field no event has is unknown");
    }
}
