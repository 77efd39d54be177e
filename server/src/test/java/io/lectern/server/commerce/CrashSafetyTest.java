package io.lectern.server.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.PaymentProviderStandIn;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Wallets;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a crash cannot do to money: a failure after the wallet debit but before the enrollment row takes the debit
 * with it (one transaction), and a paid webhook accepted by a server that dies before applying it is applied by
 * the next server on the same database, once.
 */
class CrashSafetyTest {

    private static PaymentProviderStandIn providers;
    private static LecternConfig config;

    @BeforeAll
    static void start() throws Exception {
        providers = new PaymentProviderStandIn();
        String base = providers.base().toString();
        config = TestServer.relaxedConfig().withModule(CommerceSettings.DEFAULTS.withStripe(new CommerceSettings.Gateway(
                "", PaymentProviderStandIn.STRIPE_SECRET, PaymentProviderStandIn.STRIPE_WEBHOOK_SECRET, base,
                "http://localhost/api/v1/payments/return")));
    }

    @AfterAll
    static void stop() {
        providers.close();
    }

    private static void sql(String statement) throws SQLException {
        LecternConfig.DatabaseSettings db = config.database().orElseThrow();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aFailureAfterTheDebitTakesTheDebitWithItAndARetryPaysOnce() throws Exception {
        try (LecternServer server = TestServer.start(config, routes -> { })) {
            Http http = new Http(server.baseUri());
            Studio studio = new Studio(server, http);
            Wallets wallets = new Wallets(http, studio.accounts());
            studio.categories("programming");
            String ada = studio.user("ada.crash@example.com", "Ada Crash", Role.INSTRUCTOR);
            String course = studio.publishedCourse(ada, "Crash course", "programming", 1, "pricing", "ONE_TIME",
                    "priceMinor", 1500).path("id").asText();
            String learner = studio.user("lou.crash@example.com", "Lou", Role.STUDENT);
            wallets.fund(learner, 2000);
            // The ledger posting runs before the enrollment row is written: make that write fail, as a crash would.
            sql("""
                    CREATE FUNCTION commerce.crash() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN RAISE EXCEPTION 'simulated crash after the debit'; END $$;
                    CREATE TRIGGER crash BEFORE INSERT ON commerce.enrollments FOR EACH ROW EXECUTE FUNCTION commerce.crash();
                    """);
            Http.Response failed = enroll(http, server, course, learner);
            assertEquals(500, failed.status());
            assertTrue(!failed.raw().body().contains("simulated"), "no internal message reaches the client");
            assertEquals(2000, wallets.balance(learner), "the debit went with the failed enrollment");
            assertTrue(http.get("/api/v1/me/enrollments", learner).json().path("items").isEmpty());
            assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());

            sql("DROP TRIGGER crash ON commerce.enrollments; DROP FUNCTION commerce.crash();");
            Http.Response retried = enroll(http, server, course, learner);
            assertEquals(201, retried.status(), retried.raw().body());
            assertEquals(500, wallets.balance(learner));
        }
    }

    @Test
    void aWebhookAcceptedByAServerThatDiesIsAppliedByTheNextOneOnce() {
        String learner;
        String paymentId;
        String payload;
        // First server: the outbox polls only once a minute, so it stops before delivering the accepted webhook.
        try (LecternServer first = TestServer.start(config.withOutboxPoll(Duration.ofMinutes(1)), routes -> { })) {
            Http http = new Http(first.baseUri());
            Studio studio = new Studio(first, http);
            learner = studio.user("wes.webhook@example.com", "Wes", Role.STUDENT);
            Http.Response checkout = http.post("/api/v1/payments/checkout", Http.json("provider", "stripe", "amountMinor",
                    3000), learner);
            assertEquals(201, checkout.status(), checkout.raw().body());
            paymentId = checkout.json().path("paymentId").asText();
            payload = PaymentProviderStandIn.stripeCompleted("evt_wes_1", checkout.json().path("providerRef").asText(),
                    paymentId, 3000, "USD");
            assertEquals(200, webhook(http, first, payload).status());
            assertTrue(!"PAID".equals(http.get("/api/v1/payments/" + paymentId, learner).json().path("status").asText()),
                    "accepted, not yet applied");
        }
        try (LecternServer next = TestServer.start(config, routes -> { })) {
            Http http = new Http(next.baseUri());
            Wallets wallets = new Wallets(http, new Studio(next, http).accounts());
            Accounts.waitFor(() -> wallets.balance(learner) == 3000 ? true : null, "the accepted webhook applied");
            assertEquals(200, webhook(http, next, payload).status(), "a redelivery is acknowledged");
            assertEquals("PAID", http.get("/api/v1/payments/" + paymentId, learner).json().path("status").asText());
            assertEquals(3000, wallets.balance(learner), "and applied once");
            assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
        }
    }

    @Test
    void theDatabaseItselfRefusesEntriesThatDoNotBalance() {
        try (LecternServer server = TestServer.start(config, routes -> { })) {
            SQLException refused = assertThrows(SQLException.class, () -> sql("""
                    WITH t AS (INSERT INTO commerce.transactions (id, kind, memo, created_at)
                               VALUES (gen_random_uuid(), 'FORGED', 'money from nowhere', now()) RETURNING id)
                    INSERT INTO commerce.entries (transaction_id, account_id, amount, created_at)
                    SELECT t.id, a.id, 5000, now() FROM t, commerce.accounts a WHERE a.kind = 'PLATFORM_REVENUE'"""));
            assertTrue(refused.getMessage().contains("does not balance"), refused.getMessage());
            assertTrue(new Wallets(new Http(server.baseUri()), new Studio(server, new Http(server.baseUri())).accounts())
                    .ledgerCheck().path("balanced").asBoolean());
        }
    }

    private static Http.Response enroll(Http http, LecternServer server, String course, String token) {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/courses/" + course + "/enroll"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "crash-1").POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static Http.Response webhook(Http http, LecternServer server, String payload) {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/payments/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", PaymentProviderStandIn.stripeSignature(payload,
                        System.currentTimeMillis() / 1000, PaymentProviderStandIn.STRIPE_WEBHOOK_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(payload)));
    }
}
