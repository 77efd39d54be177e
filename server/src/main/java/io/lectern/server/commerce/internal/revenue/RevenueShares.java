package io.lectern.server.commerce.internal.revenue;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.cache.ReadCache;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The instructors' share of a sale: a course's override beats its instructor's, which beats the default. */
public final class RevenueShares {

    /** Whose share an override sets. */
    public enum Scope { INSTRUCTOR, COURSE }

    private final int defaultPercent;
    /** Looked up for every sale; an admin's change applies here at once and on other instances within the TTL. */
    private final ReadCache<String, Integer> cache;
    private final RevenueShareStore store = new RevenueShareStore();

    public RevenueShares(int defaultPercent, java.time.Clock clock) {
        this.defaultPercent = defaultPercent;
        this.cache = new ReadCache<>(java.time.Duration.ofSeconds(30), 10_000, clock);
    }

    public int percentFor(DbExecute db, UUID courseId, UUID instructorId) {
        return cache.get(courseId + "/" + instructorId, () -> lookup(db, courseId, instructorId), p -> null);
    }

    private Integer lookup(DbExecute db, UUID courseId, UUID instructorId) {
        return store.percentFor(db, courseId, instructorId).orElse(defaultPercent);
    }

    public Optional<Integer> override(DbExecute db, Scope scope, UUID subjectId) {
        return store.override(db, scope, subjectId);
    }

    /** Drops remembered percentages; call after the transaction that changed an override committed. */
    public void forget() {
        cache.invalidateAll();
    }

    public void set(DbExecute tx, Scope scope, UUID subjectId, Integer percent, UUID adminId, Instant now) {
        if (percent == null) {
            store.delete(tx, scope, subjectId);
            return;
        }
        store.upsert(tx, scope, subjectId, percent, adminId, now);
    }

    public int defaultPercent() {
        return defaultPercent;
    }
}
