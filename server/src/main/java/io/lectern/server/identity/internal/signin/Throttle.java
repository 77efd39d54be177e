package io.lectern.server.identity.internal.signin;

import java.time.Clock;
import io.lectern.server.platform.db.Database;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.platform.security.RateLimiter.Limit;
import io.lectern.server.platform.security.RateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * Guessing limits for passwords and mailed codes, by source and account together. An attacker's wrong guesses close
 * only their own address for that account (and, past a cap, their address for every account); the account-wide cap
 * that stops slow guessing from many addresses is waived for an address the account signed in from in the last
 * {@link #KNOWN_FOR} days, so the owner still gets in while the account is under attack.
 */
public final class Throttle {

    static final Duration KNOWN_FOR = Duration.ofDays(90);

    private final Database db;
    private final Clock clock;
    private final SessionStore sessions;
    private final RateLimiter limits;

    public Throttle(Database db, Clock clock, SessionStore sessions, RateLimiter rateLimits) {
        this.db = db;
        this.clock = clock;
        this.sessions = sessions;
        this.limits = rateLimits;
    }

    /** Before checking a password. */
    public void beforePassword(String email, Origin origin, Optional<UserRecord> user) {
        limits.consume(Limits.LOGIN_IP, origin.ip());
        limits.requireAvailable(Limits.LOGIN_FAILURES, source(email, origin));
        limits.requireAvailable(Limits.LOGIN_FAILURES_IP, origin.ip());
        requireAccountOpen(Limits.LOGIN_FAILURES_ACCOUNT, email, origin, user);
    }

    /** A wrong password: counts against this source for this account, this source overall and the account. */
    public RateLimiter.Decision passwordFailed(String email, Origin origin) {
        limits.tryConsume(Limits.LOGIN_FAILURES_IP, origin.ip());
        limits.tryConsume(Limits.LOGIN_FAILURES_ACCOUNT, email);
        return limits.tryConsume(Limits.LOGIN_FAILURES, source(email, origin));
    }

    public void passwordSucceeded(String email, Origin origin) {
        limits.reset(Limits.LOGIN_FAILURES, source(email, origin));
    }

    /** Before checking a mailed code (sign-in, reset, verification). */
    public void beforeCode(String email, Origin origin, Optional<UserRecord> user) {
        limits.consume(Limits.VERIFY_IP, origin.ip());
        limits.consume(Limits.VERIFY, source(email, origin));
        requireAccountOpen(Limits.VERIFY_FAILURES_ACCOUNT, email, origin, user);
    }

    public void codeFailed(String email) {
        limits.tryConsume(Limits.VERIFY_FAILURES_ACCOUNT, email);
    }

    public void codeSucceeded(String email, Origin origin) {
        limits.reset(Limits.VERIFY, source(email, origin));
    }

    /**
     * Before mailing a code: a cooldown and hourly cap per source and a cap per address (429 past them), then whether
     * to send at all. Past the cap per account (mail bombing from many addresses) nothing more is sent for a while, but
     * the caller answers as if it was: the codes already mailed stay valid, so requests from strangers never keep the
     * owner from a code.
     */
    public boolean beforeMail(String email, Origin origin, Optional<UserRecord> user) {
        limits.consume(Limits.CODE_IP, origin.ip());
        limits.consume(Limits.CODE_COOLDOWN, source(email, origin));
        limits.consume(Limits.CODE_HOURLY, source(email, origin));
        return knownSource(user, origin) || limits.tryConsume(Limits.CODE_ACCOUNT, email).allowed();
    }

    private void requireAccountOpen(Limit limit, String email, Origin origin, Optional<UserRecord> user) {
        if (!limits.available(limit, email) && !knownSource(user, origin)) {
            limits.requireAvailable(limit, email);
        }
    }

    private boolean knownSource(Optional<UserRecord> user, Origin origin) {
        return user.isPresent() && sessions.signedInFrom(db.execute(), user.get().id(), origin.ip(),
                clock.instant().minus(KNOWN_FOR));
    }

    private static String source(String email, Origin origin) {
        return email + "\n" + origin.ip();
    }
}
