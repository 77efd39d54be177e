package io.lectern.model.identity;

/**
 * Exchanges (or, on logout, revokes) a refresh token.
 *
 * @param refreshToken the opaque refresh token from the last {@link AuthTokens}
 */
public record RefreshRequest(String refreshToken) {
}
