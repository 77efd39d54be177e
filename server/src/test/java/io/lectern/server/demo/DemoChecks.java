package io.lectern.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a newcomer should find in the demo, checked through the API as they would look. */
public final class DemoChecks {

    private DemoChecks() {
    }

    /**
     * Every account signs in with its own password; every course is whole (covers, each lesson with its content, a
     * quiz with questions, a project with a rubric, videos with two subtitle tracks listed in their HLS master when
     * {@code videos}) and can be published again by its instructor; the demo learner has a certificate, progress and
     * notes; the free courses carry reviews.
     */
    public static void assertWholeDemo(Http http, DemoSeed.Report demo, String adminPassword, boolean videos) {
        Map<String, String> tokens = signIns(http, demo, adminPassword);
        JsonNode page = http.get("/api/v1/courses?limit=50").json();
        assertEquals(12, page.path("items").size(), page.toString());
        for (JsonNode card : page.path("items")) {
            DemoCatalog.Course c = DemoSeed.course(card.path("slug").asText());
            String teacher = tokens.get(DemoSeed.instructorEmail(c));
            assertFalse(card.path("thumbnailMediaId").isNull(), c.slug() + " has a cover");
            JsonNode draft = http.get("/api/v1/courses/" + card.path("id").asText() + "/draft", teacher).json();
            assertWholeCourse(http, draft, teacher, videos);
        }
        String lea = tokens.get("learner@lectern.local");
        assertTrue(demo.learnerFinished(), "the demo learner finished a course");
        JsonNode certificate = Accounts.waitFor(() -> {
            JsonNode items = http.get("/api/v1/me/certificates", lea).json().path("items");
            return items.isEmpty() ? null : items.get(0);
        }, "the demo learner's certificate", Duration.ofSeconds(60));
        assertEquals("Spanish for Travellers", certificate.path("courseTitle").asText());
        Map<String, Integer> progress = new HashMap<>();
        http.get("/api/v1/me/enrollments", lea).json().path("items").forEach(e -> progress.put(
                e.path("courseTitle").asText(), e.path("progressPercent").asInt()));
        assertEquals(100, progress.get("Spanish for Travellers"), progress.toString());
        assertTrue(progress.get("Java from Zero") > 0 && progress.get("Java from Zero") < 100, progress.toString());
        assertEquals(0, progress.get("UI Design Basics"), progress.toString());
        assertEquals(1, http.get("/api/v1/me/notes?q=records", lea).json().path("items").size(), "her note");
        JsonNode java = http.get("/api/v1/courses/java-from-zero").json();
        assertEquals(3, java.path("rating").path("count").asInt(), java.path("rating").toString());
        JsonNode reviews = http.get("/api/v1/courses/" + java.path("id").asText() + "/reviews").json().path("items");
        assertTrue(reviews.toString().contains("More exercises on collections"), "the instructor's reply");
        republishes(http, page.path("items").get(0), tokens);
    }

    private static Map<String, String> signIns(Http http, DemoSeed.Report demo, String adminPassword) {
        Set<String> passwords = new HashSet<>();
        Map<String, String> tokens = new HashMap<>();
        for (DemoSeed.Account a : demo.accounts()) {
            assertNotEquals(adminPassword, a.password(), a.email() + " has a password of its own");
            assertTrue(a.password().length() >= 16, a.email());
            passwords.add(a.password());
            JsonNode me = Accounts.of(http).login(a.email(), a.password());
            tokens.put(a.email(), me.path("accessToken").asText());
        }
        assertEquals(demo.accounts().size(), passwords.size(), "every account has its own password");
        assertEquals(List.of(Role.INSTRUCTOR, Role.INSTRUCTOR, Role.STUDENT), demo.accounts().stream()
                .filter(DemoSeed.Account::shown).map(DemoSeed.Account::role).toList());
        return tokens;
    }

    private static void assertWholeCourse(Http http, JsonNode draft, String teacher, boolean videos) {
        String slug = draft.path("slug").asText();
        Map<String, Integer> types = new HashMap<>();
        for (JsonNode section : draft.path("sections")) {
            for (JsonNode lesson : section.path("lessons")) {
                types.merge(lesson.path("type").asText(), 1, Integer::sum);
                JsonNode content = lesson.path("content");
                switch (lesson.path("type").asText()) {
                    case "VIDEO" -> assertVideo(http, content, teacher, slug);
                    case "PDF" -> assertEquals("READY", Accounts.waitFor(() -> ready(http, content.path("mediaId")
                            .asText(), teacher), "the handout of " + slug, Duration.ofSeconds(60)));
                    case "QUIZ" -> assertEquals(2, http.get("/api/v1/quizzes/" + content.path("quizId").asText(),
                            teacher).json().path("questions").size(), slug);
                    case "ASSIGNMENT" -> assertEquals(2, http.get("/api/v1/assignments/" + lesson.path("id").asText(),
                            teacher).json().path("rubric").path("criteria").size(), slug);
                    default -> assertTrue(content.path("body").asText().length() > 40, slug + ": " + lesson);
                }
            }
        }
        assertEquals(videos ? 1 : 0, types.getOrDefault("VIDEO", 0), slug + " " + types);
        assertEquals(1, types.get("PDF"), slug);
        assertEquals(1, types.get("QUIZ"), slug);
        assertEquals(1, types.get("ASSIGNMENT"), slug);
        assertTrue(types.get("ARTICLE") >= 3, slug + " " + types);
        JsonNode template = http.get("/api/v1/courses/" + draft.path("id").asText() + "/certificate-template", teacher)
                .json();
        assertTrue(template.path("accent").asText().startsWith("#"), slug + ": " + template);
    }

    /** The welcome video is processed, plays, and its HLS master lists the English and German subtitles. */
    private static void assertVideo(Http http, JsonNode content, String teacher, String slug) {
        String media = content.path("mediaId").asText();
        assertEquals(List.of("en", "de"), Studio.texts(content.path("subtitles"), "language"), slug);
        assertEquals("READY", Accounts.waitFor(() -> ready(http, media, teacher), "the video of " + slug,
                Duration.ofSeconds(180)));
        String hls = http.get("/api/v1/media/" + media + "/playback", teacher).json().path("hlsUrl").asText();
        String master = http.send(HttpRequest.newBuilder(URI.create(hls))).raw().body();
        assertTrue(master.contains("TYPE=SUBTITLES") && master.contains("LANGUAGE=\"de\""), slug + ": " + master);
    }

    private static String ready(Http http, String media, String token) {
        String status = http.get("/api/v1/media/" + media, token).json().path("status").asText();
        return "PROCESSING".equals(status) ? null : status;
    }

    /** An instructor changes a demo course and publishes it again: the demo passes its own checks. */
    private static void republishes(Http http, JsonNode card, Map<String, String> tokens) {
        String teacher = tokens.get(DemoSeed.instructorEmail(DemoSeed.course(card.path("slug").asText())));
        String id = card.path("id").asText();
        Http.Response changed = http.call("PATCH", "/api/v1/courses/" + id, Http.json("subtitle", "Now even better"),
                teacher);
        assertEquals(200, changed.status(), changed.raw().body());
        Http.Response again = http.post("/api/v1/courses/" + id + "/publish", null, teacher);
        assertEquals(200, again.status(), again.raw().body());
    }
}
