package io.lectern.model.identity;

/**
 * A started authenticator enrolment: show the URI as a QR code (or the secret for manual entry), then confirm
 * with a code from the app.
 *
 * @param secret     the shared secret in Base32
 * @param otpauthUri the {@code otpauth://totp/...} provisioning URI
 */
public record TotpEnrollment(String secret, String otpauthUri) {
}
