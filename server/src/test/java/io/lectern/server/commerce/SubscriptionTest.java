package io.lectern.server.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Wallets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions paid from the wallet give access to "included in subscription" courses; a renewal charges the
 * wallet; a failed renewal keeps access through the grace period, then lapses it; cancelling ends it at the end
 * of the paid period. Time moves on a clock the test controls.
 */
class SubscriptionTest {

    private static final MovableClock CLOCK = new MovableClock();
    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static Wallets wallets;
    private static String admin;
    private static String ada;
    private static String course;
    private static String plan;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig().withModule(CommerceSettings.DEFAULTS
                .withSubscriptionGrace(Duration.ofDays(3))), routes -> { }, CLOCK);
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        wallets = new Wallets(http, studio.accounts());
        admin = studio.accounts().adminToken();
        studio.categories("music");
        ada = studio.user("ada.subs@example.com", "Ada Subs", Role.INSTRUCTOR);
        course = studio.publishedCourse(ada, "Included course", "music", 2, "pricing", "SUBSCRIPTION").path("id").asText();
        plan = http.post("/api/v1/admin/plans", Http.json("name", "Monthly", "period", "MONTHLY", "priceMinor", 999),
                admin).json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String lesson() {
        return http.get("/api/v1/courses/" + course).json().path("sections").get(0).path("lessons").get(1).path("id")
                .asText();
    }

    /** After the clock moved past its tokens' expiry, a user signs in again (so does the admin behind Wallets). */
    private static String relogin(String email, String name) {
        studio.accounts().signInAgain();
        return studio.accounts().login(email, "passphrase for " + name).path("accessToken").asText();
    }

    @Test
    void aSubscriptionOpensIncludedCoursesUntilItLapsesAfterTheGracePeriod() {
        studio.accounts().signInAgain();
        String sam = studio.user("sam.subs@example.com", "Sam", Role.STUDENT);
        assertEquals("subscription.required", http.post("/api/v1/courses/" + course + "/enroll", "{}", sam).json()
                .path("code").asText());
        assertEquals(402, http.post("/api/v1/subscriptions", Http.json("planId", plan), sam).status());
        wallets.fund(sam, 1500);
        JsonNode sub = http.post("/api/v1/subscriptions", Http.json("planId", plan), sam).json();
        assertEquals("ACTIVE", sub.path("status").asText());
        assertEquals(501, wallets.balance(sam));
        assertEquals(409, http.post("/api/v1/subscriptions", Http.json("planId", plan), sam).status());
        assertEquals("SUBSCRIPTION", http.post("/api/v1/courses/" + course + "/enroll", "{}", sam).json()
                .path("source").asText());
        assertEquals(200, http.get("/api/v1/lessons/" + lesson(), sam).status());
        assertEquals(1, http.get("/api/v1/me/invoices", sam).json().path("items").size());

        Instant periodEnd = Instant.parse(sub.path("currentPeriodEnd").asText());
        CLOCK.advanceTo(periodEnd.plus(Duration.ofDays(1)));
        server.modules().commerce().renewDueSubscriptions();
        sam = relogin("sam.subs@example.com", "Sam");
        JsonNode pastDue = http.get("/api/v1/me/subscription", sam).json();
        assertEquals("PAST_DUE", pastDue.path("status").asText(), "the wallet cannot pay the renewal");
        assertEquals(200, http.get("/api/v1/lessons/" + lesson(), sam).status(), "access during the grace period");

        CLOCK.advanceTo(periodEnd.plus(Duration.ofDays(3)).plusSeconds(1));
        server.modules().commerce().renewDueSubscriptions();
        sam = relogin("sam.subs@example.com", "Sam");
        assertEquals("LAPSED", http.get("/api/v1/me/subscription", sam).json().path("status").asText());
        assertEquals(403, http.get("/api/v1/lessons/" + lesson(), sam).status());
        assertEquals(501, wallets.balance(sam), "nothing charged");
    }

    @Test
    void aRenewalChargesTheWalletAndACancelledOneEndsWithItsPeriod() {
        studio.accounts().signInAgain();
        String rae = studio.user("rae.renew@example.com", "Rae", Role.STUDENT);
        wallets.fund(rae, 3000);
        http.post("/api/v1/subscriptions", Http.json("planId", plan), rae);
        CLOCK.advance(Duration.ofDays(31));
        server.modules().commerce().renewDueSubscriptions();
        rae = relogin("rae.renew@example.com", "Rae");
        assertEquals("ACTIVE", http.get("/api/v1/me/subscription", rae).json().path("status").asText());
        assertEquals(3000 - 2 * 999, wallets.balance(rae));
        assertEquals(2, http.get("/api/v1/me/invoices", rae).json().path("items").size());
        assertEquals(true, http.call("DELETE", "/api/v1/me/subscription", null, rae).json().path("cancelAtPeriodEnd")
                .asBoolean());
        CLOCK.advance(Duration.ofDays(31));
        server.modules().commerce().renewDueSubscriptions();
        rae = relogin("rae.renew@example.com", "Rae");
        assertEquals("CANCELLED", http.get("/api/v1/me/subscription", rae).json().path("status").asText());
        assertEquals(3000 - 2 * 999, wallets.balance(rae));
        assertEquals(true, wallets.ledgerCheck().path("balanced").asBoolean());
    }

    @Test
    void concurrentRetriesOfOneSubscribeChargeOnceAndAllGetItsAnswer() throws Exception {
        studio.accounts().signInAgain();
        String ria = studio.user("ria.retry@example.com", "Ria", Role.STUDENT);
        wallets.fund(ria, 1500);
        java.util.List<Http.Response> answers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                pool.submit(() -> answers.add(http.send(java.net.http.HttpRequest.newBuilder(server.baseUri()
                        .resolve("/api/v1/subscriptions")).header("Authorization", "Bearer " + ria)
                        .header("Content-Type", "application/json").header("Idempotency-Key", "subscribe-once")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.json("planId", plan))))));
            }
        }
        assertEquals(java.util.List.of(201), answers.stream().map(Http.Response::status).distinct().toList(),
                "the retries answer what the first stored, not 409 'already subscribed'");
        assertEquals(1, answers.stream().map(a -> a.json().path("id").asText()).distinct().count());
        assertEquals(1500 - 999, wallets.balance(ria));
        assertEquals(true, wallets.ledgerCheck().path("balanced").asBoolean());
    }

    @Test
    void plansAreAdminOnlyAndTheirPriceNeverChanges() {
        studio.accounts().signInAgain();
        String admin = studio.accounts().adminToken();
        String ada = relogin("ada.subs@example.com", "Ada Subs");
        assertEquals(403, http.post("/api/v1/admin/plans", Http.json("name", "X", "period", "MONTHLY", "priceMinor", 1),
                ada).status());
        assertEquals("read_only", http.call("PATCH", "/api/v1/admin/plans/" + plan, Http.json("priceMinor", 1), admin)
                .json().path("errors").get(0).path("rule").asText());
        assertEquals("one_of", http.post("/api/v1/admin/plans", Http.json("name", "Weekly", "period", "WEEKLY",
                "priceMinor", 100), admin).json().path("errors").get(0).path("rule").asText());
    }

    @Test
    void subscriptionRevenueReachesInstructorsByTheSubscribersStudyTime() {
        studio.accounts().signInAgain();
        String bea = studio.user("bea.subs@example.com", "Bea Subs", Role.INSTRUCTOR);
        String other = studio.publishedCourse(bea, "Also included", "music", 2, "pricing", "SUBSCRIPTION").path("id")
                .asText();
        String lia = studio.user("lia.subs@example.com", "Lia", Role.STUDENT);
        wallets.fund(lia, 999);
        assertEquals(201, http.post("/api/v1/subscriptions", Http.json("planId", plan), lia).status());
        for (String c : java.util.List.of(course, other)) {
            assertEquals(201, http.post("/api/v1/courses/" + c + "/enroll", "{}", lia).status());
        }
        String articleA = firstLesson(course);
        String articleB = firstLesson(other);
        for (int i = 0; i < 3; i++) {
            study(lia, articleA, 90);
        }
        study(lia, articleB, 90);
        CLOCK.advance(Duration.ofDays(32));
        assertTrue(server.modules().commerce().shareSubscriptionRevenue() >= 1, "the ended period is shared");
        assertEquals(0, server.modules().commerce().shareSubscriptionRevenue(), "once");
        // 9.99 net: 270 s of 360 s for Ada's course (7.49), 90 s for Bea's (2.50, the cent over by the larger remainder);
        // each instructor keeps the default 70 % of their course's part
        JsonNode adaEarnings = http.get("/api/v1/instructor/earnings", relogin("ada.subs@example.com", "Ada Subs"))
                .json();
        JsonNode ofCourse = java.util.stream.StreamSupport.stream(adaEarnings.path("byCourse").spliterator(), false)
                .filter(c -> c.path("courseId").asText().equals(course)).findFirst().orElseThrow();
        assertEquals(524, ofCourse.path("fromSubscriptions").path("amountMinor").asLong(), adaEarnings.toString());
        assertEquals(270, ofCourse.path("studySeconds").asLong());
        assertTrue(adaEarnings.path("available").path("amountMinor").asLong() >= 524, "payable at once");
        JsonNode beaEarnings = http.get("/api/v1/instructor/earnings", relogin("bea.subs@example.com", "Bea Subs"))
                .json();
        assertEquals(175, beaEarnings.path("byCourse").get(0).path("fromSubscriptions").path("amountMinor").asLong(),
                beaEarnings.toString());
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
    }

    private static String firstLesson(String courseId) {
        return http.get("/api/v1/courses/" + courseId).json().path("sections").get(0).path("lessons").get(0).path("id")
                .asText();
    }

    private static void study(String token, String lesson, int seconds) {
        Http.Response r = http.call("PUT", "/api/v1/lessons/" + lesson + "/progress", Http.json("spentSec", seconds),
                token);
        assertEquals(200, r.status(), r.raw().body());
    }
}
