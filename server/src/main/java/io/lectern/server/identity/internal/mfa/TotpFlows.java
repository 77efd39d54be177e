package io.lectern.server.identity.internal.mfa;

import io.lectern.model.identity.RecoveryCodes;
import io.lectern.model.identity.TotpCode;
import io.lectern.model.identity.TotpEnrollment;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.internal.Deps;
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

    private final Deps d;

    public TotpFlows(Deps d) {
        this.d = d;
    }

    public TotpEnrollment start(Principal p, Origin origin) {
        UserRecord user = user(p);
        if (user.totpEnabled()) {
            throw new ApiException(409, "totp.already_enabled", "2FA is already on. Turn it off first to enrol a new app.");
        }
        byte[] secret = d.totp().newSecret();
        d.db().doInTransaction(tx -> d.users().setTotp(tx, user.id(), d.secrets().encrypt(secret), false));
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
        d.limits().requireAvailable(Limits.TOTP_FAILURES, user.id().toString());
        OptionalLong step = d.totp().matchingStep(d.secrets().decrypt(user.totpSecret()), req.code().strip(),
                d.clock().instant());
        if (step.isEmpty()) {
            d.limits().tryConsume(Limits.TOTP_FAILURES, user.id().toString());
            throw new ApiException(400, "totp.code_invalid", "That code does not match. Check the app's clock and "
                    + "enter the code it shows now.");
        }
        List<String> codes = d.db().inTransaction(tx -> {
            d.users().setTotp(tx, user.id(), user.totpSecret(), true);
            d.users().advanceTotpStep(tx, user.id(), step.getAsLong());
            d.audit().record(tx, AuditRecord.of(user.id(), "auth.totp.enabled", user.id(), origin.ip()));
            return d.totp().newRecoveryCodes(tx, user.id());
        });
        return new RecoveryCodes(codes);
    }

    public void disable(Principal p, TotpCode req, Origin origin) {
        validate(req);
        UserRecord user = user(p);
        if (!user.totpEnabled()) {
            throw new ApiException(409, "totp.not_enabled", "2FA is not on.");
        }
        new SecondFactor(d).verify(user, req.code(), origin);
        d.db().doInTransaction(tx -> {
            d.users().setTotp(tx, user.id(), null, false);
            d.totp().deleteRecoveryCodes(tx, user.id());
            d.audit().record(tx, AuditRecord.of(user.id(), "auth.totp.disabled", user.id(), origin.ip()));
        });
    }

    private UserRecord user(Principal p) {
        return d.users().findById(d.db().execute(), p.userId())
                .orElseThrow(() -> new ApiException(401, "auth.token_invalid", "Sign in again."));
    }

    private static void validate(TotpCode req) {
        new Validation().required("code", req.code()).maxLength("code", req.code(), 32).throwIfInvalid();
    }
}
