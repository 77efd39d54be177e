package io.lectern.server.commerce.internal.payout;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Payout;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over commerce.payouts and commerce.payout_accounts. */
public final class PayoutStore {

    private static final String SELECT = "SELECT id, instructor_id, amount_minor, currency, status, account_masked, "
            + "requested_at, decided_at, paid_at, reference, note FROM commerce.payouts";

    /**
     * A payout account as stored.
     *
     * @param details   the bank details, encrypted
     * @param masked    as shown
     * @param updatedAt last change
     */
    record Account(byte[] details, String masked, Instant updatedAt) {
    }

    /**
     * Where a payout goes, as stored.
     *
     * @param instructorId whom it pays
     * @param amount       minor units
     * @param currency     currency
     * @param status       its status
     * @param encrypted    the bank details it keeps, encrypted, or null once paid or rejected
     */
    record Destination(UUID instructorId, long amount, String currency, String status, byte[] encrypted) {
    }

    /** Stores an instructor's bank details, replacing any before. */
    void saveAccount(DbExecute tx, UUID instructorId, byte[] details, String masked, Instant now) {
        tx.insert("""
                INSERT INTO commerce.payout_accounts (instructor_id, details_encrypted, masked, updated_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (instructor_id) DO UPDATE SET details_encrypted = EXCLUDED.details_encrypted,
                       masked = EXCLUDED.masked, updated_at = EXCLUDED.updated_at""",
                instructorId, details, masked, Rows.param(now));
    }

    Optional<Account> account(DbExecute db, UUID instructorId) {
        return db.get("SELECT details_encrypted, masked, updated_at FROM commerce.payout_accounts "
                + "WHERE instructor_id = ?", instructorId).map(r -> new Account((byte[]) Rows.value(r,
                "details_encrypted"), Rows.text(r, "masked"), Rows.instant(r, "updated_at")));
    }

    /** A requested payout keeping the bank details its instructor has now. */
    void insert(DbExecute tx, UUID id, UUID instructorId, long amount, String currency, String masked, Instant now) {
        tx.insert("""
                INSERT INTO commerce.payouts (id, instructor_id, amount_minor, currency, status, account_masked,
                                              requested_at, destination_encrypted)
                VALUES (?, ?, ?, ?, 'REQUESTED', ?, ?,
                        (SELECT details_encrypted FROM commerce.payout_accounts WHERE instructor_id = ?))""", id,
                instructorId, amount, currency, masked, Rows.param(now), instructorId);
    }

    void approve(DbExecute tx, UUID id, Instant now, UUID adminId, String note) {
        tx.update("UPDATE commerce.payouts SET status = 'APPROVED', decided_at = ?, decided_by = ?, note = ? "
                + "WHERE id = ?", Rows.param(now), adminId, note, id);
    }

    void reject(DbExecute tx, UUID id, Instant now, UUID adminId, String note) {
        tx.update("UPDATE commerce.payouts SET status = 'REJECTED', decided_at = ?, decided_by = ?, note = ? "
                + "WHERE id = ?", Rows.param(now), adminId, note, id);
    }

    /** Marks a payout paid and forgets where it went. */
    void markPaid(DbExecute tx, UUID id, Instant now, String reference) {
        tx.update("UPDATE commerce.payouts SET status = 'PAID', paid_at = ?, reference = ?, "
                + "destination_encrypted = NULL WHERE id = ?", Rows.param(now), reference, id);
    }

    Optional<Destination> destination(DbExecute tx, UUID id) {
        return tx.get("SELECT instructor_id, amount_minor, currency, status, destination_encrypted FROM "
                + "commerce.payouts WHERE id = ?", id).map(r -> new Destination(Rows.uuid(r, "instructor_id"),
                Rows.number(r, "amount_minor"), Rows.text(r, "currency"), Rows.text(r, "status"),
                (byte[]) Rows.value(r, "destination_encrypted")));
    }

    Optional<Payout> find(DbExecute db, UUID id) {
        return db.get(SELECT + " WHERE id = ?", id).map(PayoutStore::row);
    }

    /** The payout, locked until the transaction ends. */
    Optional<Payout> lock(DbExecute tx, UUID id) {
        return tx.get(SELECT + " WHERE id = ? FOR UPDATE", id).map(PayoutStore::row);
    }

    List<Payout> ofInstructor(DbExecute db, UUID instructorId) {
        try (var rows = db.query(SELECT + " WHERE instructor_id = ? ORDER BY requested_at DESC", instructorId)) {
            return rows.map(PayoutStore::row).toList();
        }
    }

    /** Newest first, of one status or all. */
    List<Payout> all(DbExecute db, Optional<String> status, int limit) {
        try (var rows = db.query(SELECT + " WHERE (?::text IS NULL OR status = ?::text) "
                + "ORDER BY requested_at DESC LIMIT ?", status.orElse(null), status.orElse(null), limit)) {
            return rows.map(PayoutStore::row).toList();
        }
    }

    /** What an instructor was paid out in all. */
    long paidOut(DbExecute db, UUID instructorId) {
        return db.get("SELECT coalesce(sum(amount_minor), 0) AS n FROM commerce.payouts WHERE instructor_id = ? "
                + "AND status = 'PAID'", instructorId).map(r -> Rows.number(r, "n")).orElse(0L);
    }

    /** Whether a payout to the instructor is requested or approved but not paid yet. */
    public boolean hasPayoutOnItsWay(DbExecute tx, UUID instructorId) {
        return tx.get("SELECT 1 FROM commerce.payouts WHERE instructor_id = ? AND status IN ('REQUESTED', 'APPROVED') "
                + "LIMIT 1", instructorId).isPresent();
    }

    /** An instructor's payout account, masked (data export). */
    public List<Map<String, Object>> exportAccount(DbExecute db, UUID instructorId) {
        return Rows.maps(db, "SELECT masked, updated_at FROM commerce.payout_accounts WHERE "
                + "instructor_id = ?", instructorId);
    }

    /** An instructor's payouts (data export). */
    public List<Map<String, Object>> exportPayouts(DbExecute db, UUID instructorId) {
        return Rows.maps(db, "SELECT id, amount_minor, currency, status, account_masked, requested_at, "
                + "decided_at, paid_at, reference FROM commerce.payouts WHERE instructor_id = ? ORDER BY requested_at",
                instructorId);
    }

    /** The payouts an admin decided (data export). */
    public List<Map<String, Object>> exportDecisions(DbExecute db, UUID adminId) {
        return Rows.maps(db, "SELECT id, status, decided_at FROM commerce.payouts WHERE decided_by = ? "
                + "ORDER BY decided_at", adminId);
    }

    /** Forgets an instructor's bank details (account deletion). */
    public void eraseFor(DbExecute tx, UUID instructorId) {
        tx.dml("DELETE FROM commerce.payout_accounts WHERE instructor_id = ?", instructorId);
    }

    private static Payout row(DbRow r) {
        return new Payout(Rows.uuid(r, "id"), Rows.uuid(r, "instructor_id"), new Money(Rows.number(r, "amount_minor"),
                Rows.text(r, "currency")), Rows.text(r, "status"), Rows.text(r, "account_masked"),
                Rows.instant(r, "requested_at"), Rows.instant(r, "decided_at"), Rows.instant(r, "paid_at"),
                Rows.text(r, "reference"), Rows.text(r, "note"), null);
    }
}
