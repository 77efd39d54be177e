package io.lectern.server.identity.internal.signin;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in sessions and their opaque refresh tokens ({@code identity.sessions}, {@code identity.refresh_tokens}):
 * 256 random bits, stored as SHA-256. Each use rotates the token; presenting a token that was already used means it
 * leaked, so the whole session is revoked.
 */
public final class SessionStore {

    /**
     * Where a sign-in came from.
     *
     * @param method    password, otp, oidc, verify, reset
     * @param mfa       second factor used
     * @param ip        client address
     * @param userAgent client name
     */
    public record Origin(String method, boolean mfa, String ip, String userAgent) {
    }

    /**
     * A session found by its refresh token.
     *
     * @param sessionId session
     * @param userId    user
     * @param mfa       second factor used at sign-in
     * @param state     what the token's use means
     */
    public record Use(UUID sessionId, UUID userId, boolean mfa, State state) {
    }

    /** What presenting a refresh token found. */
    public enum State { VALID, REUSED, REVOKED, EXPIRED }

    private final Ids ids;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(Ids ids, Clock clock, Duration ttl) {
        this.ids = ids;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Opens a session; returns its id and first refresh token. */
    public Map.Entry<UUID, String> open(DbExecute tx, UUID userId, Origin origin) {
        UUID id = ids.next();
        tx.insert("""
                INSERT INTO identity.sessions (id, user_id, method, mfa, ip, user_agent, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, userId, origin.method(), origin.mfa(), origin.ip(),
                truncate(origin.userAgent()), Rows.param(clock.instant().plus(ttl)));
        return Map.entry(id, newToken(tx, id));
    }

    /** Finds a token's session and, when valid, marks the token used (atomically: one winner per token). */
    public Optional<Use> use(DbExecute tx, String token) {
        Optional<DbRow> row = tx.get("""
                SELECT t.session_id, t.used_at, s.user_id, s.mfa, s.revoked_at, s.expires_at
                FROM identity.refresh_tokens t JOIN identity.sessions s ON s.id = t.session_id
                WHERE t.token_hash = ? FOR UPDATE OF t, s""", hash(token));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        DbRow r = row.get();
        UUID sessionId = Rows.uuid(r, "session_id");
        State state;
        if (Rows.value(r, "revoked_at") != null) {
            state = State.REVOKED;
        } else if (Rows.value(r, "used_at") != null) {
            state = State.REUSED;
        } else if (Rows.instant(r, "expires_at").isBefore(clock.instant())) {
            state = State.EXPIRED;
        } else {
            state = State.VALID;
            tx.dml("UPDATE identity.refresh_tokens SET used_at = now() WHERE token_hash = ?", hash(token));
            tx.dml("UPDATE identity.sessions SET last_used_at = now(), expires_at = ? WHERE id = ?",
                    Rows.param(clock.instant().plus(ttl)), sessionId);
        }
        return Optional.of(new Use(sessionId, Rows.uuid(r, "user_id"), Rows.flag(r, "mfa"), state));
    }

    /** The next refresh token of a session. */
    public String newToken(DbExecute tx, UUID sessionId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tx.insert("INSERT INTO identity.refresh_tokens (token_hash, session_id) VALUES (?, ?)", hash(token), sessionId);
        return token;
    }

    public void revoke(DbExecute tx, UUID sessionId, String reason) {
        tx.dml("UPDATE identity.sessions SET revoked_at = now(), revoke_reason = ? WHERE id = ? AND revoked_at IS NULL",
                reason, sessionId);
    }

    /** Revokes every live session of a user except {@code keep}; returns the revoked ids. */
    public List<UUID> revokeAll(DbExecute tx, UUID userId, UUID keep, String reason) {
        List<UUID> revoked = new ArrayList<>();
        try (var rows = tx.query("""
                UPDATE identity.sessions SET revoked_at = now(), revoke_reason = ?
                WHERE user_id = ? AND revoked_at IS NULL AND (?::uuid IS NULL OR id <> ?::uuid) RETURNING id""",
                reason, userId, keep, keep)) {
            rows.forEach(r -> revoked.add(Rows.uuid(r, "id")));
        }
        return revoked;
    }

    /** Whether a session's tokens may still be used: not revoked, its account active (the truth behind Redis). */
    public boolean isLive(DbExecute db, UUID sessionId, UUID userId) {
        return db.get("""
                SELECT 1 FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id
                 WHERE s.id = ? AND s.user_id = ? AND s.revoked_at IS NULL AND u.active AND u.deleted_at IS NULL""",
                sessionId, userId).isPresent();
    }

    /** Whether the user signed in from this address since {@code since} (a source the owner is known to use). */
    public boolean signedInFrom(DbExecute db, UUID userId, String ip, Instant since) {
        return db.get("SELECT 1 FROM identity.sessions WHERE user_id = ? AND ip = ? AND created_at >= ? LIMIT 1",
                userId, ip, Rows.param(since)).isPresent();
    }

    /** Sessions revoked at or after {@code since}. */
    public List<UUID> revokedSince(DbExecute db, Instant since) {
        try (var rows = db.query("SELECT id FROM identity.sessions WHERE revoked_at >= ?", Rows.param(since))) {
            return rows.map(r -> Rows.uuid(r, "id")).toList();
        }
    }

    /** Forgets where and on what a user signed in (account deletion); the revoked sessions stay as ids. */
    public void forgetOrigins(DbExecute tx, UUID userId) {
        tx.dml("UPDATE identity.sessions SET ip = NULL, user_agent = NULL WHERE user_id = ?", userId);
        tx.dml("DELETE FROM identity.refresh_tokens WHERE session_id IN (SELECT id FROM identity.sessions "
                + "WHERE user_id = ?)", userId);
    }

    /** A user's sessions for their data export (no token material). */
    public List<Map<String, Object>> export(DbExecute db, UUID userId) {
        try (var rows = db.query("""
                SELECT id, method, mfa, ip, user_agent, created_at, last_used_at, revoked_at, revoke_reason
                FROM identity.sessions WHERE user_id = ? ORDER BY created_at""", userId)) {
            return rows.map(r -> {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                for (String c : List.of("id", "method", "mfa", "ip", "user_agent", "revoke_reason")) {
                    m.put(c, Rows.value(r, c) == null ? null : String.valueOf(Rows.value(r, c)));
                }
                for (String c : List.of("created_at", "last_used_at", "revoked_at")) {
                    Instant at = Rows.instant(r, c);
                    m.put(c, at == null ? null : at.toString());
                }
                return m;
            }).toList();
        }
    }

    private static String truncate(String text) {
        return text == null ? null : text.length() > 200 ? text.substring(0, 200) : text;
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
