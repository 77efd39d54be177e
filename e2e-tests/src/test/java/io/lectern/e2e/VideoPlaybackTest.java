package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.learning.PlaybackClient;
import io.lectern.desktop.core.offline.OfflineStore;
import io.lectern.desktop.core.offline.SyncEngine;
import io.lectern.desktop.core.video.FrameSink;
import io.lectern.desktop.learner.VideoViewModel;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's video path with real parts: a video uploaded and transcoded by the server, its signed HLS played
 * by LibVLC (sound to a dummy output) into a frame sink, and the seconds watched reaching the server's progress
 * through the offline queue and the sync.
 */
class VideoPlaybackTest {

    @TempDir
    Path temp;

    @Test
    void aRealVideoPlaysAndItsWatchedSecondsReachTheServer() throws Exception {
        try (LecternServer server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
             OfflineStore store = OfflineStore.open(temp.resolve("offline.db"))) {
            Http http = new Http(server.baseUri());
            Studio studio = new Studio(server, http);
            studio.categories("film");
            String ada = studio.user("ada.vlc@example.com", "Ada VLC", Role.INSTRUCTOR);
            byte[] video = MediaFiles.read(MediaFiles.video(temp, 6, 320, 240));
            Tus tus = new Tus(http, server.baseUri());
            String media = tus.uploadReady(ada, "clip.mp4", video, "VIDEO");
            String course = studio.course(ada, "title", "Moving pictures", "category", "film", "description",
                    "Frames per second, step by step.").path("id").asText();
            String section = studio.section(ada, course, "One").path("id").asText();
            String lesson = studio.lesson(ada, section, Map.of("title", "Clip", "type", "VIDEO", "durationSec", 6,
                    "content", Map.of("mediaId", media))).path("id").asText();
            studio.publish(ada, course);
            String lea = studio.user("lea.vlc@example.com", "Lea VLC", Role.STUDENT);
            http.post("/api/v1/courses/" + course + "/enroll", "{}", lea);

            ApiClient api = new ApiClient(server.baseUri());
            AuthClient auth = new AuthClient(api);
            Session session = new Session(auth, auth.login("lea.vlc@example.com", "passphrase for Lea VLC", null));
            SyncEngine engine = new SyncEngine(api, session, store);
            AtomicInteger frames = new AtomicInteger();
            FrameSink sink = new FrameSink() {
                @Override
                public void format(int width, int height) {
                }

                @Override
                public void frame(ByteBuffer bgra, int width, int height) {
                    frames.incrementAndGet();
                }
            };
            VideoViewModel vm = new VideoViewModel(new PlaybackClient(api, session), engine, Runnable::run,
                    Runnable::run);
            vm.open(UUID.fromString(lesson), UUID.fromString(media), 0, sink, true);
            Accounts.waitFor(() -> vm.position().get() >= 4.5 ? true : null, "VLC to play 4.5 s ("
                    + vm.message().get() + ")", Duration.ofSeconds(60));
            vm.close();
            assertTrue(frames.get() > 50, "frames drawn: " + frames.get());
            SyncEngine.Report report = engine.sync();
            assertTrue(report.applied() >= 1, String.valueOf(report));
            JsonNode p = http.get("/api/v1/courses/" + course + "/progress", lea).json().path("lessons").get(0);
            assertTrue(p.path("watchedPercent").asInt() >= 60, p.toString());
            assertTrue(List.of("IN_PROGRESS", "COMPLETED").contains(p.path("state").asText()));
        }
    }
}
