package io.lectern.server.identity.internal.mfa;

import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.internal.Deps;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.identity.internal.signin.Limits;
import io.lectern.server.platform.http.ApiException;
import java.util.OptionalLong;

/** The authenticator step of a sign-in: a 6-digit code (never the same step twice) or a recovery code. */
public final class SecondFactor {

    private final Deps d;

    public SecondFactor(Deps d) {
        this.d = d;
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
        d.limits().requireAvailable(Limits.TOTP_FAILURES, subject);
        byte[] secret = d.secrets().decrypt(user.totpSecret());
        OptionalLong step = d.totp().matchingStep(secret, code.strip(), d.clock().instant());
        boolean ok = d.db().inTransaction(tx -> step.isPresent()
                ? d.users().advanceTotpStep(tx, user.id(), step.getAsLong())
                : d.totp().useRecoveryCode(tx, user.id(), code));
        if (ok) {
            if (step.isEmpty()) {
                d.audit().record(AuditRecord.of(user.id(), "auth.recovery_code.used", user.id(), origin.ip()));
            }
            return;
        }
        d.limits().tryConsume(Limits.TOTP_FAILURES, subject);
        d.audit().record(AuditRecord.of(null, "auth.totp.failed", user.id(), origin.ip()));
        throw new ApiException(401, "auth.totp_invalid", "That authenticator code is not right (or was already used). "
                + "Wait for the next code and try again.");
    }
}
