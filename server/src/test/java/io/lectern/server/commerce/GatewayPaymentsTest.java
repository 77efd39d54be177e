package io.lectern.server.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.PaymentProviderStandIn;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Wallets;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wallet top-ups through Stripe, Razorpay and PayStack: checkouts against a local stand-in speaking their APIs, and webhooks
 * signed exactly as each provider documents, delivered through the real endpoint: verified, deduplicated by event
 * id, applied once however often and in whatever order they arrive; unsigned calls are refused.
 */
class GatewayPaymentsTest {

    private static PaymentProviderStandIn providers;
    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static Wallets wallets;

    @BeforeAll
    static void start() throws Exception {
        providers = new PaymentProviderStandIn();
        String base = providers.base().toString();
        CommerceSettings commerce = CommerceSettings.DEFAULTS
                .withStripe(new CommerceSettings.Gateway("", PaymentProviderStandIn.STRIPE_SECRET,
                        PaymentProviderStandIn.STRIPE_WEBHOOK_SECRET, base, "http://localhost/api/v1/payments/return"))
                .withRazorpay(new CommerceSettings.Gateway(PaymentProviderStandIn.RAZORPAY_KEY_ID,
                        PaymentProviderStandIn.RAZORPAY_KEY_SECRET, PaymentProviderStandIn.RAZORPAY_WEBHOOK_SECRET, base,
                        ""))
                .withPaystack(new CommerceSettings.Gateway("", PaymentProviderStandIn.PAYSTACK_SECRET,
                        PaymentProviderStandIn.PAYSTACK_SECRET, base, "http://localhost/api/v1/payments/return"));
        server = TestServer.start(TestServer.relaxedConfig().withModule(commerce), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        wallets = new Wallets(http, studio.accounts());
    }

    @AfterAll
    static void stop() {
        server.close();
        providers.close();
    }

    private static JsonNode checkout(String token, String provider, long amount) {
        Http.Response r = http.post("/api/v1/payments/checkout", Http.json("provider", provider, "amountMinor", amount),
                token);
        assertEquals(201, r.status(), r.raw().body());
        return r.json();
    }

    private static Http.Response stripeWebhook(String payload, String signature) {
        return signedWebhook("stripe", "Stripe-Signature", payload, signature);
    }

    /** Posts a webhook to our endpoint for {@code provider}, with its signature header when one is given. */
    private static Http.Response signedWebhook(String provider, String header, String payload, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/payments/webhooks/" + provider))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            b.header(header, signature);
        }
        return http.send(b);
    }

