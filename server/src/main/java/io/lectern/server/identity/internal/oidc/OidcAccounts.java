package io.lectern.server.identity.internal.oidc;

import io.lectern.server.audit.AuditService;
import io.lectern.server.identity.internal.tokens.AccessTokens;
import io.lectern.server.identity.internal.signin.SessionStore;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.Ids;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import com.nimbusds.jwt.JWTClaimsSet;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.Role;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.AccountCreated;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.identity.internal.accounts.UserStore;
import io.lectern.server.identity.internal.signin.SignIn;
import io.lectern.server.platform.http.ApiException;
import java.text.ParseException;
import java.util.Optional;
import java.util.UUID;

/** Finds, links or creates the account behind a verified ID token, then signs it in. */
public final class OidcAccounts {

    private final Database db;
    private final Ids ids;
    private final EventBus events;
    private final UserStore users;
    private final AuditService audit;
    private final SignIn signIn;
    private final OidcLinkStore links = new OidcLinkStore();

    public OidcAccounts(Database db, Clock clock, Ids ids, EventBus events, UserStore users, SessionStore sessions,
                        AccessTokens tokens, AuditService audit) {
        this.db = db;
        this.ids = ids;
        this.events = events;
        this.users = users;
        this.audit = audit;
        this.signIn = new SignIn(clock, users, sessions, tokens, audit);
    }

    public AuthTokens signIn(String provider, JWTClaimsSet claims, Origin origin) {
        String subject = claims.getSubject();
        String email;
        boolean verified;
        String name;
        try {
            email = claims.getStringClaim("email");
            verified = Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"));
            name = Optional.ofNullable(claims.getStringClaim("name")).orElse(email.split("@")[0]);
        } catch (ParseException e) {
            throw OidcLogin.failed("The provider's answer lacks a usable email address.");
        }
        if (!verified) {
            throw OidcLogin.failed("Your email address is not verified with the provider; verify it there first.");
        }
        UserRecord user = db.inTransaction(tx -> {
            Optional<UUID> linked = links.linkedUser(tx, provider, subject);
            if (linked.isPresent()) {
                return users.findById(tx, linked.get()).orElse(null);
            }
            Optional<UserRecord> byEmail = users.findByEmail(tx, email);
            UUID id;
            if (byEmail.isPresent()) {
                id = byEmail.get().id();
                if (!byEmail.get().emailVerified()) {
                    // someone registered this email without proving it: their password must not survive
                    users.setPassword(tx, id, null);
                    users.markVerified(tx, id);
                }
            } else {
                id = ids.next();
                users.insert(tx, new UserStore.NewUser(id, email, name.length() > 80 ? name.substring(0, 80)
                        : name, Role.STUDENT, null, true));
                events.publish(tx, new AccountCreated(id, name, Role.STUDENT));
                audit.record(tx, AuditRecord.of(id, "account.registered", id, origin.ip()).with("via", provider));
            }
            links.link(tx, provider, subject, id, email);
            audit.record(tx, AuditRecord.of(id, "auth.oidc.linked", id, origin.ip()).with("provider", provider));
            return users.findById(tx, id).orElseThrow();
        });
        if (user == null) {
            throw OidcLogin.failed("This sign-in is linked to an account that no longer exists.");
        }
        SignIn.requireUsable(user);
        if (user.totpEnabled()) {
            throw new ApiException(403, "auth.oidc_mfa_unsupported", "Your account uses an authenticator app. Sign in "
                    + "with your password or an email code plus the authenticator code instead.");
        }
        return signIn.tokens(db.inTransaction(tx -> signIn.complete(tx, user, "oidc:" + provider, false, origin)));
    }
}
