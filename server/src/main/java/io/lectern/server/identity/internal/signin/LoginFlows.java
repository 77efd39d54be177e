package io.lectern.server.identity.internal.signin;

import io.lectern.server.audit.AuditService;
import io.lectern.server.notify.MailService;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import io.lectern.server.identity.internal.mfa.Totp;
import io.lectern.server.identity.internal.tokens.AccessTokens;
import io.lectern.server.identity.internal.accounts.PasswordHasher;
import io.lectern.server.identity.internal.accounts.UserStore;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.LoginRequest;
import io.lectern.model.identity.OtpRequest;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.accounts.PasswordPolicy;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.identity.internal.mfa.SecondFactor;
import io.lectern.server.notify.Mail;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Password and passwordless (email code) sign-in. Unknown and known emails get the same answers, the same rate
 * limits and, for passwords, the same hashing work, so the API does not tell who has an account.
 */
public final class LoginFlows {

    private final Database db;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final EmailCodes codes;
    private final MailService mailer;
    private final AuditService audit;
    private final SignIn signIn;
    private final SecondFactor secondFactor;
    private final Throttle throttle;
    private final String dummyHash;

    public LoginFlows(Database db, Clock clock, UserStore users, PasswordHasher hasher, EmailCodes codes,
                      SessionStore sessions, AccessTokens tokens, Totp totpCodes, SecretBox secrets,
                      RateLimiter rateLimits, MailService mailer, AuditService audit) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.codes = codes;
        this.mailer = mailer;
        this.audit = audit;
        this.signIn = new SignIn(clock, users, sessions, tokens, audit);
        this.secondFactor = new SecondFactor(db, clock, users, totpCodes, secrets, rateLimits, audit);
        this.throttle = new Throttle(db, clock, sessions, rateLimits);
        this.dummyHash = hasher.hash("not-a-real-password-" + System.nanoTime());
    }

    public AuthTokens login(LoginRequest req, Origin origin) {
        Validation v = new Validation().required("email", req.email()).email("email", req.email())
                .required("password", req.password()).maxLength("password", req.password(), PasswordPolicy.MAX)
                .maxLength("totp", req.totp(), 32);
        v.throwIfInvalid();
        String email = req.email().strip().toLowerCase(Locale.ROOT);
        Optional<UserRecord> found = users.findByEmail(db.execute(), email);
        throttle.beforePassword(email, origin, found);
        boolean ok;
        if (found.isPresent() && found.get().passwordHash() != null) {
            ok = hasher.verify(req.password(), found.get().passwordHash());
        } else {
            hasher.verify(req.password(), dummyHash); // same work as for a real account
            ok = false;
        }
        if (!ok) {
            failed(email, found, origin, "auth.login.failed");
            throw new ApiException(401, "auth.invalid_credentials", "The email or password is not right.");
        }
        UserRecord user = found.get();
        SignIn.requireUsable(user);
        boolean mfa = secondFactor.required(user, req.totp());
        if (mfa) {
            secondFactor.verify(user, req.totp(), origin);
        }
        throttle.passwordSucceeded(email, origin);
        return signIn.tokens(db.inTransaction(tx -> signIn.complete(tx, user, "password", mfa, origin)));
    }

    /** Mails a sign-in code if the account exists and may sign in; answers the same either way. */
    public void requestCode(OtpRequest req, Origin origin) {
        new Validation().required("email", req.email()).email("email", req.email()).throwIfInvalid();
        String email = req.email().strip().toLowerCase(Locale.ROOT);
        Optional<UserRecord> found = users.findByEmail(db.execute(), email);
        if (!throttle.beforeMail(email, origin, found)) {
            return;
        }
        found.filter(u -> u.active() && u.emailVerified())
                .ifPresent(user -> db.doInTransaction(tx -> {
                    String code = codes.issue(tx, user.id(), EmailCodes.Purpose.LOGIN);
                    mailer.send(tx, new Mail(user.email(), "login-code", user.mailLocale(),
                            List.of(user.displayName(), code, "10")));
                }));
    }

    public AuthTokens verifyCode(OtpRequest req, Origin origin) {
        new Validation().required("email", req.email()).email("email", req.email()).required("code", req.code())
                .check(req.code() == null || req.code().strip().matches("\\d{6}"), "code", "format",
                        "code must be the 6 digits from the mail.")
                .maxLength("totp", req.totp(), 32).throwIfInvalid();
        String email = req.email().strip().toLowerCase(Locale.ROOT);
        Optional<UserRecord> found = users.findByEmail(db.execute(), email);
        throttle.beforeCode(email, origin, found);
        UserRecord user = found.orElseThrow(() -> {
            throttle.codeFailed(email);
            return SignIn.invalidCode();
        });
        boolean needsTotp = user.totpEnabled();
        EmailCodes.Check check = db.inTransaction(tx -> needsTotp
                ? codes.peek(tx, user.id(), EmailCodes.Purpose.LOGIN, req.code().strip())
                : codes.check(tx, user.id(), EmailCodes.Purpose.LOGIN, req.code().strip()));
        if (check != EmailCodes.Check.OK) {
            throttle.codeFailed(email);
            audit.record(AuditRecord.of(null, "auth.otp.failed", user.id(), origin.ip()).with("email", email));
            throw SignIn.invalidCode();
        }
        SignIn.requireUsable(user);
        boolean mfa = secondFactor.required(user, req.totp());
        if (mfa) {
            secondFactor.verify(user, req.totp(), origin);
            db.doInTransaction(tx -> codes.check(tx, user.id(), EmailCodes.Purpose.LOGIN,
                    req.code().strip()));
        }
        throttle.codeSucceeded(email, origin);
        return signIn.tokens(db.inTransaction(tx -> signIn.complete(tx, user, "otp", mfa, origin)));
    }

    private void failed(String email, Optional<UserRecord> user, Origin origin, String action) {
        var decision = throttle.passwordFailed(email, origin);
        UserRecord known = user.orElse(null);
        audit.record(AuditRecord.of(null, action, known == null ? null : known.id(), origin.ip()).with("email", email));
        if (decision.allowed() && decision.remaining() == 0) {
            audit.record(AuditRecord.of(null, "auth.locked", known == null ? null : known.id(), origin.ip())
                    .with("email", email));
        }
    }
}
