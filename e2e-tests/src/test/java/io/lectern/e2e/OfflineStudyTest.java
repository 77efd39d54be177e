package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.catalog.CatalogClient;
import io.lectern.desktop.core.downloads.DownloadIndex;
import io.lectern.desktop.core.downloads.Downloads;
import io.lectern.desktop.core.downloads.SealedFiles;
import io.lectern.desktop.core.learning.LearningClient;
import io.lectern.desktop.core.learning.NotesBook;
import io.lectern.desktop.core.learning.PlaybackClient;
import io.lectern.desktop.core.learning.QuizClient;
import io.lectern.desktop.core.offline.OfflineStore;
import io.lectern.desktop.core.offline.SyncEngine;
import io.lectern.desktop.core.video.FrameSink;
import io.lectern.desktop.learner.LessonViewModel;
import io.lectern.desktop.learner.PdfViewModel;
import io.lectern.desktop.learner.QuizViewModel;
import io.lectern.desktop.learner.VideoViewModel;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline study with real parts: a course's video (the MP4 rendition), PDF and article downloaded from a real
 * server, sealed on disk (no plain copy), a download cut off part-way resumed by a range request, the quota
 * enforced; then, with the server down, the lessons open from their copies, the PDF's pages render and the video
 * plays in LibVLC from the sealed file, untimed quizzes are taken; when the server is back the queued study reaches
 * it, and the attempt the server refuses (attempts used up meanwhile) is kept with its reason for the learner.
 */
class OfflineStudyTest {

    @TempDir
    Path temp;

    private record Course(UUID video, UUID pdf, UUID article, byte[] pdfBytes, String courseId, UUID quiz,
                          UUID onceQuiz) {
    }

