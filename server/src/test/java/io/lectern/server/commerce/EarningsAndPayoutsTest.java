package io.lectern.server.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Wallets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tax, revenue share, receipts, refunds reversing the share, earnings becoming available after the refund window,
 * and payouts requested, approved, rejected and paid; the ledger balances throughout.
 */
class EarningsAndPayoutsTest {

    private static final Duration WINDOW = Duration.ofSeconds(3);

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static Wallets wallets;
    private static String admin;

    @BeforeAll
    static void start() {
        LecternConfig config = TestServer.relaxedConfig();
        config = config.withModule(CommerceSettings.DEFAULTS.withTaxRate(1900).withRefundWindow(WINDOW)
                .withPayoutThreshold(1000));
        server = TestServer.start(config, routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        wallets = new Wallets(http, studio.accounts());
        admin = studio.accounts().adminToken();
        studio.categories("business");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String paidCourse(String instructor, String title, long price) {
        return studio.publishedCourse(instructor, title, "business", 1, "pricing", "ONE_TIME", "priceMinor", price)
                .path("id").asText();
    }

    private static JsonNode buy(String learner, String course) {
        return buy(learner, course, "{}");
    }

    private static JsonNode buy(String learner, String course, String body) {
        Http.Response r = http.post("/api/v1/courses/" + course + "/enroll", body, learner);
        assertEquals(201, r.status(), r.raw().body());
        return r.json();
    }

    private static JsonNode receipt(String learner) {
        return Accounts.waitFor(() -> {
            JsonNode items = http.get("/api/v1/me/invoices", learner).json().path("items");
            return items.isEmpty() ? null : items.get(0);
        }, "the receipt");
    }

    /** Downloads an invoice's PDF as its buyer and reads its text back with PDFBox. */
    private static String pdfText(JsonNode invoice, String buyer) throws Exception {
        HttpResponse<byte[]> pdf = http.client().send(HttpRequest.newBuilder(server.baseUri()
                .resolve(invoice.path("pdfUrl").asText())).header("Authorization", "Bearer " + buyer).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aReceiptShowsTheListPriceAndTheCoupon() throws Exception {
        String ivo = studio.user("ivo.coupon@example.com", "Ivo Coupon", Role.INSTRUCTOR);
        String course = paidCourse(ivo, "Discounted course", 3000);
        assertEquals(201, http.post("/api/v1/coupons", Http.json("code", "TENOFF", "kind", "FIXED", "value", 1000,
                "courseId", course), ivo).status());
        String learner = studio.user("dee.coupon@example.com", "Dee Coupon", Role.STUDENT);
        wallets.fund(learner, 2000);
        buy(learner, course, Http.json("couponCode", "tenoff"));
        String text = pdfText(receipt(learner), learner);
        assertTrue(text.contains("List price 30.00 USD, coupon TENOFF −10.00 USD"), text);
        assertTrue(text.contains("20.00 USD"), text);
    }

    @Test
    void staffFindTheSaleToRefundAndTheRefundIssuesACreditNote() throws Exception {
        String ria = studio.user("ria.refund@example.com", "Ria Refund", Role.INSTRUCTOR);
        String course = paidCourse(ria, "Refundable course", 11900);
        String learner = studio.user("dora.refund@example.com", "Dora Refundseeker", Role.STUDENT);
        wallets.fund(learner, 11900);
        buy(learner, course);
        String receiptNumber = receipt(learner).path("number").asText();
        JsonNode found = http.get("/api/v1/courses/" + course + "/sales?q=refundseek", ria).json().path("items");
        assertEquals(1, found.size(), found.toString());
        JsonNode sale = found.get(0);
        assertEquals("Dora Refundseeker", sale.path("learnerName").asText());
        assertTrue(sale.path("refundable").asBoolean());
        assertTrue(sale.path("learnerEmail").isMissingNode(), "instructors see names, not addresses");
        assertEquals(receiptNumber, sale.path("receipt").asText());
        assertEquals(0, http.get("/api/v1/courses/" + course + "/sales?q=nobody-like-this", ria).json().path("items")
                .size());
        String other = studio.user("otto.refund@example.com", "Otto Refund", Role.INSTRUCTOR);
        assertEquals(403, http.get("/api/v1/courses/" + course + "/sales", other).status(), "not their course");
        JsonNode byAdmin = http.get("/api/v1/admin/sales?q=dora.refund@example.com", admin).json().path("items");
        assertEquals("dora.refund@example.com", byAdmin.get(0).path("learnerEmail").asText());

        Http.Response refund = http.post("/api/v1/enrollments/" + sale.path("enrollmentId").asText() + "/refund",
                Http.json("reason", "Bought the wrong level"), ria);
        assertEquals(200, refund.status(), refund.raw().body());
        JsonNode after = http.get("/api/v1/courses/" + course + "/sales?status=refunded", ria).json().path("items")
                .get(0);
        assertFalse(after.path("refundable").asBoolean());
        JsonNode invoices = http.get("/api/v1/me/invoices", learner).json().path("items");
        assertEquals(2, invoices.size(), invoices.toString());
        JsonNode note = invoices.get(0);
        assertEquals("CREDIT_NOTE", note.path("kind").asText());
        assertEquals(receiptNumber, note.path("credits").asText(), "it names the receipt it credits");
        assertEquals(after.path("creditNote").asText(), note.path("number").asText());
        assertEquals(-11900, note.path("total").path("amountMinor").asLong());
        String text = pdfText(note, learner);
        assertTrue(text.contains("Credit note " + note.path("number").asText()), text);
        assertTrue(text.contains("credits invoice " + receiptNumber), text);
        assertTrue(text.contains("\u2212119.00 USD") && text.contains("Bought the wrong level"), text);
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
    }

    @Test
    void aSaleDeliveredAgainToTheReceiptListenerGetsNoSecondReceipt() throws Exception {
        String ian = studio.user("ian.again@example.com", "Ian Again", Role.INSTRUCTOR);
        String course = paidCourse(ian, "Delivered twice", 1500);
        String learner = studio.user("lou.again@example.com", "Lou Again", Role.STUDENT);
        wallets.fund(learner, 1500);
        JsonNode enrollment = buy(learner, course);
        JsonNode first = receipt(learner);
        // the outbox delivers at least once: the same sale reaches the receipt listener a second time
        UUID learnerId = UUID.fromString(http.get("/api/v1/me", learner).json().path("id").asText());
        var sale = new EnrollmentCreated(UUID.fromString(enrollment.path("id").asText()),
                learnerId, UUID.fromString(course), "PURCHASE", 1500, enrollment.path("tax").path("amountMinor").asLong(),
                "USD", Instant.now());
        var db = server.platform().db();
        db.execute().insert("INSERT INTO platform.outbox (id, event_type, listener, payload) VALUES (?, ?, ?, ?::jsonb)",
                UUID.randomUUID(), sale.getClass().getName(), "commerce.invoice-on-sale",
                server.platform().json().objectMapper().writeValueAsString(sale));
        Accounts.waitFor(() -> db.execute().get("SELECT count(*) AS n FROM platform.outbox")
                .map(r -> Rows.number(r, "n")).filter(n -> n == 0).orElse(null), "the outbox to deliver it");
        JsonNode items = http.get("/api/v1/me/invoices", learner).json().path("items");
        assertEquals(1, items.size(), items.toString());
        assertEquals(first.path("number").asText(), items.get(0).path("number").asText());
    }

    private static JsonNode earnings(String instructor) {
        return http.get("/api/v1/instructor/earnings", instructor).json();
    }

    @Test
    void aSaleSplitsIntoTaxTheInstructorsPendingShareAndAReceipt() throws Exception {
        String ines = studio.user("ines.split@example.com", "Ines Split", Role.INSTRUCTOR);
        String course = paidCourse(ines, "Tax and shares", 4410);
        String learner = studio.user("lea.split@example.com", "Lea Learner", Role.STUDENT);
        wallets.fund(learner, 5000);
        JsonNode enrollment = buy(learner, course);
        assertEquals(704, enrollment.path("tax").path("amountMinor").asLong(), "19 % contained in 44.10");
        JsonNode e = earnings(ines);
        assertEquals(2594, e.path("pending").path("amountMinor").asLong(), "70 % of the 37.06 net, rounded down");
        assertEquals(1, e.path("byCourse").get(0).path("sales").asLong());

        JsonNode invoice = receipt(learner);
        assertTrue(invoice.path("number").asText().matches("LEC-\\d{4}-\\d{6}"), invoice.toString());
        assertEquals(4410, invoice.path("total").path("amountMinor").asLong());
        String text = pdfText(invoice, learner);
        for (String expected : List.of(invoice.path("number").asText(), "Lea Learner", "Course: Tax and shares", "37.06",
                "VAT 19 %", "7.04", "44.10")) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        String stranger = studio.user("nosy.split@example.com", "Nosy", Role.STUDENT);
        assertEquals(404, http.get(invoice.path("pdfUrl").asText(), stranger).status());
        assertEquals(invoice.path("id").asText(), Accounts.waitFor(() -> http.get("/api/v1/me/enrollments", learner)
                .json().path("items").get(0).path("invoiceId").asText(null), "the enrollment to name its invoice"));
    }

    @Test
    void aRefundInsideTheWindowReversesTheShare() {
        String rita = studio.user("rita.refund@example.com", "Rita Refund", Role.INSTRUCTOR);
        String course = paidCourse(rita, "Refundable course", 2000);
        String learner = studio.user("rob.refund@example.com", "Rob", Role.STUDENT);
        wallets.fund(learner, 2000);
        String enrollment = buy(learner, course).path("id").asText();
        assertTrue(earnings(rita).path("pending").path("amountMinor").asLong() > 0);
        assertEquals(200, http.post("/api/v1/enrollments/" + enrollment + "/refund", "{}", admin).status());
        assertEquals(0, earnings(rita).path("pending").path("amountMinor").asLong());
        assertEquals(1, earnings(rita).path("byCourse").get(0).path("refunds").asLong());
        assertEquals(2000, wallets.balance(learner));
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
    }

    /** Pending shares are summed from the ledger (no balance row to queue on): exact under concurrent sales and refunds. */
    @Test
    void concurrentSalesAndRefundsOfOneCourseKeepPendingExact() throws Exception {
        String cora = studio.user("cora.concurrent@example.com", "Cora Concurrent", Role.INSTRUCTOR);
        String course = paidCourse(cora, "Launch day course", 1190);
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String learner = studio.user("launch" + i + "@example.com", "Launch " + i, Role.STUDENT);
            wallets.fund(learner, 1190);
            learners.add(learner);
        }
        List<String> enrollments = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            learners.forEach(l -> pool.submit(() -> enrollments.add(buy(l, course).path("id").asText())));
        }
        assertEquals(20, enrollments.size());
        List<Long> numbers = new ArrayList<>(); // receipts issued together by the outbox: one each, numbers unbroken
        for (String learner : learners) {
            numbers.add(Long.parseLong(receipt(learner).path("number").asText().replaceAll(".*-", "")));
            assertEquals(1, http.get("/api/v1/me/invoices", learner).json().path("items").size());
        }
        java.util.Collections.sort(numbers);
        assertEquals(19, numbers.getLast() - numbers.getFirst(), numbers.toString());
        assertEquals(20, new java.util.HashSet<>(numbers).size(), numbers.toString());
        long share = earnings(cora).path("pending").path("amountMinor").asLong() / 20;
        assertTrue(share > 0);
        java.util.concurrent.atomic.AtomicInteger refunded = new java.util.concurrent.atomic.AtomicInteger();
        List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (String e : enrollments.subList(0, 10)) {
                for (int twice = 0; twice < 2; twice++) { // the same refund twice at once: one of them moves money
                    pool.submit(() -> {
                        Http.Response r = http.post("/api/v1/enrollments/" + e + "/refund", "{}", admin);
                        answers.add(r.status() + " " + r.json().path("code").asText());
                        if (r.status() == 200) {
                            refunded.incrementAndGet();
                        }
                    });
                }
            }
        }
        assertEquals(10, refunded.get(), answers.toString());
        assertEquals(10 * share, earnings(cora).path("pending").path("amountMinor").asLong());
        JsonNode check = wallets.ledgerCheck();
        assertTrue(check.path("balanced").asBoolean(), check.toString());
        assertEquals(0, check.path("negativeAccounts").asLong());
    }

    @Test
    void afterTheWindowSharesBecomeAvailableAndArePaidOut() throws Exception {
        String paul = studio.user("paul.payout@example.com", "Paul Payout", Role.INSTRUCTOR);
        String course = paidCourse(paul, "Payout course", 11900);
        String learner = studio.user("lars.payout@example.com", "Lars", Role.STUDENT);
        wallets.fund(learner, 11900 * 2);
        String first = buy(learner, course).path("id").asText();
        Http.Response tooEarly = http.post("/api/v1/instructor/payouts", "{}", paul);
        assertEquals(409, tooEarly.status(), "no account yet");
        assertEquals("payout.no_account", tooEarly.json().path("code").asText());
        Http.Response badIban = http.call("PUT", "/api/v1/instructor/payout-account", Http.json("holderName", "Paul Payout",
                "iban", "DE89 3704 0044 0532 0130 01"), paul);
        assertEquals("checksum", badIban.json().path("errors").get(0).path("rule").asText());
        JsonNode account = http.call("PUT", "/api/v1/instructor/payout-account", Http.json("holderName", "Paul Payout",
                "iban", "DE89 3704 0044 0532 0130 00"), paul).json();
        assertEquals("DE89 •••• •••• 3000", account.path("masked").asText());
        assertEquals("payout.below_threshold", http.post("/api/v1/instructor/payouts", "{}", paul).json().path("code")
                .asText(), "everything is still pending");

        Thread.sleep(WINDOW.toMillis() + 500);
        assertEquals(409, http.post("/api/v1/enrollments/" + first + "/refund", "{}", admin).status(), "window closed");
        JsonNode e = earnings(paul);
        assertEquals(7000, e.path("available").path("amountMinor").asLong());
        assertEquals(0, e.path("pending").path("amountMinor").asLong());

        JsonNode payout = http.post("/api/v1/instructor/payouts", Http.json("amountMinor", 5000), paul).json();
        assertEquals("REQUESTED", payout.path("status").asText());
        assertEquals("Paul Payout", payout.path("instructorName").asText(), "the answer names the instructor");
        assertEquals(2000, earnings(paul).path("available").path("amountMinor").asLong());
        assertEquals(5000, earnings(paul).path("onHold").path("amountMinor").asLong());
        String id = payout.path("id").asText();
        assertEquals(409, http.post("/api/v1/admin/payouts/" + id + "/paid", Http.json("reference", "TX-1"), admin)
                .status(), "approve first");
        assertEquals("APPROVED", http.post("/api/v1/admin/payouts/" + id + "/approve", "{}", admin).json()
                .path("status").asText());
        assertEquals("required", http.post("/api/v1/admin/payouts/" + id + "/paid", "{}", admin).json().path("errors")
                .get(0).path("rule").asText());
        JsonNode paid = http.post("/api/v1/admin/payouts/" + id + "/paid", Http.json("reference", "SEPA-4711"), admin)
                .json();
        assertEquals("PAID", paid.path("status").asText());
        assertEquals(5000, earnings(paul).path("paid").path("amountMinor").asLong());
        assertEquals(0, earnings(paul).path("onHold").path("amountMinor").asLong());

        String rejected = http.post("/api/v1/instructor/payouts", "{}", paul).json().path("id").asText();
        assertEquals(0, earnings(paul).path("available").path("amountMinor").asLong());
        assertEquals("REJECTED", http.post("/api/v1/admin/payouts/" + rejected + "/reject", Http.json("note",
                "Bank details need checking"), admin).json().path("status").asText());
        assertEquals(2000, earnings(paul).path("available").path("amountMinor").asLong(), "money back to available");
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
        List<String> actions = List.of("commerce.payout.requested", "commerce.payout.approved", "commerce.payout.paid",
                "commerce.payout.rejected");
        for (String action : actions) {
            assertTrue(Accounts.waitFor(() -> http.get("/api/v1/admin/audit?action=" + action, admin).json()
                    .path("items").size() > 0 ? true : null, action));
        }
    }

    @Test
    void anAdminSeesWhereAPayoutGoesAfterProvingWhoTheyAreAndTheInstructorIsTold() throws Exception {
        String pia = studio.user("pia.payout@example.com", "Pia Payout", Role.INSTRUCTOR);
        String learner = studio.user("leo.payout@example.com", "Leo", Role.STUDENT);
        wallets.fund(learner, 11900 * 2);
        buy(learner, paidCourse(pia, "Destination course", 11900));
        buy(learner, paidCourse(pia, "Second destination course", 11900));
        http.call("PUT", "/api/v1/instructor/payout-account", Http.json("holderName", "Pia P. Payout", "iban",
                "DE89 3704 0044 0532 0130 00", "bankName", "Commerzbank"), pia);
        Thread.sleep(WINDOW.toMillis() + 500);
        String first = http.post("/api/v1/instructor/payouts", Http.json("amountMinor", 7000), pia).json().path("id")
                .asText();
        http.call("PUT", "/api/v1/instructor/payout-account", Http.json("holderName", "Pia Payout", "iban",
                "GB82 WEST 1234 5698 7654 32"), pia);
        JsonNode listed = http.get("/api/v1/admin/payouts?status=requested", admin).json().path("items");
        assertTrue(Studio.texts(listed, "instructorName").contains("Pia Payout"), listed.toString());
        Http.Response wrong = http.post("/api/v1/admin/payouts/" + first + "/destination", Http.json("password",
                "not the admin password"), admin);
        assertEquals(403, wrong.status(), wrong.raw().body());
        JsonNode where = http.post("/api/v1/admin/payouts/" + first + "/destination", Http.json("password",
                "admin-password-for-tests"), admin).json();
        assertEquals("DE89370400440532013000", where.path("iban").asText(), "the account as it was when asked: " + where);
        assertEquals("Pia P. Payout", where.path("holderName").asText());
        assertEquals("Commerzbank", where.path("bankName").asText());
        assertEquals(7000, where.path("amount").path("amountMinor").asLong());
        assertTrue(Accounts.waitFor(() -> http.get("/api/v1/admin/audit?action=commerce.payout.destination_viewed",
                admin).json().path("items").size() > 0 ? true : null, "the audited view"));
        http.post("/api/v1/admin/payouts/" + first + "/approve", "{}", admin);
        http.post("/api/v1/admin/payouts/" + first + "/paid", Http.json("reference", "SEPA-0815"), admin);
        assertEquals(409, http.post("/api/v1/admin/payouts/" + first + "/destination", Http.json("password",
                "admin-password-for-tests"), admin).status(), "a paid payout no longer carries bank details");
        assertTrue(studio.accounts().latestMail("pia.payout@example.com", "on its way").contains("SEPA-0815"));
        String second = http.post("/api/v1/instructor/payouts", "{}", pia).json().path("id").asText();
        http.post("/api/v1/admin/payouts/" + second + "/reject", Http.json("note", "The IBAN's bank is closed"), admin);
        assertTrue(studio.accounts().latestMail("pia.payout@example.com", "not made").contains("bank is closed"));
    }

    @Test
    void aCourseOverrideBeatsTheInstructorOverrideWhichBeatsTheDefault() {
        String olga = studio.user("olga.override@example.com", "Olga", Role.INSTRUCTOR);
        String olgaId = studio.userId(olga);
        String course = paidCourse(olga, "Override course", 10000);
        assertEquals(200, http.call("PUT", "/api/v1/admin/revenue-shares/instructors/" + olgaId,
                Http.json("instructorPercent", 80), admin).status());
        assertEquals(80, http.get("/api/v1/admin/revenue-shares/courses/" + course, admin).json()
                .path("effectivePercent").asInt());
        JsonNode share = http.call("PUT", "/api/v1/admin/revenue-shares/courses/" + course,
                Http.json("instructorPercent", 50), admin).json();
        assertEquals(50, share.path("effectivePercent").asInt());
        String learner = studio.user("lou.override@example.com", "Lou", Role.STUDENT);
        wallets.fund(learner, 10000);
        buy(learner, course);
        long net = 10000 - Math.round(10000 * 1900.0 / 11900);
        assertEquals(net * 50 / 100, earnings(olga).path("pending").path("amountMinor").asLong());
        assertEquals(400, http.call("PUT", "/api/v1/admin/revenue-shares/courses/" + course,
                Http.json("instructorPercent", 101), admin).status());
        assertEquals(403, http.call("PUT", "/api/v1/admin/revenue-shares/courses/" + course,
                Http.json("instructorPercent", 99), olga).status());
    }
}
