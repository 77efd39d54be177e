package io.lectern.server.identity.internal;

import io.lectern.server.platform.redis.Redis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.params.SetParams;

/**
 * Makes access tokens stop working before they expire, checked on every request (one Redis round trip):
 * revoked sessions (logout, password change, token reuse) and per-user "not before" times (password reset,
 * role change) or deactivation. Entries live as long as an access token can, except deactivation, which stays.
 */
public final class Revocations {

    private static final String INACTIVE = "inactive";

    private final Redis redis;
    private final Duration accessTtl;

    public Revocations(Redis redis, Duration accessTtl) {
        this.redis = redis;
        this.accessTtl = accessTtl;
    }

    public void revokeSession(UUID sessionId) {
        redis.client().set(sessionKey(sessionId), "1", SetParams.setParams().ex(ttlSeconds()));
    }

    /** Tokens issued before {@code at} stop working. */
    public void notBefore(UUID userId, Instant at) {
        redis.client().set(userKey(userId), Long.toString(at.getEpochSecond()), SetParams.setParams().ex(ttlSeconds()));
    }

    public void deactivate(UUID userId) {
        redis.client().set(userKey(userId), INACTIVE);
    }

    public void reactivate(UUID userId, Instant at) {
        notBefore(userId, at);
    }

    /** Whether a token of this session and user, issued at {@code issuedAt}, was revoked. */
    public boolean isRevoked(UUID userId, UUID sessionId, Instant issuedAt) {
        List<String> values = redis.client().mget(sessionKey(sessionId), userKey(userId));
        if (values.get(0) != null) {
            return true;
        }
        String nbf = values.get(1);
        if (nbf == null) {
            return false;
        }
        return INACTIVE.equals(nbf) || issuedAt.getEpochSecond() < Long.parseLong(nbf);
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
}
