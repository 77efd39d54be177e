package io.lectern.server.identity.internal;

import io.lectern.server.audit.AuditService;
import io.lectern.server.identity.internal.accounts.PasswordHasher;
import io.lectern.server.identity.internal.accounts.UserStore;
import io.lectern.server.identity.internal.mfa.Totp;
import io.lectern.server.identity.internal.signin.EmailCodes;
import io.lectern.server.identity.internal.signin.SessionStore;
import io.lectern.server.identity.internal.tokens.AccessTokens;
import io.lectern.server.identity.internal.tokens.Revocations;
import io.lectern.server.notify.MailService;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.config.AuthSettings;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import java.time.Clock;

/**
 * What the identity flows share.
 *
 * @param db          PostgreSQL
 * @param clock       the clock
 * @param ids         id generator
 * @param events      event bus
 * @param json        JSON
 * @param auth        the sign-in settings
 * @param users       user rows
 * @param hasher      Argon2id
 * @param codes       mailed codes
 * @param sessions    sessions and refresh tokens
 * @param tokens      access tokens
 * @param revocations early token revocation
 * @param totp        authenticator codes
 * @param secrets     encryption of secrets at rest
 * @param limits      rate limits
 * @param mail        outgoing mail
 * @param audit       audit log
 */
public record Deps(Database db, Clock clock, Ids ids, EventBus events, Json json, AuthSettings auth, UserStore users,
                   PasswordHasher hasher, EmailCodes codes,
                   SessionStore sessions, AccessTokens tokens, Revocations revocations, Totp totp, SecretBox secrets,
                   RateLimiter limits, MailService mail, AuditService audit) {
}
