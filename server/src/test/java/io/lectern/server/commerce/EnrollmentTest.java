package io.lectern.server.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Wallets;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Enrolling in free and paid courses, idempotent retries, coupons, refunds and concurrency. */
class EnrollmentTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static Wallets wallets;
    private static String ada;
    private static String freeCourse;
    private static String paidCourse;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        wallets = new Wallets(http, studio.accounts());
        studio.categories("programming");
        ada = studio.user("ada.sells@example.com", "Ada Sells", Role.INSTRUCTOR);
        freeCourse = studio.publishedCourse(ada, "Free course", "programming", 2).path("id").asText();
        paidCourse = studio.publishedCourse(ada, "Paid course", "programming", 2, "pricing", "ONE_TIME",
                "priceMinor", 4900).path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void freeCoursesEnrollAtOnceAndOpenTheirLessons() {
        String learner = studio.user("fred.free@example.com", "Fred", Role.STUDENT);
        String lesson = secondLesson(freeCourse);
        assertEquals(403, http.get("/api/v1/lessons/" + lesson, learner).status());
        Http.Response r = enroll(learner, freeCourse, null, null);
        assertEquals(201, r.status(), r.raw().body());
        assertEquals("FREE", r.json().path("source").asText());
        assertEquals(200, http.get("/api/v1/lessons/" + lesson, learner).status());
        Http.Response again = enroll(learner, freeCourse, null, null);
        assertEquals(409, again.status());
        assertEquals("enrollment.exists", again.json().path("code").asText());
        assertEquals(r.json().path("id").asText(), again.json().path("context").path("enrollmentId").asText());
        JsonNode mine = http.get("/api/v1/me/enrollments", learner).json().path("items");
        assertEquals(List.of("Free course"), Studio.texts(mine, "courseTitle"));
        java.util.concurrent.atomic.AtomicInteger fresh = new java.util.concurrent.atomic.AtomicInteger(30);
        assertTrue(Accounts.waitFor(() -> http.get("/api/v1/courses?q=free+course&limit=" + fresh.incrementAndGet()).json()
                .path("items").get(0).path("enrollmentCount").asInt() >= 1 ? true : null, "the enrollment count"));
    }

    @Test
    void aShortWalletIs402WithTheShortfallAndNothingChanges() {
        String learner = studio.user("sue.short@example.com", "Sue", Role.STUDENT);
        wallets.fund(learner, 1000);
        Http.Response r = enroll(learner, paidCourse, null, "short-" + UUID.randomUUID());
        assertEquals(402, r.status());
        assertEquals("wallet.insufficient_funds", r.json().path("code").asText());
        assertEquals(3900, r.json().path("context").path("shortfallMinor").asLong());
        assertEquals(1000, wallets.balance(learner));
        assertTrue(http.get("/api/v1/me/enrollments", learner).json().path("items").isEmpty());
    }

    @Test
    void aRetriedPurchaseWithTheSameKeyPaysOnce() {
        String learner = studio.user("rob.retry@example.com", "Rob", Role.STUDENT);
        wallets.fund(learner, 10_000);
        String key = "retry-" + UUID.randomUUID();
        Http.Response first = enroll(learner, paidCourse, null, key);
        assertEquals(201, first.status(), first.raw().body());
        Http.Response retry = enroll(learner, paidCourse, null, key);
        assertEquals(201, retry.status());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.json().path("id").asText(), retry.json().path("id").asText());
        assertEquals(10_000 - 4900, wallets.balance(learner));
        Http.Response again = enroll(learner, paidCourse, null, "again-" + UUID.randomUUID());
        assertEquals(409, again.status(), "already enrolled, even though the wallet could not pay again");
        assertEquals("enrollment.exists", again.json().path("code").asText());
        Http.Response reused = enroll(learner, freeCourse, null, key);
        assertEquals(422, reused.status());
        assertEquals("idempotency.key_reused", reused.json().path("code").asText());
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
    }

    @Test
    void fiftyConcurrentRetriesOfOnePurchasePayOnceAndAllGetItsAnswer() throws Exception {
        String learner = studio.user("rita.retries@example.com", "Rita", Role.STUDENT);
        wallets.fund(learner, 10_000);
        String key = "same-" + UUID.randomUUID();
        List<Http.Response> answers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                pool.submit(() -> {
                    go.await();
                    answers.add(enroll(learner, paidCourse, null, key));
                    return null;
                });
            }
            go.countDown();
        }
        assertEquals(List.of(201), answers.stream().map(Http.Response::status).distinct().toList());
        assertEquals(1, answers.stream().map(a -> a.json().path("id").asText()).distinct().count());
        assertEquals(49, answers.stream().filter(a -> "true".equals(a.header("Idempotent-Replayed"))).count());
        assertEquals(10_000 - 4900, wallets.balance(learner));
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
    }

    @Test
    void aKeyWhoseRequestFailedCanBeUsedAgainOnceTheProblemIsFixed() {
        String learner = studio.user("fix.it@example.com", "Felix", Role.STUDENT);
        wallets.fund(learner, 1000);
        String key = "fixed-" + UUID.randomUUID();
        assertEquals(402, enroll(learner, paidCourse, null, key).status());
        wallets.fund(learner, 3900);
        Http.Response paid = enroll(learner, paidCourse, null, key);
        assertEquals(201, paid.status(), paid.raw().body());
        assertNull(paid.header("Idempotent-Replayed"));
        assertEquals(0, wallets.balance(learner));
    }

    @Test
    void couponsDiscountWithinTheirLimits() {
        http.post("/api/v1/coupons", Http.json("code", "HALF-" + "PAID", "kind", "PERCENT", "value", 50, "courseId",
                paidCourse, "maxUses", 1), ada);
        String learner = studio.user("cora.coupon@example.com", "Cora", Role.STUDENT);
        wallets.fund(learner, 5000);
        Http.Response r = enroll(learner, paidCourse, "half-paid", "coupon-" + UUID.randomUUID());
        assertEquals(201, r.status(), r.raw().body());
        assertEquals(2450, r.json().path("paid").path("amountMinor").asLong());
        assertEquals(2450, r.json().path("discount").path("amountMinor").asLong());
        String other = studio.user("otto.coupon@example.com", "Otto", Role.STUDENT);
        wallets.fund(other, 5000);
        Http.Response usedUp = enroll(other, paidCourse, "HALF-PAID", null);
        assertEquals(422, usedUp.status());
        assertEquals("used_up", usedUp.json().path("errors").get(0).path("rule").asText());
        assertEquals(5000, wallets.balance(other));
        Http.Response unknown = enroll(other, paidCourse, "NOPE", null);
        assertEquals("unknown", unknown.json().path("errors").get(0).path("rule").asText());
    }

    @Test
    void instructorsMakeCouponsOnlyForTheirOwnCourses() {
        String bob = studio.user("bob.other@example.com", "Bob Other", Role.INSTRUCTOR);
        assertEquals(403, http.post("/api/v1/coupons", Http.json("code", "STEAL", "kind", "FIXED", "value", 100,
                "courseId", paidCourse), bob).status());
        assertEquals(400, http.post("/api/v1/coupons", Http.json("code", "GLOBAL", "kind", "FIXED", "value", 100), bob)
                .status());
        assertEquals(201, http.post("/api/v1/coupons", Http.json("code", "GLOBAL10", "kind", "PERCENT", "value", 10),
                studio.accounts().adminToken()).status());
    }

    @Test
    void aRefundReturnsTheMoneyAndEndsAccess() {
        String learner = studio.user("rhea.refund@example.com", "Rhea", Role.STUDENT);
        wallets.fund(learner, 4900);
        String enrollment = enroll(learner, paidCourse, null, null).json().path("id").asText();
        assertEquals(0, wallets.balance(learner));
        assertEquals(200, http.get("/api/v1/lessons/" + secondLesson(paidCourse), learner).status());
        Http.Response refund = http.post("/api/v1/enrollments/" + enrollment + "/refund", Http.json("reason", "asked"), ada);
        assertEquals(200, refund.status(), refund.raw().body());
        assertEquals("REFUNDED", refund.json().path("status").asText());
        assertEquals(4900, wallets.balance(learner));
        assertEquals(403, http.get("/api/v1/lessons/" + secondLesson(paidCourse), learner).status());
        assertEquals(409, http.post("/api/v1/enrollments/" + enrollment + "/refund", null, ada).status());
        String stranger = studio.user("ivan.instructor@example.com", "Ivan", Role.INSTRUCTOR);
        assertEquals(403, http.post("/api/v1/enrollments/" + enrollment + "/refund", null, stranger).status());
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
    }

    /** The receipt is issued by the outbox just after the purchase; a refund at that moment issues it too, once. */
    @Test
    void refundsRightAfterPurchasesEachGetACreditNoteWhileTheOutboxIssuesReceipts() throws Exception {
        List<java.util.concurrent.Callable<Http.Response>> buyAndRefund = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String learner = studio.user("quick" + i + ".refund@example.com", "Quick " + i, Role.STUDENT);
            wallets.fund(learner, 4900);
            buyAndRefund.add(() -> {
                String enrollment = enroll(learner, paidCourse, null, null).json().path("id").asText();
                return http.post("/api/v1/enrollments/" + enrollment + "/refund", Http.json("reason", "at once"), ada);
            });
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (var done : pool.invokeAll(buyAndRefund)) {
                Http.Response refund = done.get();
                assertEquals(200, refund.status(), refund.raw().body());
            }
        }
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
    }

    @Test
    void twoHundredConcurrentPurchasesAgainstOneWalletEnrollOnce() throws Exception {
        String learner = studio.user("conny.concurrent@example.com", "Conny", Role.STUDENT);
        List<String> courses = List.of(paidCourse,
                studio.publishedCourse(ada, "Paid two", "programming", 1, "pricing", "ONE_TIME", "priceMinor", 4900)
                        .path("id").asText(),
                studio.publishedCourse(ada, "Paid three", "programming", 1, "pricing", "ONE_TIME", "priceMinor", 4900)
                        .path("id").asText());
        wallets.fund(learner, 4900);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                String course = courses.get(i % courses.size());
                String key = "burst-" + i;
                pool.submit(() -> {
                    go.await();
                    statuses.computeIfAbsent(enroll(learner, course, null, key).status(), s -> new AtomicInteger())
                            .incrementAndGet();
                    return null;
                });
            }
            go.countDown();
        }
        assertEquals(1, statuses.get(201).get(), statuses.toString());
        int refused = statuses.entrySet().stream().filter(e -> e.getKey() == 402 || e.getKey() == 409)
                .mapToInt(e -> e.getValue().get()).sum();
        assertEquals(199, refused, statuses.toString());
        assertEquals(0, wallets.balance(learner));
        assertEquals(1, http.get("/api/v1/me/enrollments", learner).json().path("items").size());
        JsonNode check = wallets.ledgerCheck();
        assertTrue(check.path("balanced").asBoolean(), check.toString());
    }

    static Http.Response enroll(String token, String courseId, String coupon, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/courses/" + courseId + "/enroll"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(coupon == null ? "{}" : Http.json("couponCode", coupon)));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b);
    }

    private static String secondLesson(String courseId) {
        return http.get("/api/v1/courses/" + courseId).json().path("sections").get(0).path("lessons").get(1).path("id")
                .asText();
    }
}
