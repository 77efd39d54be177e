package io.lectern.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.platform.privacy.PersonalData;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import io.lectern.server.testing.Wallets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data rights. Every table that holds data about a person belongs to a module that exports and erases it (a new table
 * nobody declares fails this test). The export holds what each module keeps; deleting the account leaves the person's
 * name and address nowhere in the database (money records stay, anonymous), reviews read "Former learner", a deleted
 * instructor's courses stay for their learners under "Former instructor" and are no longer found by the name.
 */
class PersonalDataTest {

    /** Columns that name or point at a person. */
    private static final String PERSON_COLUMNS = "^(user_id|owner_id|author_id|reporter_id|learner_id|instructor_id"
            + "|instructor_ids|actor_id|target_id|created_by|updated_by|decided_by|graded_by|revoked_by|redeemed_by"
            + "|reply_author|email|to_address|buyer_email|buyer_name|display_name|author_name|reply_name|learner_name|ip"
            + "|user_agent)$";
    /** Tables about people that no module exports, and why. */
    private static final Map<String, String> NOT_PERSONAL = Map.of(
            "platform.outbox", "events in flight; a row is deleted when delivered");

    private static final MovableClock CLOCK = new MovableClock();
    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static Tus tus;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { }, CLOCK);
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        tus = new Tus(http, server.baseUri());
        studio.categories("astronomy");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyTableAboutPeopleIsExportedAndErasedBySomeModule() {
        Set<String> declared = server.modules().identity().personalData().stream()
                .flatMap(p -> p.tables().stream()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> aboutPeople = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        try (var rows = server.platform().db().execute().query("""
                SELECT table_schema || '.' || table_name AS t, bool_or(column_name ~ ?) AS person
                  FROM information_schema.columns
                 WHERE table_schema IN ('platform', 'notify', 'audit', 'identity', 'catalog', 'commerce', 'media',
                                        'learning') AND table_name NOT LIKE 'flyway%'
                 GROUP BY 1""", PERSON_COLUMNS)) {
            rows.forEach(r -> {
                all.add(r.column("t").get(String.class));
                if (Boolean.TRUE.equals(r.column("person").get(Boolean.class))) {
                    aboutPeople.add(r.column("t").get(String.class));
                }
            });
        }
        Set<String> missing = new TreeSet<>(aboutPeople);
        missing.removeAll(declared);
        missing.removeAll(NOT_PERSONAL.keySet());
        assertTrue(missing.isEmpty(), "tables about people that no module exports or erases: " + missing);
        Set<String> unknown = new TreeSet<>(declared);
        unknown.removeAll(all);
        assertTrue(unknown.isEmpty(), "declared tables that do not exist: " + unknown);
        assertEquals(List.of("identity", "audit", "catalog", "commerce", "requests", "mail", "learning", "media"),
                server.modules().identity().personalData().stream().map(PersonalData::section).toList());
    }

    /** A published paid course with a video, a quiz and an assignment. */
    private record Course(String id, String video, String watch, String quiz, String essay) {
    }

    private static Course stargazing(String ada) {
        String video = tus.videoReady(ada);
        String course = studio.course(ada, "title", "Stargazing", "category", "astronomy", "description",
                "Constellations, planets and telescopes, step by step.", "pricing", "ONE_TIME", "priceMinor", 1500)
                .path("id").asText();
        String quiz = http.post("/api/v1/courses/" + course + "/quizzes", Studio.toJson(Map.of("title", "Sky check",
                "questions", List.of(Map.of("type", "TRUE_FALSE", "prompt", "Mars is red", "correct", true)))), ada)
                .json().path("id").asText();
        String section = studio.section(ada, course, "Night sky").path("id").asText();
        studio.article(ada, section, "Welcome", "Look up.", true);
        String watch = studio.lesson(ada, section, Map.of("title", "Orion", "type", "VIDEO", "durationSec", 1,
                "content", Map.of("mediaId", video))).path("id").asText();
        studio.lesson(ada, section, Map.of("title", "Sky check", "type", "QUIZ", "content", Map.of("quizId", quiz)));
        String essay = studio.lesson(ada, section, Map.of("title", "Your sky", "type", "ASSIGNMENT", "content",
                Map.of("instructions", "Draw what you see."))).path("id").asText();
        http.call("PUT", "/api/v1/lessons/" + essay + "/assignment", Studio.toJson(Map.of("rubric", List.of(Map.of(
                "title", "Stars", "levels", List.of(Map.of("title", "Few", "points", 1), Map.of("title", "Many",
                        "points", 2)))))), ada);
        studio.publish(ada, course);
        return new Course(course, video, watch, quiz, essay);
    }

    @Test
    void theExportHoldsEverythingAndDeletionLeavesThePersonNowhere() throws Exception {
        Course c = stargazing(studio.user("ada.rights@example.com", "Ada Rights", Role.INSTRUCTOR));
        String course = c.id();
        String email = "zebulon.quartermaine@example.com";
        String name = "Zebulon Quartermaine";
        JsonNode tokens = studio.accounts().registerVerified(email, "a long passphrase 9", name);
        String zeb = tokens.path("accessToken").asText();
        new Wallets(http, studio.accounts()).fund(zeb, 5000);
        assertEquals(201, http.post("/api/v1/courses/" + course + "/enroll", "{}", zeb).status());
        assertEquals(201, http.post("/api/v1/courses/" + course + "/reviews", Studio.toJson(Map.of("rating", 4, "body",
                "Clear skies, well explained.")), zeb).status());
        http.get("/api/v1/media/" + c.video() + "/playback", zeb);
        CLOCK.advance(Duration.ofSeconds(30));
        http.call("PUT", "/api/v1/lessons/" + c.watch() + "/progress", Studio.toJson(Map.of("watchedRanges",
                List.of(List.of(0.0, 1.0)), "positionSec", 1)), zeb);
        http.post("/api/v1/lessons/" + c.watch() + "/notes", Studio.toJson(Map.of("kind", "NOTE", "body", "Betelgeuse",
                "positionSec", 0.5)), zeb);
        JsonNode attempt = http.post("/api/v1/quizzes/" + c.quiz() + "/attempts", null, zeb).json();
        http.post("/api/v1/attempts/" + attempt.path("id").asText() + "/submit", null, zeb);
        String drawing = tus.uploadReady(zeb, "sky.png", MediaFiles.png(20, 20), "SUBMISSION");
        assertEquals(201, http.post("/api/v1/assignments/" + c.essay() + "/submissions", Studio.toJson(Map.of("text",
                "Orion's belt", "mediaIds", List.of(drawing))), zeb).status());
        Accounts.waitFor(() -> http.get("/api/v1/me/invoices", zeb).json().path("items").size() > 0 ? true : null,
                "the receipt");

        JsonNode export = http.get("/api/v1/me/export", zeb).json();
        assertEquals(email, export.path("identity").path("profile").path("email").asText());
        for (String path : List.of("audit", "mail", "catalog/reviews", "commerce/enrollments", "commerce/invoices",
                "commerce/movements", "commerce/vouchersRedeemed", "learning/progress", "learning/notes",
                "learning/quizAttempts", "learning/submissions", "learning/studyTime", "media/files",
                "media/opened", "identity/sessions")) {
            JsonNode section = export.at("/" + path);
            assertTrue(section.isArray() && !section.isEmpty(), path + " is in the export: " + section);
        }
        assertFalse(export.toString().contains("$argon2id"), "no password hash");

        var dataDir = server.platform().config().dataDir();
        assertTrue(Files.exists(dataDir.resolve("media").resolve(drawing)));
        assertEquals(204, http.call("DELETE", "/api/v1/me", Http.json("password", "a long passphrase 9"), zeb).status());

        List<String> traces = traces(email, name, "Zebulon", "Quartermaine");
        assertTrue(traces.isEmpty(), "the person is nowhere in the database: " + traces);
        assertFalse(Files.exists(dataDir.resolve("media").resolve(drawing)), "their files are gone");
        try (var mails = Files.list(dataDir.resolve("mailbox"))) {
            assertTrue(mails.noneMatch(f -> read(f).contains(email)), "and so are the mails to them");
        }
        JsonNode reviews = http.get("/api/v1/courses/" + course + "/reviews").json().path("items");
        assertEquals("Former learner", reviews.get(0).path("authorName").asText(), reviews.toString());
        String invoiceName = server.platform().db().execute().get("SELECT buyer_name FROM commerce.invoices "
                + "WHERE user_id = ?::uuid", tokens.path("user").path("id").asText())
                .map(r -> r.column("buyer_name").get(String.class)).orElseThrow();
        assertEquals("Former learner", invoiceName, "the invoice stays, without the name");
        assertTrue(http.get("/api/v1/admin/ledger/check", studio.accounts().adminToken()).json().path("balanced")
                .asBoolean());
    }

    @Test
    void aDeletedInstructorsCoursesStayUnderFormerInstructorAndTheNameFindsNothing() {
        studio.user("vesna.ostrogorska@example.com", "Vesna Ostrogorska", Role.INSTRUCTOR);
        String vesna = studio.accounts().login("vesna.ostrogorska@example.com", "passphrase for Vesna Ostrogorska")
                .path("accessToken").asText();
        String course = studio.publishedCourse(vesna, "Comets", "astronomy", 2).path("id").asText();
        assertEquals(1, http.get("/api/v1/courses?q=Ostrogorska").json().path("items").size(), "found by name");
        assertEquals(1, http.get("/api/v1/instructors?q=Ostrogorska").json().path("items").size());
        assertEquals(204, http.call("DELETE", "/api/v1/me", Http.json("password", "passphrase for Vesna Ostrogorska"),
                vesna).status());
        assertEquals(0, http.get("/api/v1/courses?q=Ostrogorska").json().path("items").size(), "not any more");
        assertEquals(0, http.get("/api/v1/instructors?q=Ostrogorska").json().path("items").size());
        JsonNode page = http.get("/api/v1/courses/" + course).json();
        assertEquals("Former instructor", page.path("instructors").get(0).path("displayName").asText(), page.toString());
        assertEquals(List.of(), traces("vesna.ostrogorska@example.com", "Vesna Ostrogorska", "Ostrogorska"));
    }

    /** Every text-like column of every table holding any of the words, as {@code schema.table.column}. */
    private static List<String> traces(String... words) {
        List<String> found = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        try (var rows = server.platform().db().execute().query("""
                SELECT table_schema, table_name, column_name FROM information_schema.columns
                 WHERE table_schema IN ('platform', 'notify', 'audit', 'identity', 'catalog', 'commerce', 'media',
                                        'learning') AND data_type IN ('text', 'jsonb', 'ARRAY', 'character varying')
                   AND table_name NOT LIKE 'flyway%'""")) {
            rows.forEach(r -> columns.add(new String[] {r.column("table_schema").get(String.class),
                    r.column("table_name").get(String.class), r.column("column_name").get(String.class)}));
        }
        for (String[] c : columns) {
            for (String word : words) {
                String sql = "SELECT count(*) AS n FROM " + c[0] + "." + c[1] + " WHERE \"" + c[2]
                        + "\"::text ILIKE ?";
                long n = server.platform().db().execute().get(sql, "%" + word + "%")
                        .map(r -> r.column("n").get(Long.class)).orElse(0L);
                if (n > 0) {
                    found.add(c[0] + "." + c[1] + "." + c[2] + " has '" + word + "'");
                }
            }
        }
        return found;
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
