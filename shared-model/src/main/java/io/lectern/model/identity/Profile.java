package io.lectern.model.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * The signed-in user's own profile.
 *
 * @param id            user id
 * @param email         sign-in email
 * @param displayName   name shown to others
 * @param role          what the user may do
 * @param bio           short text about the user, may be null
 * @param avatarMediaId uploaded avatar image, may be null
 * @param timezone      IANA time zone, e.g. Europe/Berlin
 * @param locale        language tag for mails and the app, e.g. en or de
 * @param emailVerified whether the email address was confirmed
 * @param totpEnabled   whether 2FA with an authenticator app is on
 * @param hasPassword   whether the account has a password (accounts made through Google may not)
 * @param createdAt     when the account was made
 */
public record Profile(UUID id, String email, String displayName, Role role, String bio, UUID avatarMediaId,
                      String timezone, String locale, boolean emailVerified, boolean totpEnabled,
                      boolean hasPassword, Instant createdAt) {
}
