package io.lectern.model.identity;

/**
 * Proof that the signed-in person is at the keyboard, before something sensitive is shown.
 *
 * @param password their password
 * @param totp     their authenticator code, when they have 2FA
 */
public record Reauthentication(String password, String totp) {
}
