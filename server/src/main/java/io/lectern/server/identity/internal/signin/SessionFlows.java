package io.lectern.server.identity.internal.signin;

import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.identity.internal.tokens.Revocations;
import io.lectern.server.identity.internal.tokens.AccessTokens;
import io.lectern.server.identity.internal.accounts.UserStore;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.RefreshRequest;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import java.util.Optional;

/** Refresh-token rotation with reuse detection, and logout. */
public final class SessionFlows {

    private final Database db;
    private final UserStore users;
    private final SessionStore sessions;
    private final Revocations revocations;
    private final RateLimiter limits;
    private final AuditService audit;
    private final SignIn signIn;

    public SessionFlows(Database db, Clock clock, UserStore users, SessionStore sessions, AccessTokens accessTokens,
                        Revocations revocations, RateLimiter limits, AuditService audit) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.revocations = revocations;
        this.limits = limits;
        this.audit = audit;
        this.signIn = new SignIn(clock, users, sessions, accessTokens, audit);
    }

    public AuthTokens refresh(RefreshRequest req, Origin origin) {
        validate(req);
        limits.consume(Limits.REFRESH_IP, origin.ip());
        Outcome outcome = db.inTransaction(tx -> {
            Optional<SessionStore.Use> use = sessions.use(tx, req.refreshToken());
            if (use.isEmpty()) {
                return new Outcome(null, null);
            }
            SessionStore.Use u = use.get();
            if (u.state() == SessionStore.State.REUSED) {
                sessions.revoke(tx, u.sessionId(), "refresh_reused");
                audit.record(tx, AuditRecord.of(null, "auth.refresh_reused", u.userId(), origin.ip())
                        .with("session", u.sessionId().toString()));
                return new Outcome(u, null);
            }
            if (u.state() != SessionStore.State.VALID) {
                return new Outcome(u, null);
            }
            UserRecord user = users.findById(tx, u.userId()).filter(UserRecord::active).orElse(null);
            if (user == null) {
                sessions.revoke(tx, u.sessionId(), "account_disabled");
                return new Outcome(u, null);
            }
            return new Outcome(u, new SignIn.Session(user, u.sessionId(), sessions.newToken(tx, u.sessionId()),
                    u.mfa()));
        });
        if (outcome.session() != null) {
            return signIn.tokens(outcome.session());
        }
        if (outcome.use() != null && outcome.use().state() == SessionStore.State.REUSED) {
            revocations.revokeSession(outcome.use().sessionId());
            throw new ApiException(401, "auth.refresh_reused", "This sign-in was ended because its refresh token was "
                    + "used twice, which can mean it was stolen. Sign in again.");
        }
        throw new ApiException(401, "auth.refresh_invalid", "The session has ended; sign in again.");
    }

    /** Ends the session the refresh token belongs to; answers the same for unknown tokens. */
    public void logout(RefreshRequest req, Origin origin) {
        validate(req);
        db.doInTransaction(tx -> sessions.use(tx, req.refreshToken()).ifPresent(u -> {
            sessions.revoke(tx, u.sessionId(), "logout");
            revocations.revokeSession(u.sessionId());
            audit.record(tx, AuditRecord.of(u.userId(), "auth.logout", u.userId(), origin.ip()));
        }));
    }

    private static void validate(RefreshRequest req) {
        new Validation().required("refreshToken", req.refreshToken()).maxLength("refreshToken", req.refreshToken(), 200)
                .throwIfInvalid();
    }

    private record Outcome(SessionStore.Use use, SignIn.Session session) {
    }
}
