package io.lectern.server.identity.internal.accounts;

import io.lectern.model.identity.AccountSummary;
import io.lectern.model.identity.Profile;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A row of {@code identity.users}.
 *
 * @param id            id
 * @param email         email
 * @param displayName   name
 * @param role          role
 * @param passwordHash  Argon2id PHC string, null for password-less accounts
 * @param emailVerified confirmed email
 * @param active        false when deactivated or deleted
 * @param bio           bio
 * @param avatarMediaId avatar
 * @param timezone      time zone
 * @param locale        language tag
 * @param totpSecret    encrypted TOTP secret, null when none
 * @param totpEnabled   2FA on
 * @param totpLastStep  last accepted TOTP time step (no replays)
 * @param createdAt     created
 * @param lastLoginAt   last sign-in
 */
public record UserRecord(UUID id, String email, String displayName, Role role, String passwordHash,
                         boolean emailVerified, boolean active, String bio, UUID avatarMediaId, String timezone,
                         String locale, byte[] totpSecret, boolean totpEnabled, long totpLastStep, Instant createdAt,
                         Instant lastLoginAt) {

    public UserView view() {
        return new UserView(id, email, displayName, role);
    }

    public Profile profile() {
        return new Profile(id, email, displayName, role, bio, avatarMediaId, timezone, locale, emailVerified,
                totpEnabled, passwordHash != null, createdAt);
    }

    public AccountSummary summary() {
        return new AccountSummary(id, email, displayName, role, active, emailVerified, totpEnabled, createdAt,
                lastLoginAt);
    }

    public Locale mailLocale() {
        return Locale.forLanguageTag(locale);
    }

}
