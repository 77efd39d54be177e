package io.lectern.server.identity.internal.mfa;

import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import io.lectern.server.identity.internal.accounts.UserStore;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.identity.internal.signin.Limits;
import io.lectern.server.platform.http.ApiException;
import java.util.OptionalLong;

/** The authenticator step of a sign-in: a 6-digit code (never the same step twice) or a recovery code. */
public final class SecondFactor {

    private final Database db;
    private final Clock clock;
    private final UserStore users;
    private final Totp totp;
    private final SecretBox secrets;
    private final RateLimiter limits;
    private final AuditService audit;

    public SecondFactor(Database db, Clock clock, UserStore users, Totp totp, SecretBox secrets, RateLimiter limits,
                        AuditService audit) {
        this.db = db;
        this.clock = clock;
        this.users = users;
        this.totp = totp;
        this.secrets = secrets;
        this.limits = limits;
        this.audit = audit;
    }

    /** Whether the user has 2FA; throws 401 {@code auth.totp_required} when it is on and no code came. */
    public boolean required(UserRecord user, String code) {
        if (!user.totpEnabled()) {
            return false;
        }
        if (code == null || code.isBlank()) {
            throw new ApiException(401, "auth.totp_required",
                    "Enter the 6-digit code from your authenticator app, or one of your recovery codes.");
        }
        return true;
    }

    /** Checks the code (committing its use); 401 {@code auth.totp_invalid} or 429 after repeated failures. */
    public void verify(UserRecord user, String code, Origin origin) {
        String subject = user.id().toString();
        limits.requireAvailable(Limits.TOTP_FAILURES, subject);
        byte[] secret = secrets.decrypt(user.totpSecret());
        OptionalLong step = totp.matchingStep(secret, code.strip(), clock.instant());
        boolean ok = db.inTransaction(tx -> step.isPresent()
                ? users.advanceTotpStep(tx, user.id(), step.getAsLong())
                : totp.useRecoveryCode(tx, user.id(), code));
        if (ok) {
            if (step.isEmpty()) {
                audit.record(AuditRecord.of(user.id(), "auth.recovery_code.used", user.id(), origin.ip()));
            }
            return;
        }
        limits.tryConsume(Limits.TOTP_FAILURES, subject);
        audit.record(AuditRecord.of(null, "auth.totp.failed", user.id(), origin.ip()));
        throw new ApiException(401, "auth.totp_invalid", "That authenticator code is not right (or was already used). "
                + "Wait for the next code and try again.");
    }
}
