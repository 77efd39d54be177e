package io.lectern.server.identity.internal.accounts;

import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.OtpRequest;
import io.lectern.model.identity.PasswordChange;
import io.lectern.model.identity.PasswordReset;
import io.lectern.model.identity.RegisterRequest;
import io.lectern.model.identity.Role;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.AccountCreated;
import io.lectern.server.identity.internal.Deps;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.signin.EmailCodes;
import io.lectern.server.identity.internal.signin.Limits;
import io.lectern.server.identity.internal.signin.SignIn;
import io.lectern.server.identity.internal.signin.Throttle;
import io.lectern.server.notify.Mail;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Registration with email verification, password reset (also how invited staff set a password), password change. */
public final class AccountFlows {

    private final Deps d;
    private final SignIn signIn;
    private final Throttle throttle;

    public AccountFlows(Deps d) {
        this.d = d;
        this.signIn = new SignIn(d);
        this.throttle = new Throttle(d);
    }

    /** Creates an unverified learner account and mails a code; an existing email gets a notice instead. */
    public void register(RegisterRequest req, Origin origin) {
        Validation v = new Validation().required("email", req.email()).email("email", req.email())
                .required("displayName", req.displayName()).maxLength("displayName", req.displayName(), 80)
                .maxLength("email", req.email(), 254);
        PasswordPolicy.check(v, "password", req.password(), req.email());
        v.throwIfInvalid();
        String email = req.email().strip().toLowerCase(Locale.ROOT);
        d.limits().consume(Limits.REGISTER_IP, origin.ip());
        boolean mail = throttle.beforeMail(email, origin, d.users().findByEmail(d.db().execute(), email));
        String hash = d.hasher().hash(req.password());
        d.db().doInTransaction(tx -> {
            Optional<UserRecord> existing = d.users().findByEmail(tx, email);
            if (existing.isPresent() && existing.get().emailVerified()) {
                UserRecord u = existing.get();
                if (mail) {
                    d.mail().send(tx, new Mail(u.email(), "account-exists", u.mailLocale(), List.of(u.displayName())));
                }
                return;
            }
            java.util.UUID id;
            if (existing.isPresent()) {
                id = existing.get().id();
                d.users().replaceUnverified(tx, id, req.displayName().strip(), hash);
            } else {
                id = d.ids().next();
                d.users().insert(tx, new UserStore.NewUser(id, req.email().strip(), req.displayName().strip(),
                        Role.STUDENT, hash, false));
                d.events().publish(tx, new AccountCreated(id, req.displayName().strip(), Role.STUDENT));
                d.audit().record(tx, AuditRecord.of(id, "account.registered", id, origin.ip()));
            }
            if (mail) { // else the code mailed last stays valid
                String code = d.codes().issue(tx, id, EmailCodes.Purpose.VERIFY_EMAIL);
                d.mail().send(tx, new Mail(req.email().strip(), "verify-email", Locale.ENGLISH,
                        List.of(req.displayName().strip(), code, "10")));
            }
        });
    }

    public AuthTokens verifyEmail(OtpRequest req, Origin origin) {
        new Validation().required("email", req.email()).email("email", req.email()).required("code", req.code())
                .check(req.code() == null || req.code().strip().matches("\\d{6}"), "code", "format",
                        "code must be the 6 digits from the mail.").throwIfInvalid();
        String email = req.email().strip().toLowerCase(Locale.ROOT);
        Optional<UserRecord> found = d.users().findByEmail(d.db().execute(), email);
        throttle.beforeCode(email, origin, found);
        UserRecord user = found.filter(u -> !u.emailVerified()).orElseThrow(() -> {
            throttle.codeFailed(email);
            return SignIn.invalidCode();
        });
        return d.db().inTransaction(tx -> {
            if (d.codes().check(tx, user.id(), EmailCodes.Purpose.VERIFY_EMAIL, req.code().strip())
                    != EmailCodes.Check.OK) {
                return null;
            }
            d.users().markVerified(tx, user.id());
            d.audit().record(tx, AuditRecord.of(user.id(), "account.verified", user.id(), origin.ip()));
            UserRecord verified = d.users().findById(tx, user.id()).orElseThrow();
            return signIn.complete(tx, verified, "verify", false, origin);
        }) instanceof SignIn.Session session ? signIn.tokens(session) : failCode(user, origin);
    }

