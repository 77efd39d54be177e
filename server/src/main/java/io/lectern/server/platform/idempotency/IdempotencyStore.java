package io.lectern.server.platform.idempotency;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Writes;
import io.lectern.server.platform.privacy.PersonalData;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The stored answers of idempotent requests ({@code platform.idempotency_keys}). */
final class IdempotencyStore {

    /** An earlier request's key and answer. */
    record Stored(String operation, String fingerprint, int status, String response) {
    }

    /** Adds the key's row with its answer to {@code writes}, so it is written with the work. */
    void remember(Writes writes, UUID userId, String key, String operation, String fingerprint, int status,
                  String answer, Instant at) {
        writes.add("idempotency_key", """
                INSERT INTO platform.idempotency_keys (user_id, key, operation, fingerprint, status, response, created_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""", userId, key, operation, fingerprint, status, answer,
                Rows.param(at));
    }

    Optional<Stored> find(DbExecute db, UUID userId, String key) {
        return db.get("SELECT operation, fingerprint, status, response::text AS response FROM platform.idempotency_keys "
                + "WHERE user_id = ? AND key = ?", userId, key).map(r -> new Stored(Rows.text(r, "operation"),
                Rows.text(r, "fingerprint"), (int) Rows.number(r, "status"), Rows.text(r, "response")));
    }

    PersonalData personalData() {
        return new PersonalData() {
            @Override
            public String section() {
                return "requests";
            }

            @Override
            public Set<String> tables() {
                return Set.of("platform.idempotency_keys");
            }

            @Override
            public Object export(DbExecute db, Person person) {
                return java.util.Map.of("storedAnswers", Rows.maps(db, "SELECT operation, status, created_at FROM "
                        + "platform.idempotency_keys WHERE user_id = ? ORDER BY created_at", person.id()));
            }

            @Override
            public void erase(DbExecute tx, Person person) {
                tx.dml("DELETE FROM platform.idempotency_keys WHERE user_id = ?", person.id());
            }
        };
    }
}
