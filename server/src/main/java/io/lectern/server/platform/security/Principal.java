package io.lectern.server.platform.security;

import io.lectern.model.identity.Role;
import java.util.UUID;

/**
 * Who made a request, as proven by a verified access token.
 *
 * @param userId    the user
 * @param role      their role when the token was issued (tokens of a changed role are revoked)
 * @param sessionId the sign-in session (refresh token family) the token belongs to
 * @param mfa       whether the sign-in used a second factor (authenticator or recovery code)
 */
public record Principal(UUID userId, Role role, UUID sessionId, boolean mfa) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isStaff() {
        return role == Role.ADMIN || role == Role.INSTRUCTOR;
    }
}
