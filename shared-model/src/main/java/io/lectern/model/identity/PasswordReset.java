package io.lectern.model.identity;

/**
 * Sets a new password with a mailed reset (or invitation) code.
 *
 * @param email       account email
 * @param code        the 6-digit code from the mail
 * @param newPassword the new password
 */
public record PasswordReset(String email, String code, String newPassword) {
}
