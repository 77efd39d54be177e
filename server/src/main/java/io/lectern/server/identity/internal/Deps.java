package io.lectern.server.identity.internal;

import io.lectern.server.audit.AuditService;
import io.lectern.server.notify.MailService;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;

/**
 * What the identity flows share.
 *
 * @param platform    platform plumbing
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
public record Deps(Platform platform, UserRepository users, PasswordHasher hasher, EmailCodes codes,
                   Sessions sessions, AccessTokens tokens, Revocations revocations, Totp totp, SecretBox secrets,
                   RateLimiter limits, MailService mail, AuditService audit) {
}
