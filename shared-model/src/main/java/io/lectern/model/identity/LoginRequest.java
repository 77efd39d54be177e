package io.lectern.model.identity;

/**
 * Email and password sign-in; {@code totp} is the 6-digit code when the account has 2FA.
 *
 * @param email    account email
 * @param password account password
 * @param totp     optional one-time code
 */
public record LoginRequest(String email, String password, String totp) {
}
