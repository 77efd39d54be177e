package io.lectern.model.identity;

/**
 * Asks for (code null) or answers (code set) a passwordless email sign-in.
 *
 * @param email account email
 * @param code  the 6-digit code from the mail, null when requesting one
 */
public record OtpRequest(String email, String code) {
}
