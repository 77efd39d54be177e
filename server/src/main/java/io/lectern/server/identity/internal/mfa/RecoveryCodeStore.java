package io.lectern.server.identity.internal.mfa;

import io.helidon.dbclient.DbExecute;
import java.util.UUID;

/** Second-factor recovery codes ({@code identity.recovery_codes}), kept as HMACs. */
final class RecoveryCodeStore {

    void add(DbExecute tx, UUID userId, String hash) {
        tx.insert("INSERT INTO identity.recovery_codes (user_id, code_hash) VALUES (?, ?)", userId, hash);
    }

    /** Marks an unused code used; false when the user has no such unused code. */
    boolean use(DbExecute tx, UUID userId, String hash) {
        return tx.dml("""
                UPDATE identity.recovery_codes SET used_at = now()
                WHERE user_id = ? AND code_hash = ? AND used_at IS NULL""", userId, hash) == 1;
    }

    void deleteAll(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM identity.recovery_codes WHERE user_id = ?", userId);
    }
}
