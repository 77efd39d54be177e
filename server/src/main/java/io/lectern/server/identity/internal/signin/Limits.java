package io.lectern.server.identity.internal.signin;

import io.lectern.server.platform.security.RateLimiter.Limit;
import java.time.Duration;

/**
 * The sign-in rate limits. Per-email limits apply whether or not an account exists (no enumeration). Guesses are
 * limited per source and account together (an attacker's failures close their own address, not the owner's), per
 * source across accounts (no spraying), and per account across sources (no slow distributed guessing) — the last
 * waived for addresses the account signed in from before, so the owner gets in during an attack. See {@link Throttle}.
 */
public final class Limits {

    public static final Limit LOGIN_IP = new Limit("login-ip", 30, Duration.ofMinutes(1), "auth.rate_limited");
    public static final Limit LOGIN_FAILURES = new Limit("login-fail-src", 5, Duration.ofMinutes(15), "auth.locked");
    public static final Limit LOGIN_FAILURES_IP = new Limit("login-fail-ip", 30, Duration.ofMinutes(15), "auth.rate_limited");
    public static final Limit LOGIN_FAILURES_ACCOUNT = new Limit("login-fail-acct", 50, Duration.ofHours(1), "auth.locked");
    public static final Limit TOTP_FAILURES = new Limit("totp-fail", 5, Duration.ofMinutes(15), "auth.locked");
    public static final Limit CODE_COOLDOWN = new Limit("code-cooldown-src", 1, Duration.ofSeconds(60), "auth.code_cooldown");
    public static final Limit CODE_HOURLY = new Limit("code-hourly-src", 5, Duration.ofHours(1), "auth.rate_limited");
    public static final Limit CODE_ACCOUNT = new Limit("code-acct", 10, Duration.ofHours(1), "auth.rate_limited");
    public static final Limit CODE_IP = new Limit("code-ip", 20, Duration.ofHours(1), "auth.rate_limited");
    public static final Limit VERIFY = new Limit("verify-src", 10, Duration.ofMinutes(15), "auth.too_many_attempts");
    public static final Limit VERIFY_FAILURES_ACCOUNT = new Limit("verify-fail-acct", 30, Duration.ofDays(1),
            "auth.too_many_attempts");
    public static final Limit VERIFY_IP = new Limit("verify-ip", 30, Duration.ofMinutes(1), "auth.rate_limited");
    public static final Limit REGISTER_IP = new Limit("register-ip", 10, Duration.ofHours(1), "auth.rate_limited");
    public static final Limit REFRESH_IP = new Limit("refresh-ip", 60, Duration.ofMinutes(1), "auth.rate_limited");

    private Limits() {
    }
}
