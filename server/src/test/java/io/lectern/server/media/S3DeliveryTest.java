package io.lectern.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestInfra;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The same upload → transcode → signed playback path with media in an S3 bucket (S3Mock) instead of the disk. */
class S3DeliveryTest {

    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("lectern-media")
            .withRootFolder(TestInfra.tempDir("s3mock-").toString()).build();

    @TempDir
    Path temp;

    @Test
    void aVideoStoredInS3IsTranscodedAndPlays() {
        MediaSettings media = MediaSettings.DEFAULTS.withS3(new MediaSettings.S3(S3.getServiceEndpoint(), "us-east-1",
                "lectern-media", "key", "secret"));
        LecternConfig config = TestServer.relaxedConfig().withModule(media);
        try (LecternServer server = TestServer.start(config, routes -> { })) {
            Http http = new Http(server.baseUri());
            Tus tus = new Tus(http, server.baseUri());
            String ada = new Studio(server, http).user("ada.s3@example.com", "Ada S3", Role.INSTRUCTOR);
            byte[] video = MediaFiles.read(MediaFiles.video(temp, 4, 320, 240));
            String id = tus.createId(ada, "clip.mp4", video, "VIDEO");
            assertEquals(204, tus.upload(ada, id, video, 64 * 1024).status());
            JsonNode m = Accounts.waitFor(() -> {
                JsonNode v = http.get("/api/v1/media/" + id, ada).json();
                return "PROCESSING".equals(v.path("status").asText()) ? null : v;
            }, "the video to be processed", Duration.ofSeconds(120));
            assertEquals("READY", m.path("status").asText(), m.toString());
            try (S3Client s3 = S3.createS3ClientV2()) {
                assertTrue(s3.listObjectsV2(b -> b.bucket("lectern-media").prefix(id + "/hls/")).keyCount() > 2,
                        "the renditions are in the bucket");
            }
            JsonNode urls = http.get("/api/v1/media/" + id + "/playback", ada).json();
            String probed = MediaFiles.run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,height", "-of",
                    "csv=p=0", urls.path("hlsUrl").asText());
            assertTrue(probed.contains("video,240"), probed);
            Http.Response range = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    urls.path("mp4Url").asText())).header("Range", "bytes=10-19"));
            assertEquals(206, range.status());
            assertEquals("10", range.header("Content-Length"));
        }
    }
}
