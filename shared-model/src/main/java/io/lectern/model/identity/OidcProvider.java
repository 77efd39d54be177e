package io.lectern.model.identity;

/**
 * A configured OpenID Connect provider the desktop can offer ("Sign in with Google").
 *
 * @param id                    path id, e.g. google
 * @param name                  label for the button
 * @param authorizationEndpoint where the browser goes (authorization code + PKCE)
 * @param clientId              client id to send
 * @param scopes                space-separated scopes to ask for
 */
public record OidcProvider(String id, String name, String authorizationEndpoint, String clientId, String scopes) {
}
