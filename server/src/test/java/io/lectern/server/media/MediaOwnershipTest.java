package io.lectern.server.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Media belong where their uploader put them: an instructor cannot put another's upload (a colleague's paid video
 * seen in a free preview, a learner's assignment file) into a lesson, a thumbnail, a certificate or an avatar; the
 * course's own staff can. Playback follows the uploader's courses, so an id that did get into someone else's course
 * (data from before this rule) opens nothing there.
 */
class MediaOwnershipTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static Tus tus;
    private static String ada;
    private static String bob;
    private static String adaPdf;
    private static String adaPaidPdf;
    private static String adaImage;
    private static String adaSubtitles;
    private static String adaCourse;
    private static String bobCourse;
    private static String bobSection;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        tus = new Tus(http, server.baseUri());
        studio.categories("design");
        ada = studio.user("ada.own@example.com", "Ada Own", Role.INSTRUCTOR);
        bob = studio.user("bob.own@example.com", "Bob Own", Role.INSTRUCTOR);
        adaPdf = tus.uploadReady(ada, "handbook.pdf", MediaFiles.pdf(2), "DOCUMENT");
        adaPaidPdf = tus.uploadReady(ada, "workbook.pdf", MediaFiles.pdf(3), "DOCUMENT");
        adaImage = tus.uploadReady(ada, "cover.png", MediaFiles.png(64, 36), "IMAGE");
        byte[] vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n".getBytes();
        adaSubtitles = tus.createId(ada, "hello.vtt", vtt, "SUBTITLE");
        assertEquals(204, tus.patch(ada, adaSubtitles, 0, vtt, null).status());
        adaCourse = studio.course(ada, "title", "Type design", "category", "design", "description",
                "Letters, spacing and rhythm, step by step.").path("id").asText();
        String section = studio.section(ada, adaCourse, "Letters").path("id").asText();
        studio.lesson(ada, section, Map.of("title", "The handbook", "type", "PDF", "preview", true, "content",
                Map.of("mediaId", adaPdf)));
        studio.lesson(ada, section, Map.of("title", "The workbook", "type", "PDF", "content",
                Map.of("mediaId", adaPaidPdf)));
        studio.publish(ada, adaCourse);
        bobCourse = studio.course(bob, "title", "Layout grids", "category", "design", "description",
                "Columns, gutters and margins, step by step.").path("id").asText();
        bobSection = studio.section(bob, bobCourse, "Grids").path("id").asText();
        studio.article(bob, bobSection, "Why grids", "Order.", true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anotherInstructorsUploadCannotGoIntoMyLessons() {
        Http.Response pdf = http.post("/api/v1/sections/" + bobSection + "/lessons", Studio.toJson(Map.of("title",
                "Borrowed", "type", "PDF", "content", Map.of("mediaId", adaPdf))), bob);
        assertRefused(pdf, "content.mediaId", "not_yours");
        String bobVideo = "00000000-0000-7000-8000-000000000001";
        Http.Response subtitles = http.post("/api/v1/sections/" + bobSection + "/lessons", Studio.toJson(Map.of(
                "title", "Borrowed subtitles", "type", "VIDEO", "content", Map.of("subtitles", List.of(Map.of(
                        "language", "en", "mediaId", adaSubtitles))))), bob);
        assertRefused(subtitles, "content.subtitles[0].mediaId", "not_yours");
        assertRefused(http.post("/api/v1/sections/" + bobSection + "/lessons", Studio.toJson(Map.of("title", "Made up",
                "type", "VIDEO", "content", Map.of("mediaId", bobVideo))), bob), "content.mediaId", "not_yours");
        String article = studio.article(bob, bobSection, "To change", "Text", false).path("id").asText();
        assertRefused(http.call("PATCH", "/api/v1/lessons/" + article, Studio.toJson(Map.of("type", "PDF",
                "content", Map.of("mediaId", adaPdf))), bob), "content.mediaId", "not_yours");
    }

    @Test
    void aLearnersAssignmentFileCannotBecomeCourseContent() {
        String lea = studio.user("lea.own@example.com", "Lea Own", Role.STUDENT);
        String file = tus.uploadReady(lea, "essay.pdf", MediaFiles.pdf(1), "SUBMISSION");
        assertRefused(http.post("/api/v1/sections/" + bobSection + "/lessons", Studio.toJson(Map.of("title",
                "An essay", "type", "PDF", "content", Map.of("mediaId", file))), bob), "content.mediaId", "not_yours");
        Http.Response admin = http.post("/api/v1/sections/" + bobSection + "/lessons", Studio.toJson(Map.of("title",
                "An essay", "type", "PDF", "content", Map.of("mediaId", file))), studio.accounts().adminToken());
        assertRefused(admin, "content.mediaId", "not_yours");
    }

    @Test
    void anUploadMustSuitWhereItGoes() {
        String section = studio.section(ada, adaCourse, "More").path("id").asText();
        assertRefused(http.post("/api/v1/sections/" + section + "/lessons", Studio.toJson(Map.of("title", "Not a video",
                "type", "VIDEO", "content", Map.of("mediaId", adaPdf))), ada), "content.mediaId", "purpose");
        assertRefused(http.call("PATCH", "/api/v1/courses/" + adaCourse, Studio.toJson(Map.of("thumbnailMediaId",
                adaPdf)), ada), "thumbnailMediaId", "purpose");
    }

    @Test
    void thumbnailsCertificateImagesAndAvatarsMustBeTheCallers() {
        assertRefused(http.call("PATCH", "/api/v1/courses/" + bobCourse, Studio.toJson(Map.of("thumbnailMediaId",
                adaImage)), bob), "thumbnailMediaId", "not_yours");
        assertRefused(http.post("/api/v1/courses", Studio.toJson(Map.of("title", "Another", "category", "design",
                "thumbnailMediaId", adaImage)), bob), "thumbnailMediaId", "not_yours");
        assertRefused(http.call("PUT", "/api/v1/courses/" + bobCourse + "/certificate-template", Studio.toJson(Map.of(
                "logoMediaId", adaImage)), bob), "logoMediaId", "not_yours");
        assertRefused(http.call("PATCH", "/api/v1/me", Studio.toJson(Map.of("avatarMediaId", adaImage)), bob),
                "avatarMediaId", "not_yours");
        String bobImage = tus.uploadReady(bob, "grid.png", MediaFiles.png(64, 36), "IMAGE");
        assertEquals(200, http.call("PATCH", "/api/v1/courses/" + bobCourse, Studio.toJson(Map.of("thumbnailMediaId",
                bobImage)), bob).status());
        assertEquals(200, http.call("PUT", "/api/v1/courses/" + bobCourse + "/certificate-template", Studio.toJson(
                Map.of("logoMediaId", bobImage, "signatureMediaId", bobImage)), bob).status());
        assertEquals(200, http.call("PATCH", "/api/v1/me", Studio.toJson(Map.of("avatarMediaId", bobImage)), bob)
                .status());
    }

    @Test
    void theCoursesOwnStaffMayUseEachOthersUploads() {
        String cara = studio.user("cara.own@example.com", "Cara Own", Role.INSTRUCTOR);
        String course = studio.course(ada, "title", "Kerning", "category", "design", "coInstructorIds",
                List.of(studio.userId(cara))).path("id").asText();
        String section = studio.section(cara, course, "Pairs").path("id").asText();
        Http.Response r = http.post("/api/v1/sections/" + section + "/lessons", Studio.toJson(Map.of("title",
                "Ada's handbook", "type", "PDF", "content", Map.of("mediaId", adaPdf))), cara);
        assertEquals(201, r.status(), r.raw().body());
        assertEquals(200, http.call("PATCH", "/api/v1/courses/" + course, Studio.toJson(Map.of("thumbnailMediaId",
                adaImage)), studio.accounts().adminToken()).status(), "an admin may use the staff's uploads");
    }

    @Test
    void playbackFollowsTheUploadersCoursesNotAnyLessonThatMentionsTheId() {
        String lesson = studio.article(bob, bobSection, "Smuggled", "Soon a PDF", false).path("id").asText();
        server.platform().db().execute().update("UPDATE catalog.lessons SET type = 'PDF', content = ?::jsonb "
                + "WHERE id = ?", "{\"mediaId\": \"" + adaPaidPdf + "\"}", java.util.UUID.fromString(lesson));
        assertEquals(403, http.get("/api/v1/media/" + adaPaidPdf + "/playback", bob).status(),
                "staff of a course the uploader does not teach");
        studio.publish(bob, bobCourse);
        String sam = studio.user("sam.own@example.com", "Sam Own", Role.STUDENT);
        assertEquals(201, http.post("/api/v1/courses/" + bobCourse + "/enroll", "{}", sam).status());
        assertEquals(200, http.get("/api/v1/lessons/" + lesson, sam).status(), "the lesson itself opens");
        assertEquals(403, http.get("/api/v1/media/" + adaPaidPdf + "/playback", sam).status(),
                "but not the media smuggled into it");
        assertEquals(201, http.post("/api/v1/courses/" + adaCourse + "/enroll", "{}", sam).status());
        assertEquals(200, http.get("/api/v1/media/" + adaPaidPdf + "/playback", sam).status(),
                "in the uploader's own course it plays");
        assertEquals(200, http.get("/api/v1/media/" + adaPdf + "/playback").status(),
                "and a free preview plays for anyone");
    }

    private static void assertRefused(Http.Response r, String field, String rule) {
        assertEquals(400, r.status(), r.raw().body());
        JsonNode error = r.json().path("errors").get(0);
        assertEquals(field, error.path("field").asText(), r.raw().body());
        assertEquals(rule, error.path("rule").asText(), r.raw().body());
    }
}
