package io.lectern.model.identity;

/**
 * A 6-digit authenticator code (or, where accepted, a recovery code).
 *
 * @param code the code
 */
public record TotpCode(String code) {
}
