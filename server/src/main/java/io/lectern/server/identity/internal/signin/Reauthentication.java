package io.lectern.server.identity.internal.signin;

import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import io.lectern.server.identity.internal.mfa.Totp;
import io.lectern.server.identity.internal.accounts.PasswordHasher;
import io.lectern.server.identity.internal.accounts.UserStore;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.accounts.PasswordPolicy;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.identity.internal.mfa.SecondFactor;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.util.Locale;
import java.util.Optional;

/**
 * Proof that the person signed in is at the keyboard before something sensitive is shown (an instructor's bank
 * details): their password again, and their authenticator code when they have 2FA. Wrong passwords count like
 * wrong sign-ins, so a stolen session cannot guess.
 */
public final class Reauthentication {

    private final Database db;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final AuditService audit;
    private final Throttle throttle;
    private final SecondFactor secondFactor;

    public Reauthentication(Database db, Clock clock, UserStore users, PasswordHasher hasher, SessionStore sessions,
                            Totp totpCodes, SecretBox secrets, RateLimiter limits, AuditService audit) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.throttle = new Throttle(db, clock, sessions, limits);
        this.secondFactor = new SecondFactor(db, clock, users, totpCodes, secrets, limits, audit);
    }

    public void require(Principal p, String password, String totp, String ip) {
        new Validation().required("password", password).maxLength("password", password, PasswordPolicy.MAX)
                .maxLength("totp", totp, 32).throwIfInvalid();
        UserRecord user = users.findById(db.execute(), p.userId())
                .orElseThrow(() -> new ApiException(401, "auth.token_invalid", "Sign in again."));
        String email = user.email().toLowerCase(Locale.ROOT);
        Origin origin = new Origin(ip, null);
        throttle.beforePassword(email, origin, Optional.of(user));
        if (user.passwordHash() == null || !hasher.verify(password, user.passwordHash())) {
            throttle.passwordFailed(email, origin);
            audit.record(AuditRecord.of(p.userId(), "auth.reauth.failed", p.userId(), ip));
            throw new ApiException(403, "auth.password_wrong", "The password is not right.");
        }
        if (secondFactor.required(user, totp)) {
            secondFactor.verify(user, totp, origin);
        }
        throttle.passwordSucceeded(email, origin);
    }
}
