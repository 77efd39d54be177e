package io.lectern.server.identity.internal.mfa;

import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import io.lectern.server.identity.internal.accounts.UserStore;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import io.lectern.model.identity.RecoveryCodes;
import io.lectern.model.identity.TotpCode;
import io.lectern.model.identity.TotpEnrollment;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.identity.internal.signin.Limits;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.OptionalLong;

/** Staff enrol an authenticator app: start (secret + QR URI), confirm with a code (recovery codes), or turn off. */
public final class TotpFlows {

    private final Database db;
    private final Clock time;
    private final UserStore users;
    private final Totp totpCodes;
    private final SecretBox secrets;
    private final RateLimiter limits;
    private final AuditService audit;

    public TotpFlows(Database db, Clock time, UserStore users, Totp totpCodes, SecretBox secrets, RateLimiter limits,
                     AuditService audit) {
        this.db = db;
        this.time = time;
        this.users = users;
        this.totpCodes = totpCodes;
        this.secrets = secrets;
        this.limits = limits;
        this.audit = audit;
    }

    public TotpEnrollment start(Principal p, Origin origin) {
        UserRecord user = user(p);
        if (user.totpEnabled()) {
            throw new ApiException(409, "totp.already_enabled", "2FA is already on. Turn it off first to enrol a new app.");
        }
        byte[] secret = totpCodes.newSecret();
        db.doInTransaction(tx -> users.setTotp(tx, user.id(), secrets.encrypt(secret), false));
        return new TotpEnrollment(Totp.base32(secret), Totp.provisioningUri(user.email(), secret));
    }

    public RecoveryCodes confirm(Principal p, TotpCode req, Origin origin) {
        validate(req);
        UserRecord user = user(p);
        if (user.totpEnabled()) {
            throw new ApiException(409, "totp.already_enabled", "2FA is already on.");
        }
        if (user.totpSecret() == null) {
            throw new ApiException(409, "totp.not_started", "Start the enrolment first (POST /api/v1/me/totp).");
        }
        limits.requireAvailable(Limits.TOTP_FAILURES, user.id().toString());
        OptionalLong step = totpCodes.matchingStep(secrets.decrypt(user.totpSecret()), req.code().strip(),
                time.instant());
        if (step.isEmpty()) {
            limits.tryConsume(Limits.TOTP_FAILURES, user.id().toString());
            throw new ApiException(400, "totp.code_invalid", "That code does not match. Check the app's clock and "
                    + "enter the code it shows now.");
        }
        List<String> codes = db.inTransaction(tx -> {
            users.setTotp(tx, user.id(), user.totpSecret(), true);
            users.advanceTotpStep(tx, user.id(), step.getAsLong());
            audit.record(tx, AuditRecord.of(user.id(), "auth.totp.enabled", user.id(), origin.ip()));
            return totpCodes.newRecoveryCodes(tx, user.id());
        });
        return new RecoveryCodes(codes);
    }

    public void disable(Principal p, TotpCode req, Origin origin) {
        validate(req);
        UserRecord user = user(p);
        if (!user.totpEnabled()) {
            throw new ApiException(409, "totp.not_enabled", "2FA is not on.");
        }
        new SecondFactor(db, time, users, totpCodes, secrets, limits, audit).verify(user, req.code(), origin);
        db.doInTransaction(tx -> {
            users.setTotp(tx, user.id(), null, false);
            totpCodes.deleteRecoveryCodes(tx, user.id());
            audit.record(tx, AuditRecord.of(user.id(), "auth.totp.disabled", user.id(), origin.ip()));
        });
    }

    private UserRecord user(Principal p) {
        return users.findById(db.execute(), p.userId())
                .orElseThrow(() -> new ApiException(401, "auth.token_invalid", "Sign in again."));
    }

    private static void validate(TotpCode req) {
        new Validation().required("code", req.code()).maxLength("code", req.code(), 32).throwIfInvalid();
    }
}
