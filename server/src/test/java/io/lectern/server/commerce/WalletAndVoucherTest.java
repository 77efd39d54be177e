package io.lectern.server.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.commerce.VoucherCodeFormat;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Wallets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Voucher batches, redemption into wallets, the wallet history and the ledger check. */
class WalletAndVoucherTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static Wallets wallets;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        wallets = new Wallets(http, studio.accounts());
        admin = studio.accounts().adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void batchesExportReadableCodesWithValidCheckSymbols() {
        String batch = wallets.batch(25, 1000);
        List<String> codes = wallets.codes(batch);
        assertEquals(25, codes.size());
        assertEquals(25, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}-[0-9A-Z]$"), code);
            assertTrue(VoucherCodeFormat.problem(code).isEmpty(), code);
        }
        JsonNode view = http.get("/api/v1/admin/voucher-batches/" + batch, admin).json();
        assertEquals(25, view.path("count").asInt());
        assertEquals(0, view.path("redeemed").asInt());
    }

    @Test
    void redeemingCreditsTheWalletOnceAndShowsInTheHistory() {
        String learner = studio.user("rita.redeem@example.com", "Rita", Role.STUDENT);
        String code = wallets.codes(wallets.batch(1, 2500)).getFirst();
        JsonNode result = http.post("/api/v1/wallet/redeem", Http.json("code", code.toLowerCase().replace("-", " ")),
                learner).json();
        assertEquals(2500, result.path("credited").path("amountMinor").asLong());
        assertEquals(2500, wallets.balance(learner));
        Http.Response again = http.post("/api/v1/wallet/redeem", Http.json("code", code), learner);
        assertEquals(409, again.status());
        assertEquals("voucher.redeemed", again.json().path("code").asText());
        JsonNode history = http.get("/api/v1/wallet/transactions", learner).json().path("items");
        assertEquals(1, history.size());
        assertEquals("VOUCHER", history.get(0).path("kind").asText());
        assertEquals(2500, history.get(0).path("amountMinor").asLong());
        assertTrue(wallets.ledgerCheck().path("balanced").asBoolean());
    }

    @Test
    void typosAreCaughtBeforeAnyLookupAndUnknownCodesAre404() {
        String learner = studio.user("tom.typo@example.com", "Tom", Role.STUDENT);
        String code = wallets.codes(wallets.batch(1, 100)).getFirst();
        char wrong = code.charAt(0) == '7' ? '8' : '7';
        Http.Response typo = http.post("/api/v1/wallet/redeem", Http.json("code", wrong + code.substring(1)), learner);
        assertEquals(400, typo.status());
        assertEquals("check", typo.json().path("errors").get(0).path("rule").asText());
        String payload = "0".repeat(VoucherCodeFormat.PAYLOAD_SYMBOLS);
        Http.Response unknown = http.post("/api/v1/wallet/redeem", Http.json("code", VoucherCodeFormat.format(payload)),
                learner);
        assertEquals(404, unknown.status());
        assertEquals("voucher.unknown", unknown.json().path("code").asText());
        assertEquals(0, wallets.balance(learner));
    }

    @Test
    void revokedBatchesStopWorking() {
        String learner = studio.user("ruth.revoked@example.com", "Ruth", Role.STUDENT);
        String batch = wallets.batch(2, 500);
        String code = wallets.codes(batch).getFirst();
        assertEquals(200, http.post("/api/v1/admin/voucher-batches/" + batch + "/revoke", null, admin).status());
        Http.Response r = http.post("/api/v1/wallet/redeem", Http.json("code", code), learner);
        assertEquals(410, r.status());
        assertEquals("voucher.revoked", r.json().path("code").asText());
        assertEquals(409, http.post("/api/v1/admin/voucher-batches/" + batch + "/revoke", null, admin).status());
    }

    @Test
    void badBatchesAreRefused() {
        Http.Response r = http.post("/api/v1/admin/voucher-batches", Http.json("count", 0, "amountMinor", -1,
                "expiresAt", "2001-01-01T00:00:00Z"), admin);
        assertEquals(400, r.status());
        Map<String, String> rules = new java.util.HashMap<>();
        r.json().path("errors").forEach(e -> rules.put(e.path("field").asText(), e.path("rule").asText()));
        assertEquals(Map.of("count", "range", "amountMinor", "range", "expiresAt", "future"), rules);
    }

    @Test
    void aHundredConcurrentRedemptionsOfOneCodeCreditOnce() throws Exception {
        List<String> learners = List.of(studio.user("c1.redeem@example.com", "C1", Role.STUDENT),
                studio.user("c2.redeem@example.com", "C2", Role.STUDENT),
                studio.user("c3.redeem@example.com", "C3", Role.STUDENT),
                studio.user("c4.redeem@example.com", "C4", Role.STUDENT));
        String code = wallets.codes(wallets.batch(1, 7000)).getFirst();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                String token = learners.get(i % learners.size());
                pool.submit(() -> {
                    go.await();
                    int status = http.post("/api/v1/wallet/redeem", Http.json("code", code), token).status();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    return null;
                });
            }
            go.countDown();
        }
        assertEquals(1, statuses.get(200).get(), statuses.toString());
        assertEquals(99, statuses.get(409).get(), statuses.toString());
        assertEquals(7000, learners.stream().mapToLong(wallets::balance).sum());
        JsonNode check = wallets.ledgerCheck();
        assertTrue(check.path("balanced").asBoolean(), check.toString());
        assertEquals(0, check.path("sum").asLong());
    }

    @Test
    void walletsAreForSignedInUsersOnly() {
        assertEquals(401, http.get("/api/v1/wallet").status());
        assertEquals(403, http.get("/api/v1/admin/ledger/check", studio.user("nosy@example.com", "Nosy",
                Role.STUDENT)).status());
        assertFalse(http.get("/api/v1/admin/voucher-batches", admin).json().path("items").isEmpty());
    }
}
