package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.offline.OfflineStore;
import io.lectern.desktop.core.offline.SyncEngine;
import io.lectern.model.identity.Role;
import io.lectern.model.learning.SyncEvent;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's offline round trip against a real server: study while the server is down (the actions queue in
 * the local SQLite store), the server comes back, the sync engine replays the queue, the server's state lands
 * locally, and what the server refused is kept with its reason for the learner to see — nothing silently lost.
 */
class OfflineRoundTripTest {

    @TempDir
    Path temp;

    /** Three heartbeats covering the whole video, a bookmark, a "done" on a video and a heartbeat of a ghost lesson. */
    private static void studyOffline(SyncEngine engine, UUID lesson) {
        Instant t = Instant.now().minusSeconds(600);
        for (int s = 0; s < 60; s += 20) {
            engine.record(new SyncEvent.Heartbeat("hb-" + s, t.plusSeconds(s), lesson, s + 20.0,
                List.of(List.of((double) s, s + 20.0)), 20, null));
        }
        engine.record(new SyncEvent.NoteUpsert("note-1", t.plusSeconds(70), UUID.randomUUID(), lesson, "BOOKMARK", 31.0,
                "Spring tides"));
        engine.record(new SyncEvent.Complete("done-1", t.plusSeconds(80), lesson));
        engine.record(new SyncEvent.Heartbeat("ghost-1", t.plusSeconds(90), UUID.randomUUID(), 1.0, null, 1, null));
    }

    @Test
    void studyOfflineThenSyncWithRefusalsShown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LecternConfig config = TestServer.relaxedConfig().withPort(port);
        String video;
        Session session;
        ApiClient api = new ApiClient(URI.create("http://localhost:" + port));
        MovableClock clock = new MovableClock();
        try (LecternServer server = TestServer.start(config, routes -> { }, clock)) {
            Http http = new Http(server.baseUri());
            Studio studio = new Studio(server, http);
            studio.categories("science");
            String ada = studio.user("ada.offline@example.com", "Ada Offline", Role.INSTRUCTOR);
            String course = studio.course(ada, "title", "Tides", "category", "science", "description",
                    "Why the sea comes and goes, step by step.").path("id").asText();
            String section = studio.section(ada, course, "Basics").path("id").asText();
            String media = new Tus(http, server.baseUri()).videoReady(ada);
            video = studio.lesson(ada, section, Map.of("title", "The moon", "type", "VIDEO", "durationSec", 60,
                    "preview", true, "content", Map.of("mediaId", media))).path("id").asText();
            studio.publish(ada, course);
            String learner = studio.user("lea.offline@example.com", "Lea Offline", Role.STUDENT);
            http.post("/api/v1/courses/" + course + "/enroll", "{}", learner);
            assertEquals(200, http.get("/api/v1/media/" + media + "/playback", learner).status(),
                    "the video is downloaded before the train leaves");
            AuthClient auth = new AuthClient(api);
            session = new Session(auth, auth.login("lea.offline@example.com", "passphrase for Lea Offline", null));
        }

        // the server is down: the learner keeps studying
        try (OfflineStore store = OfflineStore.open(temp.resolve("offline.db"))) {
            SyncEngine engine = new SyncEngine(api, session, store);
            studyOffline(engine, UUID.fromString(video));
            SyncEngine.Report offline = engine.sync();
            assertFalse(offline.online());
            assertEquals(6, offline.queued(), "everything stays queued");

            clock.advance(java.time.Duration.ofMinutes(10)); // the ride: the video was watched on the way
            try (LecternServer back = TestServer.start(config, routes -> { }, clock)) {
                SyncEngine.Report report = engine.sync();
                assertTrue(report.online(), String.valueOf(report.error()));
                assertEquals(4, report.applied());
                assertEquals(2, report.refused());
                assertEquals(0, report.queued());
                assertEquals("COMPLETED", store.progress(video).orElseThrow().state(), "the server's state arrived");
                List<OfflineStore.Refusal> refusals = store.refusals();
                assertEquals(List.of("lesson.not_markable", "sync.unknown_lesson"),
                        refusals.stream().map(OfflineStore.Refusal::code).sorted().toList());
                assertTrue(refusals.stream().allMatch(r -> !r.reason().isBlank()), "each with a reason to show");
                assertTrue(refusals.stream().map(io.lectern.desktop.learner.SyncStatusViewModel::describe)
                        .anyMatch(d -> d.startsWith("Marking a lesson done from ")), "said in words");
                assertTrue(back.modules() != null);
                SyncEngine.Report again = engine.sync();
                assertEquals(0, again.applied() + again.refused(), "nothing twice");
            }
        }
    }
}
