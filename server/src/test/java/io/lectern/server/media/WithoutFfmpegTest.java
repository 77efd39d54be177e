package io.lectern.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.ClamdStandIn;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server without ffmpeg serves videos as uploaded; a server with a virus scanner refuses what it flags.
 */
class WithoutFfmpegTest {

    @TempDir
    Path temp;

    @Test
    void withoutFfmpegVideosAreServedAsUploadedAndScannedUploadsAreChecked() throws Exception {
        try (ClamdStandIn clamd = new ClamdStandIn()) {
            LecternConfig config = TestServer.relaxedConfig();
            MediaSettings media = config.module(MediaSettings.READER);
            config = config.withModule(new MediaSettings(media.s3(), media.urlTtl(), media.instructorQuota(),
                    media.studentQuota(), "/nonexistent/ffmpeg", "/nonexistent/ffprobe",
                    java.util.Optional.of(clamd.address()), media.uploadExpiry(), media.processingRetry(), media.sharedDir()));
            try (LecternServer server = TestServer.start(config, routes -> { })) {
                Http http = new Http(server.baseUri());
                Tus tus = new Tus(http, server.baseUri());
                String ada = new Studio(server, http).user("ada.plain@example.com", "Ada", Role.INSTRUCTOR);
                byte[] video = MediaFiles.read(MediaFiles.video(temp, 2, 320, 240));
                String id = tus.createId(ada, "plain.mp4", video, "VIDEO");
                assertEquals(204, tus.patch(ada, id, 0, video, null).status());
                JsonNode m = http.get("/api/v1/media/" + id, ada).json();
                assertEquals("READY", m.path("status").asText(), "nothing to wait for");
                assertTrue(m.path("renditions").isEmpty());
                JsonNode urls = http.get("/api/v1/media/" + id + "/playback", ada).json();
                assertTrue(urls.path("hlsUrl").isMissingNode());
                assertTrue(urls.path("mp4Url").asText().contains("/files/original?"), urls.toString());
                Http.Response original = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        urls.path("mp4Url").asText())));
                assertEquals(200, original.status());
                assertEquals(video.length, Long.parseLong(original.header("Content-Length")));

                byte[] infected = (ClamdStandIn.EICAR + "\n").getBytes(StandardCharsets.US_ASCII);
                String essay = tus.createId(ada, "essay.txt", infected, "SUBMISSION");
                Http.Response flagged = tus.patch(ada, essay, 0, infected, null);
                assertEquals(422, flagged.status());
                assertEquals("upload.infected", flagged.json().path("code").asText());
                byte[] clean = "An essay about rivers.\n".getBytes(StandardCharsets.US_ASCII);
                String fine = tus.createId(ada, "rivers.txt", clean, "SUBMISSION");
                assertEquals(204, tus.patch(ada, fine, 0, clean, null).status());
            }
        }
    }
}
