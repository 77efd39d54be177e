package io.lectern.server.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.common.FieldViolation;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Writes;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.privacy.PersonalData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The platform's idempotency service, for writes a client may retry (an enrollment, a payout; whatever must not
 * happen twice): the first request with an {@code Idempotency-Key} does the work and stores its
 * answer with it, in the same statement or transaction; every retry with that key gets the stored answer and
 * changes nothing. The key's row is written with the work, so a retry running beside the first waits for the
 * first to commit, then fails on the key with all its work undone and answers what the first stored. Failures
 * store nothing, so a corrected retry runs again. Reusing a key for a different request is refused.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final HeaderName REPLAYED = HeaderNames.create("Idempotent-Replayed");
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    /**
     * What a write answered.
     *
     * @param status   HTTP status
     * @param body     the answer
     * @param replayed whether it is the stored answer of an earlier request
     * @param json     the answer as stored with the key (so it is written once), or null
     * @param <T>      body type
     */
    public record Outcome<T>(int status, T body, boolean replayed, String json) {
    }

    /** Sends an outcome: its status, {@code Idempotent-Replayed: true} for a stored answer, and the answer. */
    public static void send(Json json, ServerResponse res, Outcome<?> outcome) {
        if (outcome.replayed()) {
            res.header(REPLAYED, "true");
        }
        if (outcome.json() != null) {
            json.writeBytes(res, outcome.status(), outcome.json().getBytes(StandardCharsets.UTF_8));
        } else {
            json.write(res, outcome.status(), outcome.body());
        }
    }

    /** The key was used before for a different request. */
    public static final class KeyReused extends ApiException {
        private static final long serialVersionUID = 1L;

        KeyReused() {
            super(422, "idempotency.key_reused", "This Idempotency-Key was used for a different request; use a new key "
                    + "for a new request.");
        }
    }

    private final Database db;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final IdempotencyStore store = new IdempotencyStore();

    public Idempotency(Database db, Clock clock, ObjectMapper mapper) {
        this.db = db;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** The stored answers of a person's requests, for the data export and account deletion. */
    public PersonalData personalData() {
        return store.personalData();
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

    /**
     * Work that adds its writes to {@code writes} (sent after it, as one statement with the stored answer) and reads
     * what it needs first through {@code db}.
     *
     * @param <T> the answer
     */
    @FunctionalInterface
    public interface Writing<T> {
        T apply(DbExecute db, Writes writes);
    }

    /** Runs {@code work} in one transaction, at most once per (user, key). */
    public <T> Outcome<T> run(UUID userId, Optional<String> key, String operation, String fingerprint, int status,
                              Class<T> type, Function<DbTransaction, T> work) {
        Request request = new Request(userId, key, operation, fingerprint, status);
        return once(request, type, () -> db.inTransaction(tx -> written(tx, request,
                (db, writes) -> work.apply(tx))));
    }

    /**
     * Runs {@code work} at most once per (user, key): its writes and the stored answer go to PostgreSQL as one
     * statement, one round trip that is its own transaction. With {@code inTransaction} the work's reads and that
     * statement share a transaction instead, for work that must read under locks.
     */
    public <T> Outcome<T> write(UUID userId, Optional<String> key, String operation, String fingerprint, int status,
                                Class<T> type, boolean inTransaction, Writing<T> work) {
        Request request = new Request(userId, key, operation, fingerprint, status);
        return once(request, type, () -> inTransaction
                ? db.inTransaction(tx -> written(tx, request, work))
                : written(db.execute(), request, work));
    }

    /** What was asked, under which key. */
    private record Request(UUID userId, Optional<String> key, String operation, String fingerprint, int status) {
    }

    private <T> Outcome<T> written(DbExecute db, Request request, Writing<T> work) {
        Writes writes = new Writes();
        T body = work.apply(db, writes);
        String stored = remember(writes, request, body);
        writes.run(db);
        return new Outcome<>(request.status(), body, false, stored);
    }

    /** Adds the key's row with the answer to {@code writes}; returns the answer as stored (null without a key). */
    private String remember(Writes writes, Request r, Object body) {
        if (r.key().isEmpty()) {
            return null;
        }
        String answer = json(body);
        store.remember(writes, r.userId(), r.key().get(), r.operation(), r.fingerprint(), r.status(), answer,
                clock.instant());
        return answer;
    }

    /**
     * Runs an attempt; when it fails and the key was used before, the earlier answer is the answer (a retry fails on
     * the key, or sooner on what the first request changed: the balance it spent, the enrollment it made).
     */
    private <T> Outcome<T> once(Request request, Class<T> type, Supplier<Outcome<T>> attempt) {
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            if (request.key().isEmpty()) {
                throw e;
            }
            Optional<Outcome<T>> stored;
            try {
                stored = replay(db.execute(), request, type);
            } catch (KeyReused reused) {
                throw reused;
            } catch (RuntimeException lookup) {
                e.addSuppressed(lookup);
                throw e;
            }
            return stored.orElseThrow(() -> e);
        }
    }

    private <T> Optional<Outcome<T>> replay(DbExecute db, Request request, Class<T> type) {
        Optional<IdempotencyStore.Stored> found = store.find(db, request.userId(), request.key().orElseThrow());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyStore.Stored row = found.get();
        if (!request.operation().equals(row.operation()) || !request.fingerprint().equals(row.fingerprint())) {
            throw new KeyReused();
        }
        try {
            return Optional.of(new Outcome<>(row.status(), mapper.readValue(row.response(), type), true, null));
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
