package io.lectern.server.identity;

import io.lectern.model.identity.Role;
import java.util.UUID;

/**
 * An account came into being.
 *
 * @param userId      the new user
 * @param displayName display name
 * @param role        role
 */
public record AccountCreated(UUID userId, String displayName, Role role) {
}