    @Test
    void downloadSealedStudyOfflineAndSyncLater() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LecternConfig config = TestServer.relaxedConfig().withPort(port);
        ApiClient api = new ApiClient(URI.create("http://localhost:" + port));
        Path folder = temp.resolve("downloads");
        try (OfflineStore store = OfflineStore.open(temp.resolve("offline.db"));
             DownloadIndex index = DownloadIndex.open(temp.resolve("downloads.db"))) {
            Course c;
            Session session;
            Downloads downloads;
            try (LecternServer server = TestServer.start(config, routes -> { })) {
                Http http = new Http(server.baseUri());
                c = publish(server, http);
                AuthClient auth = new AuthClient(api);
                session = new Session(auth, auth.login("lea.download@example.com", "passphrase for Lea Download", null));
                downloads = new Downloads(index, SealedFiles.open(temp.resolve("downloads.key")), folder,
                        () -> 1_000_000_000L, clients(api, session));
                downloads.addLesson(new LearningClient(api, session).lesson(c.article()));
                DownloadIndex.Item one = downloads.item(c.article()).orElseThrow();
                assertEquals("Waves offline", one.courseTitle(), "one lesson from the lesson screen");
                assertEquals(3, one.position());
                assertEquals(5, downloads.addCourse(UUID.fromString(c.courseId())), "video, PDF, article and the two "
                        + "untimed quizzes; the timed one stays online");
                String lea = Accounts.of(http).login("lea.download@example.com", "passphrase for Lea Download")
                        .path("accessToken").asText();
                String attempt = http.post("/api/v1/quizzes/" + c.onceQuiz() + "/attempts", "{}", lea).json()
                        .path("id").asText();
                assertEquals(200, http.post("/api/v1/attempts/" + attempt + "/submit", "{}", lea).status(),
                        "the one-attempt quiz is used up online, after it was downloaded");
                waitUntilDone(downloads);
                sealedOnDisk(downloads, folder, c);
                resumesAfterACut(downloads, index, folder, c.video());
                quotaIsKept(index, api, session, c);
            }

            SyncEngine engine = new SyncEngine(api, session, store);
            studyOffline(downloads, engine, store, api, session, c);
            downloads.close();
            assertTrue(store.queuedCount() >= 4, "three PDF pages and the video's seconds wait in the queue");

            try (LecternServer back = TestServer.start(config, routes -> { })) {
                SyncEngine.Report report = engine.sync();
                assertTrue(report.online(), String.valueOf(report.error()));
                assertEquals(1, report.refused(), "the second attempt at the one-attempt quiz");
                OfflineStore.Refusal refused = store.refusals().getFirst();
                assertEquals("quiz.attempts_exhausted", refused.code());
                assertTrue(io.lectern.desktop.learner.SyncStatusViewModel.describe(refused).contains("attempts"),
                        io.lectern.desktop.learner.SyncStatusViewModel.describe(refused));
                theServerHasTheOfflineWork(new Http(back.baseUri()), c);
            }
        }
    }

    /** Progress, notes and the quiz attempt made offline reached the server once. */
    private static void theServerHasTheOfflineWork(Http http, Course c) {
        String lea = Accounts.of(http).login("lea.download@example.com", "passphrase for Lea Download")
                .path("accessToken").asText();
        JsonNode lessons = http.get("/api/v1/courses/" + c.courseId() + "/progress", lea).json().path("lessons");
        assertEquals("COMPLETED", state(lessons, c.pdf()).path("state").asText(), "every page was read offline");
        assertTrue(state(lessons, c.video()).path("watchedPercent").asInt() > 0, lessons.toString());
        JsonNode notes = http.get("/api/v1/lessons/" + c.video() + "/notes", lea).json().path("items");
        assertEquals(2, notes.size(), "the note and the bookmark made offline; the deleted one is not there: "
                + notes);
        JsonNode attempts = http.get("/api/v1/quizzes/" + c.quiz(), lea).json().path("attempts");
        assertEquals(1, attempts.size(), "the quiz taken offline arrived once");
        assertTrue(attempts.get(0).path("result").path("passed").asBoolean(), attempts.toString());
    }

    private static Downloads.Clients clients(ApiClient api, Session session) {
        return new Downloads.Clients(new CatalogClient(api, session), new LearningClient(api, session),
                new PlaybackClient(api, session), new QuizClient(api, session));
    }

    private Course publish(LecternServer server, Http http) {
        Studio studio = new Studio(server, http);
        studio.categories("film");
        String ada = studio.user("ada.download@example.com", "Ada Download", Role.INSTRUCTOR);
        Tus tus = new Tus(http, server.baseUri());
        byte[] video = MediaFiles.read(MediaFiles.video(temp, 20, 640, 360));
        String videoMedia = tus.uploadReady(ada, "waves.mp4", video, "VIDEO");
        byte[] pdf = MediaFiles.pdf(3);
        String pdfMedia = tus.uploadReady(ada, "handout.pdf", pdf, "DOCUMENT");
        String course = studio.course(ada, "title", "Waves offline", "category", "film", "description",
                "Swell, surf and tides, to take along.").path("id").asText();
        String section = studio.section(ada, course, "One").path("id").asText();
        String v = studio.lesson(ada, section, Map.of("title", "Surf", "type", "VIDEO", "durationSec", 20,
                "content", Map.of("mediaId", videoMedia))).path("id").asText();
        String p = studio.lesson(ada, section, Map.of("title", "Handout", "type", "PDF", "content",
                Map.of("mediaId", pdfMedia))).path("id").asText();
        String a = studio.article(ada, section, "Reading the swell", "Count the seconds between crests.", false)
                .path("id").asText();
        String quiz = quiz(http, ada, course, Map.of("title", "Swell check", "passingPercent", 50, "questions",
                List.of(Map.of("type", "TRUE_FALSE", "prompt", "Longer periods mean bigger surf", "correct", true))));
        String once = quiz(http, ada, course, Map.of("title", "One go", "maxAttempts", 1, "questions",
                List.of(Map.of("type", "TRUE_FALSE", "prompt", "Tides follow the moon", "correct", true))));
        String timed = quiz(http, ada, course, Map.of("title", "Sprint", "timeLimitSec", 60, "questions",
                List.of(Map.of("type", "TRUE_FALSE", "prompt", "Waves carry water along", "correct", false))));
        for (String[] q : new String[][] {{"Swell check", quiz}, {"One go", once}, {"Sprint", timed}}) {
            studio.lesson(ada, section, Map.of("title", q[0], "type", "QUIZ", "content", Map.of("quizId", q[1])));
        }
        studio.publish(ada, course);
        String lea = studio.user("lea.download@example.com", "Lea Download", Role.STUDENT);
        assertEquals(201, http.post("/api/v1/courses/" + course + "/enroll", "{}", lea).status());
        return new Course(UUID.fromString(v), UUID.fromString(p), UUID.fromString(a), pdf, course,
                UUID.fromString(quiz), UUID.fromString(once));
    }

    private static String quiz(Http http, String token, String course, Map<String, Object> body) {
        Http.Response r = http.post("/api/v1/courses/" + course + "/quizzes", Studio.toJson(body), token);
        assertEquals(201, r.status(), r.raw().body());
        return r.json().path("id").asText();
    }

    private static void waitUntilDone(Downloads downloads) {
        Accounts.waitFor(() -> downloads.items().stream().allMatch(i -> i.state() == DownloadIndex.State.DONE)
                ? true : null, "the downloads (" + downloads.items() + ")", Duration.ofSeconds(60));
    }

    /** Nothing readable on disk; the copy reads back as the server's file. */
    private static void sealedOnDisk(Downloads downloads, Path folder, Course c) throws Exception {
        for (Path file : Files.list(folder).toList()) {
            String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("%PDF") || raw.contains("ftypisom") || raw.contains("moov"), file + " is sealed");
        }
        try (SealedFiles.Reader r = downloads.open(c.pdf()).orElseThrow()) {
            assertArrayEquals(c.pdfBytes(), r.readAll(), "the PDF reads back exactly");
        }
        assertTrue(downloads.diskUsage() > 0);
    }

    /** The app stopped after the first chunk: the next start asks only for the rest, and the file is whole. */
    private static void resumesAfterACut(Downloads downloads, DownloadIndex index, Path folder, UUID video)
            throws Exception {
        DownloadIndex.Item item = downloads.item(video).orElseThrow();
        byte[] whole;
        try (SealedFiles.Reader r = downloads.open(video).orElseThrow()) {
            whole = r.readAll();
        }
        assertTrue(whole.length > 300_000, "the rendition spans chunks: " + whole.length);
        try (FileChannel ch = FileChannel.open(folder.resolve(item.file()), StandardOpenOption.WRITE)) {
            ch.truncate(SealedFiles.sealedLength(256 * 1024) + 1000);
        }
        index.state(video, DownloadIndex.State.QUEUED, null);
        List<Long> firstReports = new CopyOnWriteArrayList<>();
        downloads.onChange(i -> {
            if (i.lessonId().equals(video) && i.state() == DownloadIndex.State.DOWNLOADING) {
                firstReports.add(i.received());
            }
        });
        downloads.resumeUnfinished();
        waitUntilDone(downloads);
        assertEquals(256 * 1024L, firstReports.getFirst(), "resumed after the whole first chunk");
        try (SealedFiles.Reader r = downloads.open(video).orElseThrow()) {
            assertArrayEquals(whole, r.readAll());
        }
    }

    private void quotaIsKept(DownloadIndex index, ApiClient api, Session session, Course c) throws Exception {
        try (DownloadIndex small = DownloadIndex.open(temp.resolve("small.db"));
             Downloads tight = new Downloads(small, SealedFiles.open(temp.resolve("downloads.key")),
                     temp.resolve("small"), () -> 100, clients(api, session))) {
            tight.add(index.find(c.pdf()).orElseThrow().lesson(), "Waves offline", 2);
            Accounts.waitFor(() -> tight.item(c.pdf()).filter(i -> i.state() == DownloadIndex.State.FAILED)
                    .orElse(null), "the quota refusal", Duration.ofSeconds(30));
            String error = tight.item(c.pdf()).orElseThrow().error();
            assertTrue(error.startsWith("Not enough room") && error.contains("Settings"), error);
        }
    }

    /** The server is down: each lesson opens from its copy; the PDF renders; the video plays from the sealed file. */
    private static void studyOffline(Downloads downloads, SyncEngine engine, OfflineStore store, ApiClient api,
                                     Session session, Course c) throws Exception {
        LessonViewModel article = new LessonViewModel(new LearningClient(api, session), engine, () -> { },
                downloads::lesson, Runnable::run, Runnable::run);
        article.load(c.article());
        assertTrue(article.body().get().contains("Count the seconds"), article.message().get());
        assertTrue(article.message().get().startsWith("Offline: studying the downloaded copy"));

        LessonViewModel pdfLesson = new LessonViewModel(new LearningClient(api, session), engine, () -> { },
                downloads::lesson, Runnable::run, Runnable::run);
        pdfLesson.load(c.pdf());
        assertEquals(UUID.fromString(downloads.lesson(c.pdf()).orElseThrow().content().mediaId().toString()),
                pdfLesson.pdf().get());
        try (PdfViewModel pdf = new PdfViewModel(engine, () -> { }, Runnable::run, Runnable::run)) {
            pdf.open(c.pdf(), () -> {
                try (SealedFiles.Reader r = downloads.open(c.pdf()).orElseThrow()) {
                    return r.readAll();
                }
            });
            assertEquals(3, pdf.pageCount().get(), pdf.message().get());
            assertNotNull(pdf.image().get(), "page 1 rendered");
            assertTrue(pdf.image().get().width() > 300);
            assertTrue(java.util.Arrays.stream(pdf.image().get().argb()).anyMatch(px -> (px & 0xFF) < 80),
                    "the page's text is drawn");
            pdf.zoomBy(1.25);
            assertTrue(pdf.image().get().width() > 400, "zoomed in");
            pdf.next();
            pdf.go(99);
            assertEquals(3, pdf.page().get(), "past the end goes to the last page");
            assertEquals(java.util.Set.of(1, 2, 3), pdf.seen());
        }

        for (UUID quizId : List.of(c.quiz(), c.onceQuiz())) {
            QuizViewModel quiz = new QuizViewModel(new QuizClient(api, session), Runnable::run, Runnable::run)
                    .withOffline(engine, downloads::quiz, () -> { });
            quiz.start(quizId);
            assertTrue(quiz.offline().get(), quiz.message().get());
            quiz.answer(quiz.current().id(), true);
            quiz.submit();
            assertTrue(quiz.finished().get() && quiz.result().get().startsWith("Submitted offline"));
        }

        VideoViewModel video = new VideoViewModel(new PlaybackClient(api, session), engine, downloads::open,
                Runnable::run, Runnable::run);
        video.open(c.video(), UUID.randomUUID(), 0, new FrameSink() {
            @Override
            public void format(int width, int height) {
            }

            @Override
            public void frame(ByteBuffer bgra, int width, int height) {
            }
        }, true);
        Accounts.waitFor(() -> video.position().get() >= 3 ? true : null, "VLC to play the sealed video offline ("
                + video.message().get() + ")", Duration.ofSeconds(60));
        video.close();
        notesOffline(store, engine, c.video());
    }

    /** Notes and a bookmark written offline show at once; a deleted one is gone. */
    private static void notesOffline(OfflineStore store, SyncEngine engine, UUID video) {
        NotesBook notes = new NotesBook(store, engine, java.time.Clock.systemUTC());
        notes.note(video, 3, "Count the crests");
        var bookmark = notes.bookmark(video, 5);
        notes.delete(notes.note(video, 7, "A thought taken back"));
        assertEquals(List.of("Count the crests", ""), notes.of(video).stream().map(n -> n.body()).toList(),
                "kept here at once, in timeline order; the deleted one is gone");
        assertEquals(bookmark.id(), notes.of(video).get(1).id());
    }

    private static JsonNode state(JsonNode lessons, UUID lesson) {
        for (JsonNode l : lessons) {
            if (l.path("lessonId").asText().equals(lesson.toString())) {
                return l;
            }
        }
        throw new AssertionError("no progress for " + lesson + " in " + lessons);
    }
}
