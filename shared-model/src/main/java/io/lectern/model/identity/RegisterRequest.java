package io.lectern.model.identity;

/**
 * A new learner account; it stays unverified until the mailed code is entered.
 *
 * @param email       sign-in email
 * @param password    at least 10 characters, not a common password
 * @param displayName name shown to others
 */
public record RegisterRequest(String email, String password, String displayName) {
}
