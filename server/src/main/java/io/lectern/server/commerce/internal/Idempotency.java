package io.lectern.server.commerce.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbTransaction;
import io.helidon.webserver.http.ServerRequest;
import io.lectern.model.common.FieldViolation;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Retried writes that move money: the first request with an {@code Idempotency-Key} does the work and stores its
 * answer in the same transaction; every retry with that key gets the stored answer and changes nothing. A
 * concurrent retry waits for the first (the key's row is locked until it commits). Failures store nothing, so a
 * corrected retry runs again. Reusing a key for a different request is refused.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    /**
     * What a write answered.
     *
     * @param status   HTTP status
     * @param body     the answer
     * @param replayed whether it is the stored answer of an earlier request
     * @param <T>      body type
     */
    public record Outcome<T>(int status, T body, boolean replayed) {
    }

    private final Platform platform;
    private final ObjectMapper mapper;

    public Idempotency(Platform platform) {
        this.platform = platform;
        this.mapper = platform.json().objectMapper();
    }

    /** The request's key, checked; empty when it sent none. */
    public static Optional<String> key(ServerRequest req) {
        Optional<String> key = req.headers().first(io.helidon.http.HeaderNames.create(HEADER)).map(String::strip);
        key.filter(k -> !KEY.matcher(k).matches()).ifPresent(k -> {
            throw ApiException.invalid(List.of(new FieldViolation(HEADER, "format",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is ideal).")));
        });
        return key;
    }

    /** Runs {@code work} in one transaction, at most once per (user, key). */
    public <T> Outcome<T> run(UUID userId, Optional<String> key, String operation, String fingerprint, int status,
                              Class<T> type, Function<DbTransaction, T> work) {
        return platform.db().inTransaction(tx -> {
            if (key.isEmpty()) {
                return new Outcome<>(status, work.apply(tx), false);
            }
            long fresh = tx.insert("""
                    INSERT INTO commerce.idempotency_keys (user_id, key, operation, fingerprint, created_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", userId, key.get(), operation, fingerprint,
                    Rows.param(platform.clock().instant()));
            if (fresh == 0) {
                return replay(tx, userId, key.get(), operation, fingerprint, type);
            }
            T body = work.apply(tx);
            tx.update("UPDATE commerce.idempotency_keys SET status = ?, response = ?::jsonb WHERE user_id = ? AND key = ?",
                    status, json(body), userId, key.get());
            return new Outcome<>(status, body, false);
        });
    }

    private <T> Outcome<T> replay(DbTransaction tx, UUID userId, String key, String operation, String fingerprint,
                                  Class<T> type) {
        var row = tx.get("SELECT operation, fingerprint, status, response::text AS response FROM commerce.idempotency_keys "
                + "WHERE user_id = ? AND key = ?", userId, key).orElseThrow();
        if (!operation.equals(Rows.text(row, "operation")) || !fingerprint.equals(Rows.text(row, "fingerprint"))) {
            throw new ApiException(422, "idempotency.key_reused", "This Idempotency-Key was used for a different "
                    + "request; use a new key for a new request.");
        }
        try {
            return new Outcome<>((int) Rows.number(row, "status"), mapper.readValue(Rows.text(row, "response"), type), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is not valid JSON", e);
        }
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
