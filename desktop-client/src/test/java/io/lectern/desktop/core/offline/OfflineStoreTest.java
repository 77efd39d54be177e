package io.lectern.desktop.core.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.store.SqliteFile;
import io.lectern.model.learning.SyncEvent;
import io.lectern.model.learning.SyncResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue on disk: typed events round trip, and events queued by the version before typed events still load. */
class OfflineStoreTest {

    private static final UUID LESSON = UUID.fromString("0b5c3a8e-8d2c-4f55-9d0e-1f0f5e7a2c11");
    private static final UUID NOTE = UUID.fromString("5e1d7c0a-3b2f-4c8e-a6d1-2b9e4f7c8d22");
    private static final UUID QUIZ = UUID.fromString("9a4f2e6b-7c1d-4e3a-b8f5-3c0d6e9a1b33");
    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.123456789Z");

    /** As the previous version wrote them: every field of the one record, nulls included, dates as numbers. */
    private static final String OLD_HEARTBEAT = "{\"id\":\"hb-1\",\"type\":\"HEARTBEAT\","
            + "\"clientTime\":1772600767.123456789,\"lessonId\":\"" + LESSON + "\",\"positionSec\":20.0,"
            + "\"watchedRanges\":[[0.0,20.0]],\"spentSec\":20,\"noteId\":null,\"kind\":null,\"body\":null,"
            + "\"quizId\":null,\"answers\":null,\"startedAt\":null,\"pagesViewed\":null}";
    private static final String OLD_NOTE_DELETE = "{\"id\":\"nd-1\",\"type\":\"NOTE_DELETE\","
            + "\"clientTime\":1772600767.123456789,\"lessonId\":\"" + LESSON + "\",\"positionSec\":null,"
            + "\"watchedRanges\":null,\"spentSec\":null,\"noteId\":\"" + NOTE + "\",\"kind\":null,\"body\":null,"
            + "\"quizId\":null,\"answers\":null,\"startedAt\":null,\"pagesViewed\":null}";
    private static final String OLD_QUIZ_ATTEMPT = "{\"id\":\"qa-1\",\"type\":\"QUIZ_ATTEMPT\","
            + "\"clientTime\":1772600767.123456789,\"lessonId\":null,\"positionSec\":null,\"watchedRanges\":null,"
            + "\"spentSec\":null,\"noteId\":null,\"kind\":null,\"body\":null,\"quizId\":\"" + QUIZ + "\","
            + "\"answers\":{\"q1\":\"a\"},\"startedAt\":1772600700.0,\"pagesViewed\":null}";

    @Test
    void eventsQueuedByThePreviousVersionLoadAsTypedEvents(@TempDir Path dir) {
        Path file = dir.resolve("offline.db");
        OfflineStore.open(file).close(); // its tables
        try (SqliteFile old = SqliteFile.open(file, "offline store")) {
            old.update("INSERT INTO queue (event_id, event, queued_at) VALUES (?, ?, ?)", "hb-1", OLD_HEARTBEAT,
                    "2026-03-04T05:06:08Z");
            old.update("INSERT INTO queue (event_id, event, queued_at) VALUES (?, ?, ?)", "nd-1", OLD_NOTE_DELETE,
                    "2026-03-04T05:06:09Z");
            old.update("INSERT INTO queue (event_id, event, queued_at) VALUES (?, ?, ?)", "qa-1", OLD_QUIZ_ATTEMPT,
                    "2026-03-04T05:06:10Z");
            old.update("INSERT INTO refused (event_id, event, code, reason, at) VALUES (?, ?, ?, ?, ?)", "hb-0",
                    OLD_HEARTBEAT.replace("hb-1", "hb-0"), "sync.unknown_lesson", "Gone.", "2026-03-04T05:07:00Z");
        }
        try (OfflineStore store = OfflineStore.open(file)) {
            assertEquals(List.of(
                    new SyncEvent.Heartbeat("hb-1", AT, LESSON, 20.0, List.of(List.of(0.0, 20.0)), 20, null),
                    new SyncEvent.NoteDelete("nd-1", AT, NOTE, LESSON),
                    new SyncEvent.QuizAttempt("qa-1", AT, QUIZ, Map.of("q1", "a"), Instant.parse("2026-03-04T05:05:00Z"))),
                    store.queued(10));
            OfflineStore.Refusal refusal = store.refusals().getFirst();
            assertEquals(new SyncEvent.Heartbeat("hb-0", AT, LESSON, 20.0, List.of(List.of(0.0, 20.0)), 20, null),
                    refusal.event());
        }
    }

    @Test
    void typedEventsRoundTripWithTheirTypeWrittenOnce(@TempDir Path dir) {
        List<SyncEvent> events = List.of(
                new SyncEvent.Heartbeat("h", AT, LESSON, null, null, null, List.of(1, 2)),
                new SyncEvent.Complete("c", AT, LESSON),
                new SyncEvent.NoteUpsert("n", AT, NOTE, LESSON, "BOOKMARK", 12.5, ""),
                new SyncEvent.NoteDelete("d", AT, NOTE, LESSON),
                new SyncEvent.QuizAttempt("q", AT, QUIZ, Map.of("q1", List.of("a", "b")), AT),
                new SyncEvent.AssignmentDraft("a", AT, LESSON, "first lines"));
        try (OfflineStore store = OfflineStore.open(dir.resolve("offline.db"))) {
            events.forEach(store::enqueue);
            assertEquals(Set.copyOf(events), Set.copyOf(store.queued(10)));
            store.answered(List.of("h", "n", "d", "q", "a"), List.of(new SyncResult.Rejected("c", "lesson.not_markable",
                    "Not by marking it done.")), events);
            assertEquals(0, store.queuedCount());
            assertEquals(new SyncEvent.Complete("c", AT, LESSON), store.refusals().getFirst().event());
        }
        try (SqliteFile db = SqliteFile.open(dir.resolve("offline.db"), "offline store")) {
            String[] json = {null};
            db.query("SELECT event FROM refused WHERE event_id = 'c'", rs -> json[0] = rs.getString(1));
            assertTrue(json[0].startsWith("{\"id\":\"c\",\"type\":\"COMPLETE\","), json[0]);
            assertEquals(json[0].indexOf("\"type\""), json[0].lastIndexOf("\"type\""), json[0]);
        }
    }
}
