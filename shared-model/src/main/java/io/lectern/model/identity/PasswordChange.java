package io.lectern.model.identity;

/**
 * Changes the signed-in user's password; other sessions are signed out.
 *
 * @param currentPassword the password now
 * @param newPassword     the new password
 */
public record PasswordChange(String currentPassword, String newPassword) {
}
