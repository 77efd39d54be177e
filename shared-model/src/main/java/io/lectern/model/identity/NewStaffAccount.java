package io.lectern.model.identity;

/**
 * An admin creating an instructor or admin account; the person gets an invitation mail with a set-up code.
 *
 * @param email       their email
 * @param displayName their name
 * @param role        INSTRUCTOR or ADMIN
 */
public record NewStaffAccount(String email, String displayName, Role role) {
}
