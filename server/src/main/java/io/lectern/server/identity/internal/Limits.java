package io.lectern.server.identity.internal;

import io.lectern.server.platform.security.RateLimiter.Limit;
import java.time.Duration;

/** The sign-in rate limits. Per-email limits apply whether or not an account exists (no enumeration). */
final class Limits {

    static final Limit LOGIN_IP = new Limit("login-ip", 30, Duration.ofMinutes(1), "auth.rate_limited");
    static final Limit LOGIN_FAILURES = new Limit("login-fail", 5, Duration.ofMinutes(15), "auth.locked");
    static final Limit TOTP_FAILURES = new Limit("totp-fail", 5, Duration.ofMinutes(15), "auth.locked");
    static final Limit CODE_COOLDOWN = new Limit("code-cooldown", 1, Duration.ofSeconds(60), "auth.code_cooldown");
    static final Limit CODE_HOURLY = new Limit("code-hourly", 5, Duration.ofHours(1), "auth.rate_limited");
    static final Limit CODE_IP = new Limit("code-ip", 20, Duration.ofHours(1), "auth.rate_limited");
    static final Limit VERIFY_EMAIL = new Limit("verify", 10, Duration.ofMinutes(15), "auth.too_many_attempts");
    static final Limit VERIFY_IP = new Limit("verify-ip", 30, Duration.ofMinutes(1), "auth.rate_limited");
    static final Limit REGISTER_IP = new Limit("register-ip", 10, Duration.ofHours(1), "auth.rate_limited");
    static final Limit REFRESH_IP = new Limit("refresh-ip", 60, Duration.ofMinutes(1), "auth.rate_limited");

    private Limits() {
    }
}