    /** Mails a reset code if the account exists and is active; answers the same either way. */
    public void forgot(OtpRequest req, Origin origin) {
        new Validation().required("email", req.email()).email("email", req.email()).throwIfInvalid();
        String email = req.email().strip().toLowerCase(Locale.ROOT);
        Optional<UserRecord> found = d.users().findByEmail(d.db().execute(), email);
        if (!throttle.beforeMail(email, origin, found)) {
            return;
        }
        found.filter(UserRecord::active)
                .ifPresent(user -> d.db().doInTransaction(tx -> {
                    String code = d.codes().issue(tx, user.id(), EmailCodes.Purpose.RESET);
                    d.mail().send(tx, new Mail(user.email(), "password-reset", user.mailLocale(),
                            List.of(user.displayName(), code, "10")));
                }));
    }

    /** Sets a new password with a reset or invitation code; every session of the account ends. */
    public void reset(PasswordReset req, Origin origin) {
        Validation v = new Validation().required("email", req.email()).email("email", req.email())
                .required("code", req.code()).check(req.code() == null || req.code().strip().matches("\\d{6}"), "code",
                        "format", "code must be the 6 digits from the mail.");
        PasswordPolicy.check(v, "newPassword", req.newPassword(), req.email());
        v.throwIfInvalid();
        String email = req.email().strip().toLowerCase(Locale.ROOT);
        Optional<UserRecord> found = d.users().findByEmail(d.db().execute(), email);
        throttle.beforeCode(email, origin, found);
        UserRecord user = found.filter(UserRecord::active).orElseThrow(() -> {
            throttle.codeFailed(email);
            return SignIn.invalidCode();
        });
        String hash = d.hasher().hash(req.newPassword());
        List<java.util.UUID> ended = new java.util.ArrayList<>();
        boolean done = d.db().inTransaction(tx -> {
            boolean ok = d.codes().check(tx, user.id(), EmailCodes.Purpose.RESET, req.code().strip()) == EmailCodes.Check.OK
                    || d.codes().check(tx, user.id(), EmailCodes.Purpose.INVITE, req.code().strip()) == EmailCodes.Check.OK;
            if (!ok) {
                return false;
            }
            d.users().setPassword(tx, user.id(), hash);
            d.users().markVerified(tx, user.id());
            ended.addAll(d.sessions().revokeAll(tx, user.id(), null, "password_reset"));
            d.audit().record(tx, AuditRecord.of(user.id(), "auth.password.reset", user.id(), origin.ip()));
            return true;
        });
        if (!done) {
            failCode(user, origin);
        }
        ended.forEach(d.revocations()::revokeSession);
        d.revocations().notBefore(user.id(), d.clock().instant());
    }

    /** Changes the password (current one required); other sessions end, this one stays. */
    public void change(Principal principal, PasswordChange req, Origin origin) {
        Validation v = new Validation().required("currentPassword", req.currentPassword())
                .maxLength("currentPassword", req.currentPassword(), PasswordPolicy.MAX);
        UserRecord user = d.users().findById(d.db().execute(), principal.userId())
                .orElseThrow(() -> new ApiException(401, "auth.token_invalid", "Sign in again."));
        PasswordPolicy.check(v, "newPassword", req.newPassword(), user.email());
        v.throwIfInvalid();
        String email = user.email().toLowerCase(Locale.ROOT);
        throttle.beforePassword(email, origin, Optional.of(user));
        if (user.passwordHash() == null || !d.hasher().verify(req.currentPassword(), user.passwordHash())) {
            throttle.passwordFailed(email, origin);
            throw new ApiException(403, "auth.password_wrong", "The current password is not right.");
        }
        String hash = d.hasher().hash(req.newPassword());
        List<java.util.UUID> ended = d.db().inTransaction(tx -> {
            d.users().setPassword(tx, user.id(), hash);
            d.audit().record(tx, AuditRecord.of(user.id(), "auth.password.changed", user.id(), origin.ip()));
            d.mail().send(tx, new Mail(user.email(), "password-changed", user.mailLocale(), List.of(user.displayName())));
            return d.sessions().revokeAll(tx, user.id(), principal.sessionId(), "password_changed");
        });
        ended.forEach(d.revocations()::revokeSession);
    }

    private AuthTokens failCode(UserRecord user, Origin origin) {
        throttle.codeFailed(user.email().toLowerCase(Locale.ROOT));
        d.audit().record(AuditRecord.of(null, "auth.code.failed", user.id(), origin.ip()));
        throw SignIn.invalidCode();
    }
}
