package io.lectern.server.identity.internal.signin;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.security.SecretBox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Six-digit codes sent by mail (email verification, passwordless sign-in, password reset, invitations). One
 * live code per user and purpose; a new one replaces the old. Stored as an HMAC; each allows five tries.
 */
public final class EmailCodes {

    /** What a code is for, and how long it lives. */
    public enum Purpose {
        VERIFY_EMAIL(Duration.ofMinutes(10)), LOGIN(Duration.ofMinutes(10)), RESET(Duration.ofMinutes(10)),
        INVITE(Duration.ofHours(72));

        private final Duration ttl;

        Purpose(Duration ttl) {
            this.ttl = ttl;
        }

        public Duration ttl() {
            return ttl;
        }
    }

    /** Outcome of a check. */
    public enum Check { OK, WRONG, EXPIRED, NONE, EXHAUSTED }

    public static final int MAX_TRIES = 5;

    private final SecretBox secrets;
    private final Clock clock;
    private final EmailCodeStore store = new EmailCodeStore();
    private final SecureRandom random = new SecureRandom();

    public EmailCodes(SecretBox secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Makes a new code (replacing any live one) and returns it in clear, for the mail only. */
    public String issue(DbExecute tx, UUID userId, Purpose purpose) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        store.replace(tx, userId, purpose.name(), hash(userId, purpose, code), clock.instant().plus(purpose.ttl()));
        return code;
    }

    /**
     * Checks a code; a right code is used up, a wrong one uses a try. Runs in the caller's transaction, so the
     * caller must commit a WRONG result too (the try counts).
     */
    public Check check(DbExecute tx, UUID userId, Purpose purpose, String code) {
        return check(tx, userId, purpose, code, true);
    }

    /** As {@link #check(DbExecute, UUID, Purpose, String)} but a right code stays usable (a second step follows). */
    public Check peek(DbExecute tx, UUID userId, Purpose purpose, String code) {
        return check(tx, userId, purpose, code, false);
    }

    private Check check(DbExecute tx, UUID userId, Purpose purpose, String code, boolean consume) {
        Optional<EmailCodeStore.Code> found = store.lock(tx, userId, purpose.name());
        if (found.isEmpty()) {
            return Check.NONE;
        }
        EmailCodeStore.Code live = found.get();
        if (live.expiresAt().isBefore(clock.instant())) {
            return Check.EXPIRED;
        }
        if (live.attempts() >= MAX_TRIES) {
            return Check.EXHAUSTED;
        }
        if (code != null && SecretBox.same(live.hash(), hash(userId, purpose, code))) {
            if (consume) {
                store.delete(tx, userId, purpose.name());
            }
            return Check.OK;
        }
        store.countTry(tx, userId, purpose.name());
        return Check.WRONG;
    }

    /** Which codes are waiting for the user (never the codes: only their purpose and expiry), for the export. */
    public java.util.List<java.util.Map<String, String>> purposes(DbExecute db, UUID userId) {
        return store.purposes(db, userId);
    }

    public void deleteAll(DbExecute tx, UUID userId) {
        store.deleteAll(tx, userId);
    }

    private String hash(UUID userId, Purpose purpose, String code) {
        return secrets.hmac("code:" + userId + ":" + purpose + ":" + code);
    }
}
