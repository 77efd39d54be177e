package io.lectern.model.identity;

/**
 * Asks for (code null) or answers (code set) a passwordless email sign-in.
 *
 * @param email account email
 * @param code  the 6-digit code from the mail, null when requesting one
 * @param totp  authenticator or recovery code, for staff accounts with 2FA; null otherwise
 */
public record OtpRequest(String email, String code, String totp) {

    public static OtpRequest ask(String email) {
        return new OtpRequest(email, null, null);
    }
}
