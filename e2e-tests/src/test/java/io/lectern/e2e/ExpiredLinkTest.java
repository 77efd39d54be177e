package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video whose signed links expire while it plays (the server's clock moves past their expiry): the player asks
 * the server for fresh links once and goes on from where it was, instead of stopping with an error.
 */
class ExpiredLinkTest {

    @TempDir
    Path temp;

    @Test
    void anExpiredLinkIsFetchedAgainAndPlaybackGoesOn() throws Exception {
        MovableClock clock = new MovableClock();
        try (LecternServer server = TestServer.start(TestServer.relaxedConfig(), routes -> { }, clock);
             OfflineStore store = OfflineStore.open(temp.resolve("offline.db"))) {
            Http http = new Http(server.baseUri());
            Studio studio = new Studio(server, http);
            studio.categories("film");
            String ada = studio.user("ada.expiry@example.com", "Ada Expiry", Role.INSTRUCTOR);
            byte[] video = MediaFiles.read(MediaFiles.video(temp, 30, 320, 240));
            Tus tus = new Tus(http, server.baseUri());
            String media = tus.uploadReady(ada, "long.mp4", video, "VIDEO");
            String course = studio.course(ada, "title", "Long takes", "category", "film", "description",
                    "Thirty seconds of test pattern.", "pricing", "FREE").path("id").asText();
            String section = studio.section(ada, course, "One").path("id").asText();
            String lesson = studio.lesson(ada, section, Map.of("title", "Take", "type", "VIDEO", "durationSec", 30,
                    "content", Map.of("mediaId", media))).path("id").asText();
            studio.publish(ada, course);
            String lea = studio.user("lea.expiry@example.com", "Lea Expiry", Role.STUDENT);
            http.post("/api/v1/courses/" + course + "/enroll", "{}", lea);

            ApiClient api = new ApiClient(server.baseUri());
            AuthClient auth = new AuthClient(api);
            Session session = new Session(auth, auth.login("lea.expiry@example.com", "passphrase for Lea Expiry", null));
            List<String> said = new CopyOnWriteArrayList<>();
            VideoViewModel vm = new VideoViewModel(new PlaybackClient(api, session), new SyncEngine(api, session, store),
                    Runnable::run, Runnable::run);
            vm.message().addListener((obs, old, m) -> said.add(m));
            vm.open(UUID.fromString(lesson), UUID.fromString(media), 0, new FrameSink() {
                @Override
                public void format(int width, int height) {
                }

                @Override
                public void frame(ByteBuffer bgra, int width, int height) {
                }
            }, true);
            Accounts.waitFor(() -> vm.position().get() >= 1 ? true : null, "playback to start", Duration.ofSeconds(60));
            clock.advance(Duration.ofHours(6)); // every link handed out so far has expired
            long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (vm.position().get() < 25 && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertTrue(vm.position().get() >= 25, "playback past the expiry: at " + vm.position().get() + " s, "
                    + "playing " + vm.playing().get() + ", said " + said);
            vm.close();
            assertTrue(said.contains("Getting a fresh link to the video\u2026"), "it asked again: " + said);
        }
    }
}