    private static Http.Response razorpayWebhook(String payload, String eventId) {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/payments/webhooks/razorpay"))
                .header("Content-Type", "application/json")
                .header("X-Razorpay-Signature", PaymentProviderStandIn.razorpaySignature(payload,
                        PaymentProviderStandIn.RAZORPAY_WEBHOOK_SECRET))
                .header("X-Razorpay-Event-Id", eventId).POST(HttpRequest.BodyPublishers.ofString(payload)));
    }

    private static Http.Response paystackWebhook(String payload, String signature) {
        return signedWebhook("paystack", "x-paystack-signature", payload, signature);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void aStripeCheckoutIsPaidOnceItsSignedWebhookArrives() {
        String learner = studio.user("sally.stripe@example.com", "Sally", Role.STUDENT);
        JsonNode c = checkout(learner, "stripe", 2500);
        assertTrue(c.path("redirectUrl").asText().startsWith("https://checkout.stripe.com/"));
        Map<String, String> sent = providers.stripeSessions().getLast();
        assertEquals("2500", sent.get("line_items[0][price_data][unit_amount]"));
        assertEquals("usd", sent.get("line_items[0][price_data][currency]"));
        assertEquals(c.path("paymentId").asText(), sent.get("client_reference_id"));
        String payload = PaymentProviderStandIn.stripeCompleted("evt_sally_1", c.path("providerRef").asText(),
                c.path("paymentId").asText(), 2500, "USD");
        Http.Response r = stripeWebhook(payload, PaymentProviderStandIn.stripeSignature(payload, now(),
                PaymentProviderStandIn.STRIPE_WEBHOOK_SECRET));
        assertEquals(200, r.status(), r.raw().body());
        Accounts.waitFor(() -> wallets.balance(learner) == 2500 ? true : null, "the top-up");
        assertEquals("PAID", http.get("/api/v1/payments/" + c.path("paymentId").asText(), learner).json().path("status")
                .asText());
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
    }

    @Test
    void unsignedForgedOrStaleWebhooksAreRefusedAndLogged() {
        String learner = studio.user("fred.forged@example.com", "Fred", Role.STUDENT);
        JsonNode c = checkout(learner, "stripe", 5000);
        String payload = PaymentProviderStandIn.stripeCompleted("evt_forged", c.path("providerRef").asText(),
                c.path("paymentId").asText(), 5000, "USD");
        assertEquals(400, stripeWebhook(payload, null).status());
        assertEquals("webhook.rejected", stripeWebhook(payload, PaymentProviderStandIn.stripeSignature(payload, now(),
                "whsec_wrong_secret")).json().path("code").asText());
        assertEquals(400, stripeWebhook(payload, PaymentProviderStandIn.stripeSignature(payload, now() - 3600,
                PaymentProviderStandIn.STRIPE_WEBHOOK_SECRET)).status(), "an hour old: a replay");
        String tampered = payload.replace("5000", "9000");
        assertEquals(400, stripeWebhook(tampered, PaymentProviderStandIn.stripeSignature(payload, now(),
                PaymentProviderStandIn.STRIPE_WEBHOOK_SECRET)).status());
        assertEquals(0, wallets.balance(learner));
        assertTrue(Accounts.waitFor(() -> http.get("/api/v1/admin/audit?action=commerce.webhook.rejected",
                studio.accounts().adminToken()).json().path("items").size() >= 4 ? true : null, "the audit entries"));
    }

    @Test
    void theSameWebhookAHundredTimesConcurrentlyAndOutOfOrderCreditsOnce() throws Exception {
        String learner = studio.user("dora.dupes@example.com", "Dora", Role.STUDENT);
        JsonNode c = checkout(learner, "stripe", 3000);
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            payloads.add(PaymentProviderStandIn.stripeCompleted("evt_dora_" + (i % 7), c.path("providerRef").asText(),
                    c.path("paymentId").asText(), 3000, "USD"));
        }
        Collections.shuffle(payloads);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String p : payloads) {
                pool.submit(() -> {
                    go.await();
                    int status = stripeWebhook(p, PaymentProviderStandIn.stripeSignature(p, now(),
                            PaymentProviderStandIn.STRIPE_WEBHOOK_SECRET)).status();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    return null;
                });
            }
            go.countDown();
        }
        assertEquals(100, statuses.get(200).get(), statuses.toString());
        Accounts.waitFor(() -> wallets.balance(learner) == 3000 ? true : null, "the top-up");
        Thread.sleep(500);
        assertEquals(3000, wallets.balance(learner), "credited once");
        JsonNode check = wallets.ledgerCheck();
        assertTrue(check.path("balanced").asBoolean(), check.toString());
    }

    @Test
    void razorpayOrdersArePaidByTheirSignedCaptureEvent() {
        String learner = studio.user("ravi.razorpay@example.com", "Ravi", Role.STUDENT);
        JsonNode c = checkout(learner, "razorpay", 40000);
        assertEquals(PaymentProviderStandIn.RAZORPAY_KEY_ID, c.path("keyId").asText());
        assertEquals(40000, providers.razorpayOrders().getLast().path("amount").asLong());
        String order = c.path("providerRef").asText();
        String captured = PaymentProviderStandIn.razorpayCaptured("pay_ravi", order, 40000, "USD",
                c.path("paymentId").asText());
        assertEquals(200, razorpayWebhook(captured, "evt_rzp_1").status());
        assertEquals(true, razorpayWebhook(captured, "evt_rzp_1").json().path("duplicate").asBoolean());
        Accounts.waitFor(() -> wallets.balance(learner) == 40000 ? true : null, "the top-up");
        Http.Response forged = http.send(HttpRequest.newBuilder(server.baseUri().resolve(
                "/api/v1/payments/webhooks/razorpay")).header("X-Razorpay-Signature", "00ff")
                .POST(HttpRequest.BodyPublishers.ofString(captured)));
        assertEquals(400, forged.status());
    }

    @Test
    void aWebhookReportingAnotherAmountCreditsNothing() {
        String learner = studio.user("mia.mismatch@example.com", "Mia", Role.STUDENT);
        JsonNode c = checkout(learner, "stripe", 1000);
        String payload = PaymentProviderStandIn.stripeCompleted("evt_mia", c.path("providerRef").asText(),
                c.path("paymentId").asText(), 100_000, "USD");
        assertEquals(200, stripeWebhook(payload, PaymentProviderStandIn.stripeSignature(payload, now(),
                PaymentProviderStandIn.STRIPE_WEBHOOK_SECRET)).status());
        Accounts.waitFor(() -> http.get("/api/v1/admin/audit?action=commerce.payment.mismatch",
                studio.accounts().adminToken()).json().path("items").size() > 0 ? true : null, "the mismatch entry");
        assertEquals(0, wallets.balance(learner));
    }

    @Test
    void badCheckoutsAreRefused() {
        String learner = studio.user("bea.bad@example.com", "Bea", Role.STUDENT);
        assertEquals("one_of", http.post("/api/v1/payments/checkout", Http.json("provider", "paypal", "amountMinor", 500),
                learner).json().path("errors").get(0).path("rule").asText());
        assertEquals("range", http.post("/api/v1/payments/checkout", Http.json("provider", "stripe", "amountMinor", 1),
                learner).json().path("errors").get(0).path("rule").asText());
        assertEquals(404, http.post("/api/v1/payments/webhooks/paypal", "{}", null).status());
        assertEquals(List.of("paystack", "razorpay", "stripe"), Studio.strings(http.get("/api/v1/payments/providers").json()
                .path("items")));
    }

    @Test
    void aPaystackTopUpSignedChargeSuccessDeliveredManyTimesConcurrentlyCreditsOnce() throws Exception {
        String learner = studio.user("pat.paystack@example.com", "Pat", Role.STUDENT);
        JsonNode c = checkout(learner, "paystack", 7500);
        String paymentId = c.path("paymentId").asText();
        assertTrue(c.path("redirectUrl").asText().startsWith("https://checkout.paystack.com/"), c.toString());
        assertEquals(paymentId, c.path("providerRef").asText(), "our payment id is the PayStack reference");
        JsonNode sent = providers.paystackTransactions().getLast();
        assertEquals("pat.paystack@example.com", sent.path("email").asText());
        assertEquals(7500, sent.path("amount").asLong());
        assertEquals("USD", sent.path("currency").asText());
        assertEquals(paymentId, sent.path("metadata").path("lectern_payment_id").asText());
        assertTrue(sent.path("callback_url").asText().startsWith("http://localhost/api/v1/payments/return?payment="));
        String payload = PaymentProviderStandIn.paystackChargeSuccess(4099260516L, paymentId, 7500, "USD");
        String signature = PaymentProviderStandIn.paystackSignature(payload, PaymentProviderStandIn.PAYSTACK_SECRET);
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                pool.submit(() -> {
                    go.await();
                    Http.Response r = paystackWebhook(payload, signature);
                    String key = r.status() + ":" + r.json().path("duplicate").asBoolean();
                    answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    return null;
                });
            }
            go.countDown();
        }
        assertEquals(1, answers.getOrDefault("200:false", new AtomicInteger()).get(), answers.toString());
        assertEquals(39, answers.getOrDefault("200:true", new AtomicInteger()).get(), answers.toString());
        Accounts.waitFor(() -> wallets.balance(learner) == 7500 ? true : null, "the top-up");
        Thread.sleep(500);
        assertEquals(7500, wallets.balance(learner), "credited once");
        assertEquals("PAID", http.get("/api/v1/payments/" + paymentId, learner).json().path("status").asText());
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
    }

    @Test
    void paystackWebhooksUnsignedOrWronglySignedAreRefusedAndUnknownEventsCreditNothing() throws Exception {
        String learner = studio.user("uma.unsigned@example.com", "Uma", Role.STUDENT);
        String paymentId = checkout(learner, "paystack", 6000).path("paymentId").asText();
        String payload = PaymentProviderStandIn.paystackChargeSuccess(5100000001L, paymentId, 6000, "USD");
        assertEquals(400, paystackWebhook(payload, null).status());
        assertEquals("webhook.rejected", paystackWebhook(payload, PaymentProviderStandIn.paystackSignature(payload,
                "sk_test_wrong_key")).json().path("code").asText());
        assertEquals(400, paystackWebhook(payload, PaymentProviderStandIn.razorpaySignature(payload,
                PaymentProviderStandIn.PAYSTACK_SECRET)).status(), "SHA-256 is not how PayStack signs");
        String tampered = payload.replace("6000", "9000");
        assertEquals(400, paystackWebhook(tampered, PaymentProviderStandIn.paystackSignature(payload,
                PaymentProviderStandIn.PAYSTACK_SECRET)).status());
        String unknown = PaymentProviderStandIn.paystackEvent("charge.dispute.create", "pending", 5100000001L,
                paymentId, 6000, "USD");
        Http.Response ignored = paystackWebhook(unknown, PaymentProviderStandIn.paystackSignature(unknown,
                PaymentProviderStandIn.PAYSTACK_SECRET));
        assertEquals(200, ignored.status(), ignored.raw().body());
        String failed = PaymentProviderStandIn.paystackEvent("charge.success", "failed", 5100000002L, paymentId, 6000,
                "USD");
        assertEquals(200, paystackWebhook(failed, PaymentProviderStandIn.paystackSignature(failed,
                PaymentProviderStandIn.PAYSTACK_SECRET)).status());
        Thread.sleep(1000);
        assertEquals(0, wallets.balance(learner));
        assertEquals("CREATED", http.get("/api/v1/payments/" + paymentId, learner).json().path("status").asText());
        assertTrue(Accounts.waitFor(() -> http.get("/api/v1/admin/audit?action=commerce.webhook.rejected",
                studio.accounts().adminToken()).json().path("items").findValuesAsText("targetId").stream()
                .filter("paystack"::equals).count() >= 4 ? true : null, "the audit entries"));
        assertEquals(200, paystackWebhook(payload, PaymentProviderStandIn.paystackSignature(payload,
                PaymentProviderStandIn.PAYSTACK_SECRET)).status());
        Accounts.waitFor(() -> wallets.balance(learner) == 6000 ? true : null, "the genuine charge");
    }
}
