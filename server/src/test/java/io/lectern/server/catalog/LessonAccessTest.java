package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who opens which lesson: previews for anyone, staff always (and the draft they edit), everyone else is told
 * to sign in or enroll. Embed lessons carry a short-lived launch token the tool can verify with our JWKS.
 */
class LessonAccessTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String ada;
    private static String student;
    private static String otherInstructor;
    private static JsonNode course;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("programming");
        ada = studio.user("ada.lessons@example.com", "Ada Lessons", Role.INSTRUCTOR);
        student = studio.user("sam.lessons@example.com", "Sam Lessons", Role.STUDENT);
        otherInstructor = studio.user("olga.lessons@example.com", "Olga Other", Role.INSTRUCTOR);
        course = studio.publishedCourse(ada, "Lesson access course", "programming", 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String lesson(int index) {
        return course.path("sections").get(0).path("lessons").get(index).path("id").asText();
    }

    @Test
    void aFreePreviewOpensForAnyone() {
        Http.Response r = http.get("/api/v1/lessons/" + lesson(0));
        assertEquals(200, r.status());
        assertTrue(r.json().path("html").asText().contains("<em>Lesson access course</em>"), r.raw().body());
    }

    @Test
    void otherLessonsTellTheCallerToSignInOrEnroll() {
        Http.Response anonymous = http.get("/api/v1/lessons/" + lesson(1));
        assertEquals(401, anonymous.status());
        assertEquals(course.path("id").asText(), anonymous.json().path("context").path("courseId").asText());
        Http.Response learner = http.get("/api/v1/lessons/" + lesson(1), student);
        assertEquals(403, learner.status());
        assertEquals("lesson.enrollment_required", learner.json().path("code").asText());
        assertEquals("lesson-access-course", learner.json().path("context").path("courseSlug").asText());
        assertEquals(403, http.get("/api/v1/lessons/" + lesson(1), otherInstructor).status());
    }

    @Test
    void theCoursePageShowsLocksForTheCaller() {
        JsonNode anonymous = http.get("/api/v1/courses/" + course.path("id").asText()).json();
        JsonNode lessons = anonymous.path("sections").get(0).path("lessons");
        assertEquals(false, lessons.get(0).path("locked").asBoolean());
        assertEquals(true, lessons.get(1).path("locked").asBoolean());
        JsonNode staff = http.get("/api/v1/courses/" + course.path("id").asText(), ada).json();
        assertEquals(false, staff.path("sections").get(0).path("lessons").get(1).path("locked").asBoolean());
        assertEquals(true, staff.path("viewer").path("canEdit").asBoolean());
    }

    @Test
    void staffSeeTheDraftTheyAreEditingLearnersThePublishedVersion() {
        studio.patch(ada, "/api/v1/lessons/" + lesson(0), "content", Map.of("body", "Draft wording"));
        assertEquals("Draft wording", http.get("/api/v1/lessons/" + lesson(0), ada).json().path("content").path("body")
                .asText());
        assertEquals("Draft wording", http.get("/api/v1/lessons/" + lesson(0), studio.accounts().adminToken()).json()
                .path("content").path("body").asText());
        assertTrue(http.get("/api/v1/lessons/" + lesson(0)).json().path("content").path("body").asText()
                .startsWith("Reading 1"));
        String section = course.path("sections").get(0).path("id").asText();
        String unpublished = studio.article(ada, section, "Not yet published", "soon", true).path("id").asText();
        assertEquals(404, http.get("/api/v1/lessons/" + unpublished).status());
        assertEquals(200, http.get("/api/v1/lessons/" + unpublished, ada).status());
    }

    @Test
    void embedLessonsLaunchWithATokenTheToolCanVerify() throws Exception {
        JsonNode c = studio.course(ada, "title", "Embed course", "category", "programming", "description",
                "A course that opens an external interactive tool.");
        String section = studio.section(ada, c.path("id").asText(), "Tools").path("id").asText();
        String embed = studio.lesson(ada, section, Map.of("title", "Interactive", "type", "EMBED", "preview", true,
                "content", Map.of("url", "https://tools.example.com/h5p/7?mode=full"))).path("id").asText();
        studio.publish(ada, c.path("id").asText());
        assertEquals("https://tools.example.com/h5p/7?mode=full",
                http.get("/api/v1/lessons/" + embed).json().path("launchUrl").asText(), "no token for anonymous visitors");

        JsonNode opened = http.get("/api/v1/lessons/" + embed, student).json();
        URI launch = URI.create(opened.path("launchUrl").asText());
        assertEquals("tools.example.com", launch.getHost());
        String token = URLDecoder.decode(launch.getRawQuery().replaceAll(".*lectern_launch=", ""), StandardCharsets.UTF_8);
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet keys = JWKSet.parse(http.get("/api/v1/auth/jwks").raw().body());
        assertTrue(jwt.verify(new ECDSAVerifier(keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey())));
        assertEquals("https://tools.example.com", jwt.getJWTClaimsSet().getAudience().getFirst());
        assertEquals(studio.userId(student), jwt.getJWTClaimsSet().getSubject());
        assertEquals(embed, jwt.getJWTClaimsSet().getStringClaim("lesson_id"));
        Instant expires = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
        assertTrue(expires.isBefore(Instant.now().plus(Duration.ofMinutes(6))));
        assertEquals("lectern-launch+jwt", jwt.getHeader().getType().getType());
    }

    @Test
    void unknownLessonsAre404() {
        assertEquals(404, http.get("/api/v1/lessons/01900000-0000-7000-8000-000000000099").status());
        assertEquals(404, http.get("/api/v1/lessons/not-a-uuid").status());
    }
}
