package io.lectern.model.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as admins see them in the user list.
 *
 * @param id            user id
 * @param email         sign-in email
 * @param displayName   name
 * @param role          role
 * @param active        false when deactivated
 * @param emailVerified whether the email was confirmed
 * @param totpEnabled   whether 2FA is on
 * @param createdAt     when the account was made
 * @param lastLoginAt   last successful sign-in, may be null
 */
public record AccountSummary(UUID id, String email, String displayName, Role role, boolean active,
                             boolean emailVerified, boolean totpEnabled, Instant createdAt, Instant lastLoginAt) {
}
