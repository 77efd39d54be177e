package io.lectern.server.identity.internal.signin;

import io.lectern.server.audit.AuditService;
import io.lectern.server.identity.internal.tokens.AccessTokens;
import io.lectern.server.identity.internal.accounts.UserStore;
import java.time.Clock;
import io.helidon.dbclient.DbExecute;
import io.lectern.model.identity.AuthTokens;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.platform.http.ApiException;
import java.util.Map;
import java.util.UUID;

/**
 * Finishing a sign-in: session, refresh token, last-login time and the audit line in one transaction; the access
 * token is signed after it commits (signing may need to load or make the next key, which takes a connection).
 */
public final class SignIn {

    /**
     * A session opened in a transaction, to be answered with tokens once it committed.
     *
     * @param user         who signed in
     * @param sessionId    the session
     * @param refreshToken its refresh token
     * @param mfa          whether a second factor was used
     */
    public record Session(UserRecord user, UUID sessionId, String refreshToken, boolean mfa) {
    }

    private final Clock clock;
    private final UserStore users;
    private final SessionStore sessions;
    private final AccessTokens accessTokens;
    private final AuditService auditLog;

    public SignIn(Clock clock, UserStore users, SessionStore sessions, AccessTokens accessTokens, AuditService auditLog) {
        this.clock = clock;
        this.users = users;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.auditLog = auditLog;
    }

    /** Opens the session inside {@code tx}; answer with {@link #tokens(Session)} after it commits. */
    public Session complete(DbExecute tx, UserRecord user, String method, boolean mfa, Origin origin) {
        Map.Entry<UUID, String> session = sessions.open(tx, user.id(),
                new SessionStore.Origin(method, mfa, origin.ip(), origin.userAgent()));
        users.touchLogin(tx, user.id(), clock.instant());
        auditLog.record(tx, AuditRecord.of(user.id(), "auth.login.succeeded", user.id(), origin.ip())
                .with("method", method).with("mfa", Boolean.toString(mfa)));
        return new Session(user, session.getKey(), session.getValue(), mfa);
    }

    /** The tokens of a committed session; never inside a transaction. */
    public AuthTokens tokens(Session s) {
        String access = accessTokens.issue(s.user().id(), s.user().role(), s.sessionId(), s.mfa());
        return new AuthTokens(access, s.refreshToken(), accessTokens.ttl().toSeconds(), s.user().view());
    }

    /** 403 for accounts that may not sign in, checked only after the person proved who they are. */
    public static void requireUsable(UserRecord user) {
        if (!user.active()) {
            throw new ApiException(403, "auth.account_disabled",
                    "This account is deactivated. Contact an administrator if you think this is a mistake.");
        }
        if (!user.emailVerified()) {
            throw new ApiException(403, "auth.email_unverified",
                    "Confirm your email address first: enter the code we mailed you, or register again to get a new one.");
        }
    }

    public static ApiException invalidCode() {
        return new ApiException(401, "auth.code_invalid", "The code is wrong or has expired. Check the latest mail "
                + "or ask for a new code.");
    }
}
