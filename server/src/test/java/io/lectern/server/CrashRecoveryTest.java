package io.lectern.server;

import static io.lectern.server.testing.Processes.alive;
import static io.lectern.server.testing.Processes.pid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.platform.config.ConfigLoader;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Processes;
import io.lectern.server.testing.TestInfra;
import io.lectern.server.testing.Tus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a server in the middle of a transcode: ffmpeg does not outlive it, the next start on the same
 * data directory stops the PostgreSQL and Redis it left behind, and the interrupted transcode starts again within
 * seconds and finishes.
 */
class CrashRecoveryTest {

    private static final String ADMIN_PASSWORD = "admin-password-for-crashes";

    @Test
    void killNineMidTranscodeLeavesNoOrphansAndTheTranscodeResumes() throws Exception {
        Path dataDir = TestInfra.tempDir("lectern-crash-");
        int port = Processes.freePort();
        Map<String, String> env = Map.of("LECTERN_DATA_DIR", dataDir.toString(), "LECTERN_PORT", String.valueOf(port),
                "LECTERN_MANAGEMENT_PORT", "-1", "LECTERN_SEED_DEMO", "false", "LECTERN_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "LECTERN_AUTH_REQUIRE_ADMIN_TOTP", "false");
        Process child = Processes.server(env, dataDir.resolve("first-server.log"));
        String mediaId;
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            Http http = new Http(base);
            Accounts.waitFor(() -> Processes.ready(http) ? true : null, "the server in the child process",
                    Duration.ofSeconds(120));
            String token = new Accounts(http, "admin@lectern.local", ADMIN_PASSWORD).adminToken();
            byte[] video = MediaFiles.read(MediaFiles.video(TestInfra.tempDir("crash-video-"), 20, 1280, 720));
            mediaId = new Tus(http, base).createId(token, "lecture.mp4", video, "VIDEO");
            assertEquals(204, new Tus(http, base).patch(token, mediaId, 0, video, null).status());
            ProcessHandle ffmpeg = Accounts.waitFor(() -> ffmpegOf(child.toHandle()).orElse(null),
                    "ffmpeg to start transcoding", Duration.ofSeconds(60));
            Thread.sleep(1000);
            assertTrue(ffmpeg.isAlive(), "the transcode was still running when the server was killed");
            child.toHandle().destroyForcibly(); // kill -9
            child.waitFor();
            Accounts.waitFor(() -> ffmpeg.isAlive() ? null : true, "ffmpeg to stop once its server is gone",
                    Duration.ofSeconds(5));
        } finally {
            child.destroyForcibly();
        }
        long redisBefore = pid(dataDir.resolve("redis/redis.pid"));
        long postgresBefore = pid(dataDir.resolve("postgres/data/postmaster.pid"));
        assertTrue(alive(redisBefore) && alive(postgresBefore), "kill -9 leaves the children for the next start");

        long start = System.nanoTime();
        try (LecternServer again = LecternServer.create(ConfigLoader.load(env, LecternServer.SETTINGS))) {
            again.start();
            assertFalse(alive(redisBefore), "the next start stopped the Redis the killed server left behind");
            assertFalse(alive(postgresBefore), "the next start stopped the PostgreSQL the killed server left behind");
            assertTrue(alive(pid(dataDir.resolve("redis/redis.pid"))) && alive(pid(dataDir.resolve(
                    "postgres/data/postmaster.pid"))), "and runs its own");
            Accounts.waitFor(() -> ffmpegOf(ProcessHandle.current()).orElse(null), "the transcode to start again",
                    Duration.ofSeconds(20));
            long resumedAfter = (System.nanoTime() - start) / 1_000_000;
            Http http = new Http(again.baseUri());
            String token = new Accounts(http, "admin@lectern.local", ADMIN_PASSWORD).adminToken();
            Accounts.waitFor(() -> "READY".equals(http.get("/api/v1/media/" + mediaId, token).json().path("status")
                    .asText()) ? true : null, "the resumed transcode to finish", Duration.ofSeconds(180));
            System.out.printf("kill -9 mid-transcode: the transcode started again %d ms after the restart began%n",
                    resumedAfter);
            assertTrue(resumedAfter < 30_000, "the transcode started again only after " + resumedAfter + " ms");
        }
    }

    /** An ffmpeg (not ffprobe) among the descendants of {@code parent}. */
    private static Optional<ProcessHandle> ffmpegOf(ProcessHandle parent) {
        return parent.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false))
                .findFirst();
    }
}
