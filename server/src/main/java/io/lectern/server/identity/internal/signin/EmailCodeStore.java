package io.lectern.server.identity.internal.signin;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The mailed codes waiting to be entered ({@code identity.email_codes}), one per user and purpose, as HMACs. */
final class EmailCodeStore {

    /**
     * A live code.
     *
     * @param hash      its HMAC
     * @param expiresAt when it stops working
     * @param attempts  tries used
     */
    record Code(String hash, Instant expiresAt, long attempts) {
    }

    /** Puts a new code in place of the user's live one for the purpose, with its tries reset. */
    void replace(DbExecute tx, UUID userId, String purpose, String hash, Instant expiresAt) {
        tx.dml("""
                INSERT INTO identity.email_codes (user_id, purpose, code_hash, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, purpose) DO UPDATE SET code_hash = excluded.code_hash,
                  expires_at = excluded.expires_at, attempts = 0, created_at = now()""",
                userId, purpose, hash, Rows.param(expiresAt));
    }

    /** The live code, locked for the caller's transaction. */
    Optional<Code> lock(DbExecute tx, UUID userId, String purpose) {
        return tx.get("""
                SELECT code_hash, expires_at, attempts FROM identity.email_codes WHERE user_id = ? AND purpose = ?
                FOR UPDATE""", userId, purpose).map(r -> new Code(Rows.text(r, "code_hash"),
                Rows.instant(r, "expires_at"), Rows.number(r, "attempts")));
    }

    void delete(DbExecute tx, UUID userId, String purpose) {
        tx.dml("DELETE FROM identity.email_codes WHERE user_id = ? AND purpose = ?", userId, purpose);
    }

    void countTry(DbExecute tx, UUID userId, String purpose) {
        tx.dml("UPDATE identity.email_codes SET attempts = attempts + 1 WHERE user_id = ? AND purpose = ?",
                userId, purpose);
    }

    List<Map<String, String>> purposes(DbExecute db, UUID userId) {
        try (var rows = db.query("SELECT purpose, expires_at FROM identity.email_codes WHERE user_id = ?", userId)) {
            return rows.map(r -> Map.of("purpose", Rows.text(r, "purpose"),
                    "expiresAt", Rows.instant(r, "expires_at").toString())).toList();
        }
    }

    void deleteAll(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM identity.email_codes WHERE user_id = ?", userId);
    }
}
