package io.lectern.model.identity;

import java.util.UUID;

/**
 * A user as the user themself sees it.
 *
 * @param id          user id
 * @param email       sign-in email
 * @param displayName name shown to others
 * @param role        what the user may do
 */
public record UserView(UUID id, String email, String displayName, Role role) {
}
