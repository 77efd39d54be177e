package io.lectern.model.identity;

/**
 * An admin's change to a user: null fields stay as they are.
 *
 * @param role   new role
 * @param active false deactivates (tokens stop working at once), true reactivates
 */
public record UserUpdate(Role role, Boolean active) {
}
