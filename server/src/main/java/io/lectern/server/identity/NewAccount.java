package io.lectern.server.identity;

import io.lectern.model.identity.Role;

/**
 * An account to create: already-verified staff or seeded users.
 *
 * @param email       sign-in email
 * @param displayName name shown to others
 * @param role        role
 * @param password    plain password, hashed before it is stored
 */
public record NewAccount(String email, String displayName, Role role, String password) {

    @Override
    public String toString() {
        return "NewAccount[email=" + email + ", role=" + role + "]";
    }
}
