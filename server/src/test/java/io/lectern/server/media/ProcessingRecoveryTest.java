package io.lectern.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processing is a persisted job: a transcode that fails is retried (here, by the next server after a restart,
 * which finishes it), and one that keeps failing marks the media failed with a reason after the last attempt.
 * A stand-in "ffmpeg" that fails (while answering -version like the real one) plays the broken encoder.
 */
class ProcessingRecoveryTest {

    @TempDir
    Path temp;

    private Path failingFfmpeg(Path marker) throws Exception {
        Path script = temp.resolve("ffmpeg-that-fails");
        Files.writeString(script, "#!/bin/sh\nif [ \"$1\" = \"-version\" ]; then exec ffmpeg \"$@\"; fi\ntouch '" + marker
                + "'\necho 'Encoder crashed' >&2\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static JsonNode settled(Http http, String token, String id) {
        return Accounts.waitFor(() -> {
            JsonNode v = http.get("/api/v1/media/" + id, token).json();
            return "PROCESSING".equals(v.path("status").asText()) ? null : v;
        }, "processing to end", Duration.ofSeconds(90));
    }

    @Test
    void aJobInterruptedByARestartIsFinishedByTheNextServer() throws Exception {
        Path marker = temp.resolve("tried");
        LecternConfig config = TestServer.relaxedConfig();
        byte[] video = MediaFiles.read(MediaFiles.video(temp, 3, 320, 240));
        String id;
        try (LecternServer first = TestServer.start(config.withModule(config.module(MediaSettings.READER).withTools(
                failingFfmpeg(marker).toString(), "ffprobe").withProcessingRetry(Duration.ofSeconds(3))), r -> { })) {
            Http http = new Http(first.baseUri());
            String ada = new Studio(first, http).user("ada.restart@example.com", "Ada", Role.INSTRUCTOR);
            Tus tus = new Tus(http, first.baseUri());
            id = tus.createId(ada, "clip.mp4", video, "VIDEO");
            assertEquals(204, tus.upload(ada, id, video, video.length).status());
            Accounts.waitFor(() -> Files.exists(marker) ? true : null, "the first attempt", Duration.ofSeconds(30));
        }
        try (LecternServer next = TestServer.start(config.withModule(config.module(MediaSettings.READER)
                .withProcessingRetry(Duration.ofSeconds(1))), r -> { })) {
            Http http = new Http(next.baseUri());
            String ada = new Studio(next, http).accounts().login("ada.restart@example.com", "passphrase for Ada")
                    .path("accessToken").asText();
            JsonNode m = settled(http, ada, id);
            assertEquals("READY", m.path("status").asText(), m.toString());
            assertTrue(Studio.strings(m.path("renditions")).contains("hls"));
        }
    }

    @Test
    void aJobThatKeepsFailingMarksTheMediaFailedWithAReason() throws Exception {
        LecternConfig config = TestServer.relaxedConfig();
        config = config.withModule(config.module(MediaSettings.READER)
                .withTools(failingFfmpeg(temp.resolve("t")).toString(), "ffprobe")
                .withProcessingRetry(Duration.ofSeconds(1)));
        try (LecternServer server = TestServer.start(config, r -> { })) {
            Http http = new Http(server.baseUri());
            String ada = new Studio(server, http).user("ada.fails@example.com", "Ada", Role.INSTRUCTOR);
            Tus tus = new Tus(http, server.baseUri());
            byte[] video = MediaFiles.read(MediaFiles.video(temp, 2, 320, 240));
            String id = tus.createId(ada, "clip.mp4", video, "VIDEO");
            assertEquals(204, tus.upload(ada, id, video, video.length).status());
            JsonNode m = settled(http, ada, id);
            assertEquals("FAILED", m.path("status").asText());
            assertTrue(m.path("error").asText().contains("failed 3 times"), m.toString());
            assertEquals(409, http.get("/api/v1/media/" + id + "/playback", ada).status());
        }
    }
}
