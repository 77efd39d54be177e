package io.lectern.server.identity.internal.signin;

import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.internal.Deps;
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

    private final Deps d;
    private final Throttle throttle;
    private final SecondFactor secondFactor;

    public Reauthentication(Deps d) {
        this.d = d;
        this.throttle = new Throttle(d);
        this.secondFactor = new SecondFactor(d);
    }

    public void require(Principal p, String password, String totp, String ip) {
        new Validation().required("password", password).maxLength("password", password, PasswordPolicy.MAX)
                .maxLength("totp", totp, 32).throwIfInvalid();
        UserRecord user = d.users().findById(d.db().execute(), p.userId())
                .orElseThrow(() -> new ApiException(401, "auth.token_invalid", "Sign in again."));
        String email = user.email().toLowerCase(Locale.ROOT);
        Origin origin = new Origin(ip, null);
        throttle.beforePassword(email, origin, Optional.of(user));
        if (user.passwordHash() == null || !d.hasher().verify(password, user.passwordHash())) {
            throttle.passwordFailed(email, origin);
            d.audit().record(AuditRecord.of(p.userId(), "auth.reauth.failed", p.userId(), ip));
            throw new ApiException(403, "auth.password_wrong", "The password is not right.");
        }
        if (secondFactor.required(user, totp)) {
            secondFactor.verify(user, totp, origin);
        }
        throttle.passwordSucceeded(email, origin);
    }
}
