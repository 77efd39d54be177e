package io.lectern.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Money for tests, through the real API: voucher batches made by the admin, redeemed into wallets. */
public final class Wallets {

    private final Http http;
    private final Accounts accounts;

    public Wallets(Http http, Accounts accounts) {
        this.http = http;
        this.accounts = accounts;
    }

    /** A new batch; returns its id. */
    public String batch(int count, long amountMinor) {
        Http.Response r = http.post("/api/v1/admin/voucher-batches", Http.json("count", count, "amountMinor",
                amountMinor, "note", "test batch"), accounts.adminToken());
        assertEquals(201, r.status(), r.raw().body());
        return r.json().path("id").asText();
    }

    /** The codes of a batch from its CSV export. */
    public List<String> codes(String batchId) {
        Http.Response csv = http.get("/api/v1/admin/voucher-batches/" + batchId + "/codes.csv", accounts.adminToken());
        assertEquals(200, csv.status());
        return csv.raw().body().lines().skip(1).map(l -> l.split(",")[0]).toList();
    }

    /** Puts {@code amountMinor} into the user's wallet with a fresh one-code voucher. */
    public JsonNode fund(String token, long amountMinor) {
        String code = codes(batch(1, amountMinor)).getFirst();
        Http.Response r = http.post("/api/v1/wallet/redeem", Http.json("code", code), token);
        assertEquals(200, r.status(), r.raw().body());
        return r.json();
    }

    public long balance(String token) {
        return http.get("/api/v1/wallet", token).json().path("balance").path("amountMinor").asLong();
    }

    public JsonNode ledgerCheck() {
        return http.get("/api/v1/admin/ledger/check", accounts.adminToken()).json();
    }
}
