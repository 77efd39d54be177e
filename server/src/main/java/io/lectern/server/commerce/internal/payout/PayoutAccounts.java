package io.lectern.server.commerce.internal.payout;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lectern.model.commerce.PayoutAccount;
import io.lectern.model.commerce.PayoutAccountInput;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import io.lectern.server.platform.security.SecretBox;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where instructors are paid: bank details are checked (IBAN mod 97, or account number with routing code), kept
 * encrypted at rest (AES-GCM with the server's secret key) and only ever shown masked.
 */
public final class PayoutAccounts {

    private final Database db;
    private final Clock clock;
    private final Json json;
    private final SecretBox secrets;
    private final AuditService audit;
    private final PayoutStore store = new PayoutStore();

    public PayoutAccounts(Database db, Clock clock, Json json, SecretBox secrets, AuditService audit) {
        this.db = db;
        this.clock = clock;
        this.json = json;
        this.secrets = secrets;
        this.audit = audit;
    }

    public PayoutAccount save(Principal p, PayoutAccountInput in, String ip) {
        String iban = in.iban() == null ? null : in.iban().replace(" ", "").toUpperCase(Locale.ROOT);
        String account = in.accountNumber() == null ? null : in.accountNumber().replace(" ", "");
        new Validation().required("holderName", in.holderName())
                .check(in.holderName() == null || in.holderName().strip().length() >= 2 && in.holderName().length() <= 100,
                        "holderName", "length", "holderName must be 2 to 100 characters.")
                .check(iban != null || account != null, "iban", "required", "Give an IBAN, or an account number.")
                .check(iban == null || validIban(iban), "iban", "checksum", "This IBAN is not valid; check it for typos.")
                .check(account == null || account.matches("^[0-9]{4,34}$"), "accountNumber", "format",
                        "accountNumber must be 4 to 34 digits.")
                .check(account == null || in.routingCode() != null && in.routingCode().matches("^[A-Za-z0-9]{2,20}$"),
                        "routingCode", "format", "Give the routing, sort or IFSC code (2 to 20 letters and digits).")
                .maxLength("bankName", in.bankName(), 100).throwIfInvalid();
        String masked = iban != null ? maskIban(iban) : "•••• " + account.substring(account.length() - 4);
        byte[] details;
        try {
            details = secrets.encrypt(json.objectMapper().writeValueAsBytes(new PayoutAccountInput(
                    in.holderName().strip(), iban, account, in.routingCode(), in.bankName())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.doInTransaction(tx -> {
            store.saveAccount(tx, p.userId(), details, masked, clock.instant());
            audit.record(tx, new AuditRecord(p.userId(), "commerce.payout_account.changed", "user",
                    p.userId().toString(), ip, Map.of("masked", masked)));
        });
        return find(p.userId()).orElseThrow();
    }

    public Optional<PayoutAccount> find(UUID instructorId) {
        return store.account(db.execute(), instructorId).map(a -> new PayoutAccount(holder(a.details()), a.masked(),
                a.updatedAt()));
    }

    public PayoutAccount require(UUID instructorId) {
        return find(instructorId).orElseThrow(() -> new ApiException(409, "payout.no_account",
                "Add the bank account payouts go to first (PUT /api/v1/instructor/payout-account)."));
    }

    private String holder(byte[] encrypted) {
        return read(encrypted).holderName();
    }

    /** Stored (encrypted) bank details, in full. */
    PayoutAccountInput read(byte[] encrypted) {
        try {
            return json.objectMapper().readValue(new String(secrets.decrypt(encrypted), StandardCharsets.UTF_8),
                    PayoutAccountInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payout account is not valid", e);
        }
    }

    static boolean validIban(String iban) {
        if (!iban.matches("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static String maskIban(String iban) {
        return iban.substring(0, 4) + " •••• •••• " + iban.substring(iban.length() - 4);
    }
}
