package io.lectern.server.commerce.internal.wallet;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.VoucherBatch;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over voucher batches and their codes: commerce.voucher_batches and commerce.vouchers. */
public final class VoucherStore {

    private static final String BATCH = """
            SELECT b.id, b.count, b.amount_minor, b.currency, b.expires_at, b.note, b.created_at, b.revoked_at,
                   (SELECT count(*) FROM commerce.vouchers v WHERE v.batch_id = b.id AND v.redeemed_at IS NOT NULL)
                       AS redeemed
              FROM commerce.voucher_batches b
            """;
    private static final int ROWS_PER_INSERT = 500;

    /**
     * A code as stored.
     *
     * @param id         voucher id
     * @param batchId    its batch
     * @param redeemedBy who redeemed it, or null
     */
    record Code(UUID id, UUID batchId, UUID redeemedBy) {
    }

    /**
     * A code ready to store.
     *
     * @param id        voucher id
     * @param position  place in the batch
     * @param hmac      lookup key
     * @param encrypted the code, encrypted
     */
    record NewCode(UUID id, int position, String hmac, byte[] encrypted) {
    }

    void insertBatch(DbExecute tx, UUID id, int count, long amount, String currency, Instant expiresAt, String note,
                     UUID createdBy, Instant now) {
        tx.insert("""
                INSERT INTO commerce.voucher_batches (id, count, amount_minor, currency, expires_at, note, created_by,
                                                      created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", id, count, amount, currency, Rows.param(expiresAt), note, createdBy,
                Rows.param(now));
    }

    /** Stores codes a few hundred per statement. */
    void insertCodes(DbExecute tx, UUID batchId, List<NewCode> codes) {
        for (int from = 0; from < codes.size(); from += ROWS_PER_INSERT) {
            List<NewCode> chunk = codes.subList(from, Math.min(codes.size(), from + ROWS_PER_INSERT));
            Sql sql = new Sql("INSERT INTO commerce.vouchers (id, batch_id, position, code_hmac, code_encrypted) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                NewCode c = chunk.get(i);
                sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)", c.id(), batchId, c.position(), c.hmac(),
                        c.encrypted());
            }
            tx.insert(sql.text(), sql.params());
        }
    }

    Optional<VoucherBatch> batch(DbExecute db, UUID id) {
        return db.get(BATCH + " WHERE b.id = ?", id).map(VoucherStore::batch);
    }

    List<VoucherBatch> batches(DbExecute db, int limit) {
        try (var rows = db.query(BATCH + " ORDER BY b.created_at DESC, b.id DESC LIMIT ?", limit)) {
            return rows.map(VoucherStore::batch).toList();
        }
    }

    /** Encrypted codes of a batch in order, with whether each was redeemed. */
    List<DbRow> codes(DbExecute db, UUID batchId) {
        try (var rows = db.query("SELECT position, code_encrypted, redeemed_at FROM commerce.vouchers "
                + "WHERE batch_id = ? ORDER BY position", batchId)) {
            return rows.toList();
        }
    }

    /** The code with this lookup key, locked until the transaction ends. */
    Optional<Code> lockByHmac(DbExecute tx, String hmac) {
        return tx.get("SELECT id, batch_id, redeemed_by FROM commerce.vouchers WHERE code_hmac = ? FOR UPDATE", hmac)
                .map(r -> new Code(Rows.uuid(r, "id"), Rows.uuid(r, "batch_id"), Rows.uuid(r, "redeemed_by")));
    }

    void markRedeemed(DbExecute tx, UUID voucherId, UUID userId, UUID transactionId, Instant now) {
        tx.update("UPDATE commerce.vouchers SET redeemed_by = ?, redeemed_at = ?, transaction_id = ? WHERE id = ?",
                userId, Rows.param(now), transactionId, voucherId);
    }

    boolean revoke(DbExecute tx, UUID batchId, UUID adminId, Instant now) {
        return tx.update("UPDATE commerce.voucher_batches SET revoked_at = ?, revoked_by = ? WHERE id = ? "
                + "AND revoked_at IS NULL", Rows.param(now), adminId, batchId) > 0;
    }

    /** The vouchers a learner redeemed (data export). */
    public List<Map<String, Object>> exportRedeemed(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT v.id, b.amount_minor, b.currency, v.redeemed_at FROM "
                + "commerce.vouchers v JOIN commerce.voucher_batches b ON b.id = v.batch_id WHERE v.redeemed_by = ? "
                + "ORDER BY v.redeemed_at", userId);
    }

    /** The voucher batches an admin made or revoked (data export). */
    public List<Map<String, Object>> exportBatches(DbExecute db, UUID adminId) {
        return Rows.maps(db, "SELECT id, count, amount_minor, currency, note, created_at, revoked_at "
                + "FROM commerce.voucher_batches WHERE created_by = ? OR revoked_by = ? ORDER BY created_at", adminId,
                adminId);
    }

    private static VoucherBatch batch(DbRow r) {
        return new VoucherBatch(Rows.uuid(r, "id"), (int) Rows.number(r, "count"), (int) Rows.number(r, "redeemed"),
                new Money(Rows.number(r, "amount_minor"), Rows.text(r, "currency")), Rows.instant(r, "expires_at"),
                Rows.text(r, "note"), Rows.instant(r, "created_at"), Rows.instant(r, "revoked_at"));
    }
}
