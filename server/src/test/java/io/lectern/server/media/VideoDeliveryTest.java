package io.lectern.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole video path through the HTTP API: an instructor uploads a real video in checksummed chunks with a
 * dropped connection in the middle, it is transcoded to HLS with progress, an enrolled learner gets signed URLs
 * that ffprobe plays from the live server, and everyone else (not enrolled, anonymous, expired or tampered URLs)
 * is refused. Ranges, HEAD and conditional requests are checked on the MP4.
 */
class VideoDeliveryTest {

    private static final MovableClock CLOCK = new MovableClock();
    @TempDir
    static Path temp;
    private static LecternServer server;
    private static Http http;
    private static Tus tus;
    private static Studio studio;
    private static String ada;
    private static String mediaId;
    private static String courseId;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { }, CLOCK);
        http = new Http(server.baseUri());
        tus = new Tus(http, server.baseUri());
        studio = new Studio(server, http);
        studio.categories("film");
        ada = studio.user("ada.video@example.com", "Ada Video", Role.INSTRUCTOR);
        byte[] video = MediaFiles.read(MediaFiles.video(temp, 8, 640, 360));
        mediaId = uploadWithADroppedConnection(video);
        byte[] srt = "1\n00:00:01,000 --> 00:00:03,500\nHello, <i>world</i>!\n\n2\n00:00:04,000 --> 00:00:06,000\nBye\n"
                .getBytes();
        String subtitles = tus.createId(ada, "hello.en.srt", srt, "SUBTITLE");
        assertEquals(204, tus.upload(ada, subtitles, srt, 1 << 20).status());
        courseId = videoCourse(subtitles);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String uploadWithADroppedConnection(byte[] video) {
        String id = tus.createId(ada, "../../Lecture 1 — intro.mp4", video, "VIDEO");
        int chunk = video.length / 4;
        byte[] first = Arrays.copyOfRange(video, 0, chunk);
        assertEquals(204, tus.patch(ada, id, 0, first, Tus.checksum(first)).status());
        assertEquals(409, tus.patch(ada, id, 5, first, null).status(), "a chunk at the wrong offset");
        byte[] partOfSecond = Arrays.copyOfRange(video, chunk, chunk + chunk / 2);
        tus.dropMidway(ada, id, chunk, partOfSecond, chunk);
        long resumed = Accounts.waitFor(() -> {
            long o = tus.offset(ada, id);
            return o > chunk ? o : null;
        }, "the bytes that arrived before the drop to count");
        assertEquals(chunk + chunk / 2, resumed);
        Http.Response done = tus.upload(ada, id, Arrays.copyOfRange(video, 0, video.length), video.length);
        assertEquals(409, done.status(), "offset 0 is behind the server's");
        byte[] rest = Arrays.copyOfRange(video, (int) resumed, video.length);
        Http.Response last = tus.patch(ada, id, resumed, rest, Tus.checksum(rest));
        assertEquals(204, last.status(), last.raw().body());
        assertEquals("COMPLETE", last.header("Lectern-Upload-Status"));
        return id;
    }

    private static String videoCourse(String subtitles) {
        String course = studio.course(ada, "title", "Filming basics", "category", "film", "description",
                "How to film a lecture, step by step.").path("id").asText();
        String section = studio.section(ada, course, "Part one").path("id").asText();
        studio.article(ada, section, "Welcome", "Hello", true);
        studio.lesson(ada, section, Map.of("title", "The first shot", "type", "VIDEO", "durationSec", 8, "content",
                Map.of("mediaId", mediaId, "subtitles", List.of(Map.of("language", "en", "mediaId", subtitles)))));
        studio.publish(ada, course);
        return course;
    }

    private static JsonNode readyMedia() {
        return Accounts.waitFor(() -> {
            JsonNode m = http.get("/api/v1/media/" + mediaId, ada).json();
            return "PROCESSING".equals(m.path("status").asText()) ? null : m;
        }, "the video to be processed", Duration.ofSeconds(180));
    }

    @Test
    void theVideoIsTranscodedToAnHlsLadderThatNeverUpscales() {
        JsonNode m = readyMedia();
        assertEquals("READY", m.path("status").asText(), m.toString());
        assertEquals(100, m.path("progress").asInt());
        assertEquals(640, m.path("width").asInt());
        assertEquals(360, m.path("height").asInt());
        assertEquals(8.0, m.path("durationSec").asDouble(), 0.5);
        assertEquals("Lecture 1 — intro.mp4", m.path("filename").asText(), "no directories in the stored name");
        assertEquals("video/mp4", m.path("contentType").asText(), "an MP4 is typed as one, not as QuickTime");
        assertEquals(List.of("hls", "mp4", "poster", "sprite"), Studio.strings(m.path("renditions")));
    }

    @Test
    void anEnrolledLearnerGetsSignedUrlsThatFfprobePlays() {
        readyMedia();
        String lea = studio.user("lea.video@example.com", "Lea", Role.STUDENT);
        assertEquals(403, http.get("/api/v1/media/" + mediaId + "/playback", lea).status(), "not enrolled yet");
        assertEquals(401, http.get("/api/v1/media/" + mediaId + "/playback").status());
        assertEquals(201, http.post("/api/v1/courses/" + courseId + "/enroll", "{}", lea).status());
        JsonNode urls = http.get("/api/v1/media/" + mediaId + "/playback", lea).json();
        String hls = urls.path("hlsUrl").asText();
        assertTrue(hls.contains("/hls/master.m3u8?u="), urls.toString());
        String probed = MediaFiles.run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,height",
                "-of", "csv=p=0", hls);
        assertTrue(probed.contains("video,360"), probed);
        assertTrue(probed.contains("audio"), probed);
        String mp4 = MediaFiles.run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                urls.path("mp4Url").asText());
        assertEquals(8.0, Double.parseDouble(mp4.strip()), 0.5);
        JsonNode track = urls.path("subtitles").get(0);
        assertEquals("en", track.path("language").asText());
        String vtt = get(track.path("url").asText(), Map.of()).body();
        assertTrue(vtt.startsWith("WEBVTT") && vtt.contains("00:00:01.000 --> 00:00:03.500"), vtt);
        String sprite = get(urls.path("spriteUrl").asText(), Map.of()).body();
        String tile = sprite.lines().filter(l -> l.startsWith("sprite.jpg?")).findFirst().orElseThrow();
        assertTrue(tile.contains("#xywh=0,0,160,90"), sprite);
        HttpResponse<String> image = get(URI.create(urls.path("spriteUrl").asText()).resolve(tile.substring(0,
                tile.indexOf('#'))).toString(), Map.of());
        assertEquals(200, image.statusCode(), "the sprite image its map points to is signed too");
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElse(""));
        assertEquals(200, get(urls.path("posterUrl").asText(), Map.of()).statusCode());
    }

    @Test
    void subtitlesAreInTheHlsMasterPlaylistSoAnyPlayerShowsThem() throws Exception {
        readyMedia();
        String lea = studio.user("lea.subs@example.com", "Lea Subs", Role.STUDENT);
        assertEquals(201, http.post("/api/v1/courses/" + courseId + "/enroll", "{}", lea).status());
        String hls = http.get("/api/v1/media/" + mediaId + "/playback", lea).json().path("hlsUrl").asText();
        String master = get(hls, Map.of()).body();
        assertTrue(master.contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\""),
                master);
        assertTrue(master.lines().filter(l -> l.startsWith("#EXT-X-STREAM-INF")).allMatch(l -> l.contains(
                "SUBTITLES=\"subs\"")), master);
        var parsed = new io.lindstrom.m3u8.parser.MasterPlaylistParser(io.lindstrom.m3u8.parser.ParsingMode.STRICT)
                .readPlaylist(master);
        var track = parsed.alternativeRenditions().stream()
                .filter(r -> r.type() == io.lindstrom.m3u8.model.MediaType.SUBTITLES).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of("en"), track.language());
        assertTrue(parsed.variants().stream().allMatch(v -> v.subtitles().equals(java.util.Optional.of(track.groupId()))));
        URI trackUri = URI.create(hls).resolve(track.uri().orElseThrow());
        var media = new io.lindstrom.m3u8.parser.MediaPlaylistParser(io.lindstrom.m3u8.parser.ParsingMode.STRICT)
                .readPlaylist(get(trackUri.toString(), Map.of()).body());
        assertEquals(1, media.mediaSegments().size());
        assertEquals(8.0, media.mediaSegments().get(0).duration(), 0.6, "one segment as long as the video");
        String vtt = get(trackUri.resolve(media.mediaSegments().get(0).uri()).toString(), Map.of()).body();
        assertTrue(vtt.startsWith("WEBVTT") && vtt.contains("Hello"), "a stock HLS parser reaches the cues: " + vtt);
        assertEquals(403, get(hls.replaceAll("subs=en", "subs=de"), Map.of()).statusCode(),
                "the tracks are part of what is signed");
    }

    @Test
    void signaturesWorkOnlyForTheirFileTheirMediaAndUntilTheyExpire() {
        readyMedia();
        JsonNode urls = http.get("/api/v1/media/" + mediaId + "/playback", ada).json();
        String mp4 = urls.path("mp4Url").asText();
        assertEquals(200, get(mp4, Map.of()).statusCode());
        assertEquals(403, get(mp4.replace("video.mp4", "original"), Map.of()).statusCode(), "another file");
        String other = tus.createId(ada, "other.png", MediaFiles.png(4, 4), "IMAGE");
        assertEquals(403, get(mp4.replace(mediaId, other), Map.of()).statusCode(), "another media item");
        assertEquals(403, get(mp4.replaceAll("e=(\\d+)", "e=9$1"), Map.of()).statusCode(), "a longer expiry");
        String playlist = get(urls.path("hlsUrl").asText(), Map.of()).body();
        assertTrue(playlist.contains("360p/index.m3u8?u="), playlist);
        CLOCK.advance(Duration.ofHours(5));
        HttpResponse<String> expired = get(mp4, Map.of());
        assertEquals(403, expired.statusCode());
        assertTrue(expired.body().contains("media.url_expired"), expired.body());
    }

    @Test
    void mediaOnDiskAreReadableByTheServersUserOnly() throws java.io.IOException {
        readyMedia();
        Path data = server.platform().config().dataDir();
        List<String> open = new java.util.ArrayList<>();
        for (String root : List.of("media", "uploads", "media-work")) {
            try (var walk = java.nio.file.Files.walk(data.resolve(root))) {
                walk.forEach(p -> {
                    String perms;
                    try {
                        perms = java.nio.file.attribute.PosixFilePermissions.toString(
                                java.nio.file.Files.getPosixFilePermissions(p));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (!perms.equals(java.nio.file.Files.isDirectory(p) ? "rwx------" : "rw-------")) {
                        open.add(data.relativize(p) + " " + perms);
                    }
                });
            }
        }
        assertTrue(open.isEmpty(), "others may read: " + open);
        try (var walk = java.nio.file.Files.walk(data.resolve("media").resolve(mediaId))) {
            assertTrue(walk.anyMatch(p -> p.toString().endsWith(".ts")), "the renditions were looked at too");
        }
    }

    @Test
    void aSourceBetweenTheStandardRungsKeepsItsOwnQuality() {
        byte[] video = MediaFiles.read(MediaFiles.video(temp, 2, 854, 480));
        String id = tus.uploadReady(ada, "wide.mp4", video, "VIDEO");
        assertEquals(480, http.get("/api/v1/media/" + id, ada).json().path("height").asInt());
        String master = get(http.get("/api/v1/media/" + id + "/playback", ada).json().path("hlsUrl").asText(), Map.of())
                .body();
        assertTrue(master.contains("RESOLUTION=854x480"), "the source's own height is a rung: " + master);
        assertTrue(master.contains("RESOLUTION=640x360"), master);
        assertFalse(master.contains("x720"), "never upscaled: " + master);
    }

    @Test
    void theMp4IsServedWithRangesHeadAndValidators() {
        readyMedia();
        String mp4 = http.get("/api/v1/media/" + mediaId + "/playback", ada).json().path("mp4Url").asText();
        HttpResponse<String> whole = get(mp4, Map.of());
        long size = Long.parseLong(whole.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals("video/mp4", whole.headers().firstValue("Content-Type").orElse(""));
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> first = get(mp4, Map.of("Range", "bytes=0-99"));
        assertEquals(206, first.statusCode());
        assertEquals("bytes 0-99/" + size, first.headers().firstValue("Content-Range").orElse(""));
        assertEquals("100", first.headers().firstValue("Content-Length").orElse(""));
        HttpResponse<String> suffix = get(mp4, Map.of("Range", "bytes=-10"));
        assertEquals("bytes " + (size - 10) + "-" + (size - 1) + "/" + size,
                suffix.headers().firstValue("Content-Range").orElse(""));
        HttpResponse<String> open = get(mp4, Map.of("Range", "bytes=" + (size - 5) + "-"));
        assertEquals("5", open.headers().firstValue("Content-Length").orElse(""));
        HttpResponse<String> multi = get(mp4, Map.of("Range", "bytes=0-9,20-29"));
        assertEquals(206, multi.statusCode());
        assertTrue(multi.headers().firstValue("Content-Type").orElse("").startsWith("multipart/byteranges; boundary="));
        assertTrue(multi.body().contains("Content-Range: bytes 20-29/" + size), multi.body());
        HttpResponse<String> past = get(mp4, Map.of("Range", "bytes=" + size + "-"));
        assertEquals(416, past.statusCode());
        assertEquals("bytes */" + size, past.headers().firstValue("Content-Range").orElse(""));
        assertEquals(304, get(mp4, Map.of("If-None-Match", etag)).statusCode());
        HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(mp4)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(Long.toString(size), head.headers().firstValue("Content-Length").orElse(""));
        assertFalse(whole.body().isEmpty());
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(b::header);
        return send(b);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.client().send(b.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
