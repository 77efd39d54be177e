package io.lectern.server.commerce.internal.wallet;

import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.RedeemResult;
import io.lectern.model.commerce.VoucherBatch;
import io.lectern.model.commerce.VoucherBatchRequest;
import io.lectern.model.commerce.VoucherCodeFormat;
import io.lectern.model.common.FieldViolation;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.Leg;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Voucher codes: admins make batches (random 80-bit codes with a check symbol), export and revoke them; learners
 * redeem a code once into their wallet. Redemption locks the code's row, so concurrent attempts credit once.
 */
public final class Vouchers {

    static final int MAX_BATCH = 10_000;
    static final RateLimiter.Limit REDEEM = new RateLimiter.Limit("voucher-redeem", 10, Duration.ofMinutes(10),
            "voucher.rate_limited");

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final Ledger ledger;
    private final SecretBox secrets;
    private final RateLimiter limits;
    private final AuditService audit;
    private final VoucherStore repo = new VoucherStore();
    private final SecureRandom random = new SecureRandom();

    public Vouchers(Database db, Clock clock, Ids ids, Ledger ledger, SecretBox secrets, RateLimiter limits, AuditService audit) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.ledger = ledger;
        this.secrets = secrets;
        this.limits = limits;
        this.audit = audit;
    }

    public VoucherBatch createBatch(Principal admin, VoucherBatchRequest in, String ip) {
        Instant now = clock.instant();
        new Validation().required("count", in.count()).required("amountMinor", in.amountMinor())
                .check(in.count() == null || in.count() >= 1 && in.count() <= MAX_BATCH, "count", "range",
                        "count must be 1 to " + MAX_BATCH + ".")
                .check(in.amountMinor() == null || in.amountMinor() >= 1 && in.amountMinor() <= 10_000_000, "amountMinor",
                        "range", "amountMinor must be 1 to 10000000.")
                .check(in.expiresAt() == null || in.expiresAt().isAfter(now), "expiresAt", "future",
                        "expiresAt must be in the future.")
                .maxLength("note", in.note(), 200).throwIfInvalid();
        UUID id = ids.next();
        List<VoucherStore.NewCode> codes = new ArrayList<>(in.count());
        for (int i = 0; i < in.count(); i++) {
            String code = newPayload();
            codes.add(new VoucherStore.NewCode(ids.next(), i, secrets.hmac("voucher:" + code),
                    secrets.encrypt(code.getBytes(StandardCharsets.US_ASCII))));
        }
        db.doInTransaction(tx -> {
            repo.insertBatch(tx, id, in.count(), in.amountMinor(), ledger.currency(), in.expiresAt(),
                    in.note() == null ? "" : in.note().strip(), admin.userId(), now);
            repo.insertCodes(tx, id, codes);
            audit.record(tx, record(admin, "commerce.voucher_batch.created", id, ip).with("count", in.count().toString())
                    .with("amountMinor", in.amountMinor().toString()));
        });
        return batch(id);
    }

    public VoucherBatch batch(UUID id) {
        return repo.batch(db.execute(), id).orElseThrow(() -> ApiException.notFound("This voucher batch"));
    }

    public List<VoucherBatch> batches(int limit) {
        return repo.batches(db.execute(), limit);
    }

    /** The batch's codes as CSV (code, value, currency, expires, redeemed); the export is audited. */
    public String csv(Principal admin, UUID id, String ip) {
        VoucherBatch b = batch(id);
        StringBuilder out = new StringBuilder("code,amount_minor,currency,expires_at,redeemed\n");
        for (var row : repo.codes(db.execute(), id)) {
            String code = new String(secrets.decrypt((byte[]) Rows.value(row, "code_encrypted")), StandardCharsets.US_ASCII);
            out.append(VoucherCodeFormat.format(code)).append(',').append(b.amount().amountMinor()).append(',')
                    .append(b.amount().currency()).append(',').append(b.expiresAt() == null ? "" : b.expiresAt())
                    .append(',').append(Rows.value(row, "redeemed_at") != null).append('\n');
        }
        audit.record(record(admin, "commerce.voucher_batch.exported", id, ip));
        return out.toString();
    }

    public VoucherBatch revoke(Principal admin, UUID id, String ip) {
        batch(id); // 404 for an unknown batch, read before the transaction takes its connection
        db.doInTransaction(tx -> {
            if (!repo.revoke(tx, id, admin.userId(), clock.instant())) {
                throw new ApiException(409, "voucher_batch.revoked", "This batch is already revoked.");
            }
            audit.record(tx, record(admin, "commerce.voucher_batch.revoked", id, ip));
        });
        return batch(id);
    }

    /** Credits the code's value to the learner's wallet, once per code. */
    public RedeemResult redeem(Principal user, String typed, String ip) {
        limits.consume(REDEEM, user.userId().toString());
        VoucherCodeFormat.problem(typed).ifPresent(problem -> {
            throw ApiException.invalid(List.of(new FieldViolation("code", "check", problem)));
        });
        String code = VoucherCodeFormat.normalise(typed).substring(0, VoucherCodeFormat.PAYLOAD_SYMBOLS);
        Instant now = clock.instant();
        long credited = db.inTransaction(tx -> {
            VoucherStore.Code v = repo.lockByHmac(tx, secrets.hmac("voucher:" + code))
                    .orElseThrow(() -> new ApiException(404, "voucher.unknown", "No voucher has this code."));
            VoucherBatch b = repo.batch(tx, v.batchId()).orElseThrow();
            if (v.redeemedBy() != null) {
                throw new ApiException(409, "voucher.redeemed", v.redeemedBy().equals(user.userId())
                        ? "You already redeemed this voucher." : "This voucher was already redeemed.");
            }
            if (b.revokedAt() != null) {
                throw new ApiException(410, "voucher.revoked", "This voucher was withdrawn; ask whoever gave it to you.");
            }
            if (b.expiresAt() != null && !b.expiresAt().isAfter(now)) {
                throw new ApiException(410, "voucher.expired", "This voucher expired on " + b.expiresAt() + ".");
            }
            long amount = b.amount().amountMinor();
            UUID txId = ledger.post(tx, "VOUCHER", v.id().toString(), user.userId(), "Voucher " + code.substring(0, 4)
                    + "…", List.of(new Leg(ledger.account(tx, AccountKind.VOUCHER_FLOAT, null), AccountKind.VOUCHER_FLOAT,
                    -amount), new Leg(ledger.account(tx, AccountKind.WALLET, user.userId()), AccountKind.WALLET, amount)));
            repo.markRedeemed(tx, v.id(), user.userId(), txId, now);
            audit.record(tx, new AuditRecord(user.userId(), "commerce.voucher.redeemed", "voucher_batch",
                    b.id().toString(), ip, Map.of("amountMinor", Long.toString(amount))));
            return amount;
        });
        String currency = ledger.currency();
        return new RedeemResult(new Money(credited, currency),
                new Money(ledger.balance(db.execute(), AccountKind.WALLET, user.userId()), currency));
    }

    private String newPayload() {
        StringBuilder payload = new StringBuilder(VoucherCodeFormat.PAYLOAD_SYMBOLS);
        for (int i = 0; i < VoucherCodeFormat.PAYLOAD_SYMBOLS; i++) {
            payload.append(VoucherCodeFormat.ALPHABET.charAt(random.nextInt(32)));
        }
        return payload.toString();
    }

    private static AuditRecord record(Principal admin, String action, UUID batchId, String ip) {
        return new AuditRecord(admin.userId(), action, "voucher_batch", batchId.toString(), ip, Map.of());
    }
}
