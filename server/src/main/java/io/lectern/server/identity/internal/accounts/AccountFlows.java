package io.lectern.server.identity.internal.accounts;

import io.lectern.server.audit.AuditService;
import io.lectern.server.notify.MailService;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.identity.internal.tokens.Revocations;
import io.lectern.server.identity.internal.tokens.AccessTokens;
import io.lectern.server.identity.internal.signin.SessionStore;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.Ids;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.OtpRequest;
import io.lectern.model.identity.PasswordChange;
import io.lectern.model.identity.PasswordReset;
import io.lectern.model.identity.RegisterRequest;
import io.lectern.model.identity.Role;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.AccountCreated;
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

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final EventBus events;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final EmailCodes codes;
    private final SessionStore sessionStore;
    private final Revocations revocations;
    private final RateLimiter limits;
    private final MailService mailer;
    private final AuditService audit;
    private final SignIn signIn;
    private final Throttle throttle;

    public AccountFlows(Database db, Clock clock, Ids ids, EventBus events, UserStore users, PasswordHasher hasher,
                        EmailCodes codes, SessionStore sessionStore, AccessTokens tokens, Revocations revocations,
                        RateLimiter limits, MailService mailer, AuditService audit) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.users = users;
        this.hasher = hasher;
        this.codes = codes;
        this.sessionStore = sessionStore;
        this.revocations = revocations;
        this.limits = limits;
        this.mailer = mailer;
        this.audit = audit;
        this.signIn = new SignIn(clock, users, sessionStore, tokens, audit);
        this.throttle = new Throttle(db, clock, sessionStore, limits);
    }

    /** Creates an unverified learner account and mails a code; an existing email gets a notice instead. */
    public void register(RegisterRequest req, Origin origin) {
        Validation v = new Validation().required("email", req.email()).email("email", req.email())
                .required("displayName", req.displayName()).maxLength("displayName", req.displayName(), 80)
                .maxLength("email", req.email(), 254);
        PasswordPolicy.check(v, "password", req.password(), req.email());
        v.throwIfInvalid();
        String email = req.email().strip().toLowerCase(Locale.ROOT);
        limits.consume(Limits.REGISTER_IP, origin.ip());
        boolean mail = throttle.beforeMail(email, origin, users.findByEmail(db.execute(), email));
        String hash = hasher.hash(req.password());
        db.doInTransaction(tx -> {
            Optional<UserRecord> existing = users.findByEmail(tx, email);
            if (existing.isPresent() && existing.get().emailVerified()) {
                UserRecord u = existing.get();
                if (mail) {
                    mailer.send(tx, new Mail(u.email(), "account-exists", u.mailLocale(), List.of(u.displayName())));
                }
                return;
            }
            java.util.UUID id;
            if (existing.isPresent()) {
                id = existing.get().id();
                users.replaceUnverified(tx, id, req.displayName().strip(), hash);
            } else {
                id = ids.next();
                users.insert(tx, new UserStore.NewUser(id, req.email().strip(), req.displayName().strip(),
                        Role.STUDENT, hash, false));
                events.publish(tx, new AccountCreated(id, req.displayName().strip(), Role.STUDENT));
                audit.record(tx, AuditRecord.of(id, "account.registered", id, origin.ip()));
            }
            if (mail) { // else the code mailed last stays valid
                String code = codes.issue(tx, id, EmailCodes.Purpose.VERIFY_EMAIL);
                mailer.send(tx, new Mail(req.email().strip(), "verify-email", Locale.ENGLISH,
                        List.of(req.displayName().strip(), code, "10")));
            }
        });
    }

    public AuthTokens verifyEmail(OtpRequest req, Origin origin) {
        new Validation().required("email", req.email()).email("email", req.email()).required("code", req.code())
                .check(req.code() == null || req.code().strip().matches("\\d{6}"), "code", "format",
                        "code must be the 6 digits from the mail.").throwIfInvalid();
        String email = req.email().strip().toLowerCase(Locale.ROOT);
        Optional<UserRecord> found = users.findByEmail(db.execute(), email);
        throttle.beforeCode(email, origin, found);
        UserRecord user = found.filter(u -> !u.emailVerified()).orElseThrow(() -> {
            throttle.codeFailed(email);
            return SignIn.invalidCode();
        });
        return db.inTransaction(tx -> {
            if (codes.check(tx, user.id(), EmailCodes.Purpose.VERIFY_EMAIL, req.code().strip())
                    != EmailCodes.Check.OK) {
                return null;
            }
            users.markVerified(tx, user.id());
            audit.record(tx, AuditRecord.of(user.id(), "account.verified", user.id(), origin.ip()));
            UserRecord verified = users.findById(tx, user.id()).orElseThrow();
            return signIn.complete(tx, verified, "verify", false, origin);
        }) instanceof SignIn.Session session ? signIn.tokens(session) : failCode(user, origin);
    }

    /** Mails a reset code if the account exists and is active; answers the same either way. */
    public void forgot(OtpRequest req, Origin origin) {
        new Validation().required("email", req.email()).email("email", req.email()).throwIfInvalid();
        String email = req.email().strip().toLowerCase(Locale.ROOT);
        Optional<UserRecord> found = users.findByEmail(db.execute(), email);
        if (!throttle.beforeMail(email, origin, found)) {
            return;
        }
        found.filter(UserRecord::active)
                .ifPresent(user -> db.doInTransaction(tx -> {
                    String code = codes.issue(tx, user.id(), EmailCodes.Purpose.RESET);
                    mailer.send(tx, new Mail(user.email(), "password-reset", user.mailLocale(),
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
        Optional<UserRecord> found = users.findByEmail(db.execute(), email);
        throttle.beforeCode(email, origin, found);
        UserRecord user = found.filter(UserRecord::active).orElseThrow(() -> {
            throttle.codeFailed(email);
            return SignIn.invalidCode();
        });
        String hash = hasher.hash(req.newPassword());
        List<java.util.UUID> ended = new java.util.ArrayList<>();
        boolean done = db.inTransaction(tx -> {
            boolean ok = codes.check(tx, user.id(), EmailCodes.Purpose.RESET, req.code().strip()) == EmailCodes.Check.OK
                    || codes.check(tx, user.id(), EmailCodes.Purpose.INVITE, req.code().strip()) == EmailCodes.Check.OK;
            if (!ok) {
                return false;
            }
            users.setPassword(tx, user.id(), hash);
            users.markVerified(tx, user.id());
            ended.addAll(sessionStore.revokeAll(tx, user.id(), null, "password_reset"));
            audit.record(tx, AuditRecord.of(user.id(), "auth.password.reset", user.id(), origin.ip()));
            return true;
        });
        if (!done) {
            failCode(user, origin);
        }
        ended.forEach(revocations::revokeSession);
        revocations.notBefore(user.id(), clock.instant());
    }

    /** Changes the password (current one required); other sessions end, this one stays. */
    public void change(Principal principal, PasswordChange req, Origin origin) {
        Validation v = new Validation().required("currentPassword", req.currentPassword())
                .maxLength("currentPassword", req.currentPassword(), PasswordPolicy.MAX);
        UserRecord user = users.findById(db.execute(), principal.userId())
                .orElseThrow(() -> new ApiException(401, "auth.token_invalid", "Sign in again."));
        PasswordPolicy.check(v, "newPassword", req.newPassword(), user.email());
        v.throwIfInvalid();
        String email = user.email().toLowerCase(Locale.ROOT);
        throttle.beforePassword(email, origin, Optional.of(user));
        if (user.passwordHash() == null || !hasher.verify(req.currentPassword(), user.passwordHash())) {
            throttle.passwordFailed(email, origin);
            throw new ApiException(403, "auth.password_wrong", "The current password is not right.");
        }
        String hash = hasher.hash(req.newPassword());
        List<java.util.UUID> ended = db.inTransaction(tx -> {
            users.setPassword(tx, user.id(), hash);
            audit.record(tx, AuditRecord.of(user.id(), "auth.password.changed", user.id(), origin.ip()));
            mailer.send(tx, new Mail(user.email(), "password-changed", user.mailLocale(), List.of(user.displayName())));
            return sessionStore.revokeAll(tx, user.id(), principal.sessionId(), "password_changed");
        });
        ended.forEach(revocations::revokeSession);
    }

    private AuthTokens failCode(UserRecord user, Origin origin) {
        throttle.codeFailed(user.email().toLowerCase(Locale.ROOT));
        audit.record(AuditRecord.of(null, "auth.code.failed", user.id(), origin.ip()));
        throw SignIn.invalidCode();
    }
}
