package io.lectern.server.identity.internal.tokens;

import io.lectern.server.identity.internal.accounts.UserStore;
import io.lectern.server.identity.internal.signin.SessionStore;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.redis.Redis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import redis.clients.jedis.params.SetParams;

/**
 * Makes access tokens stop working before they expire. PostgreSQL is the truth (a session's {@code revoked_at}, a
 * user's {@code active} flag); Redis holds a copy for the one round trip every request makes: revoked sessions
 * (logout, password change, token reuse), per-user "not before" times (reactivation) and deactivations.
 *
 * <p>The copy is trusted only while Redis holds the marker written after it was last loaded from PostgreSQL. A Redis
 * that restarted empty, lost its data or was replaced has no marker: requests are then checked against PostgreSQL
 * while one reload rebuilds the copy. A write Redis missed (it was unreachable) drops the marker as soon as Redis
 * answers again, and while Redis cannot be reached every request is checked against PostgreSQL.
 */
public final class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());
    private static final String INACTIVE = "inactive";

    private final Redis redis;
    private final Database db;
    private final SessionStore sessions;
    private final UserStore users;
    private final Duration accessTtl;
    private final Clock clock;
    private final AtomicBoolean reloading = new AtomicBoolean();
    private final AtomicBoolean missedWrite = new AtomicBoolean();

    public Revocations(Redis redis, Database db, SessionStore sessions, UserStore users, Duration accessTtl,
                       Clock clock) {
        this.redis = redis;
        this.db = db;
        this.sessions = sessions;
        this.users = users;
        this.accessTtl = accessTtl;
        this.clock = clock;
    }

    /** Call after the session's {@code revoked_at} was committed (or in its transaction). */
    public void revokeSession(UUID sessionId) {
        write(() -> redis.client().set(sessionKey(sessionId), "1", SetParams.setParams().ex(ttlSeconds())));
    }

    /** Tokens issued before {@code at} stop working. */
    public void notBefore(UUID userId, Instant at) {
        write(() -> redis.client().set(userKey(userId), Long.toString(at.getEpochSecond()),
                SetParams.setParams().ex(ttlSeconds())));
    }

    public void deactivate(UUID userId) {
        write(() -> redis.client().set(userKey(userId), INACTIVE));
    }

    /** Whether a token of this session and user, issued at {@code issuedAt}, was revoked. */
    public boolean isRevoked(UUID userId, UUID sessionId, Instant issuedAt) {
        Optional<List<String>> answer = redis.attempt(() -> {
            if (missedWrite.get()) {
                redis.client().del(loadedKey());
                missedWrite.set(false);
            }
            return redis.client().mget(sessionKey(sessionId), userKey(userId), loadedKey());
        });
        if (answer.isEmpty()) {
            missedWrite.set(true); // whatever Redis holds may now be behind PostgreSQL
            return !sessions.isLive(db.execute(), sessionId, userId);
        }
        List<String> values = answer.get();
        if (values.get(2) == null) {
            reloadInBackground();
            return !sessions.isLive(db.execute(), sessionId, userId);
        }
        if (values.get(0) != null) {
            return true;
        }
        String nbf = values.get(1);
        if (nbf == null) {
            return false;
        }
        return INACTIVE.equals(nbf) || issuedAt.getEpochSecond() < Long.parseLong(nbf);
    }

    /**
     * Copies what PostgreSQL says into Redis: sessions revoked while their access tokens could still be alive, and
     * deactivated accounts; then writes the marker that makes Redis trusted. Runs at start and whenever the marker is
     * found missing.
     */
    public void reload() {
        Instant since = clock.instant().minus(accessTtl).minusSeconds(60);
        List<UUID> revoked = sessions.revokedSince(db.execute(), since);
        List<UUID> inactive = users.inactiveIds(db.execute());
        revoked.forEach(this::revokeSession);
        inactive.forEach(this::deactivate);
        write(() -> redis.client().set(loadedKey(), clock.instant().toString()));
        LOG.info(() -> "Revocations loaded into Redis from PostgreSQL: " + revoked.size() + " recently ended sessions, "
                + inactive.size() + " deactivated accounts.");
    }

    private void reloadInBackground() {
        if (reloading.compareAndSet(false, true)) {
            Thread.ofVirtual().name("revocations-reload").start(() -> {
                try {
                    reload();
                } catch (RuntimeException e) {
                    LOG.warning("Reloading revocations into Redis failed (" + e.getClass().getSimpleName()
                            + "); requests stay checked against PostgreSQL and it is tried again.");
                } finally {
                    reloading.set(false);
                }
            });
        }
    }

    /** A write Redis missed drops its copy as soon as Redis answers again (PostgreSQL holds the truth). */
    private void write(Runnable command) {
        if (redis.attempt(() -> {
            command.run();
            return true;
        }).isEmpty()) {
            missedWrite.set(true);
        }
    }

    private long ttlSeconds() {
        return accessTtl.toSeconds() + 60;
    }

    private String sessionKey(UUID sessionId) {
        return redis.key("auth:rs:" + sessionId);
    }

    private String userKey(UUID userId) {
        return redis.key("auth:nbf:" + userId);
    }

    private String loadedKey() {
        return redis.key("auth:revocations-loaded");
    }
}
