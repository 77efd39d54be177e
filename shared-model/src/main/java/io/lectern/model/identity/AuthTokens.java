package io.lectern.model.identity;

/**
 * The answer to a successful sign-in or refresh.
 *
 * @param accessToken  short-lived JWT for the Authorization header
 * @param refreshToken opaque, single-use token that gets a new pair
 * @param expiresIn    seconds until the access token expires
 * @param user         who signed in
 */
public record AuthTokens(String accessToken, String refreshToken, long expiresIn, UserView user) {
}
