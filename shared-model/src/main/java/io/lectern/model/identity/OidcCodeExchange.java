package io.lectern.model.identity;

/**
 * What the desktop sends after the provider redirected to its loopback address: the server exchanges the code
 * (with the PKCE verifier), verifies the ID token and signs the user in.
 *
 * @param code         authorization code from the redirect
 * @param codeVerifier PKCE verifier whose S256 challenge went in the authorization request
 * @param redirectUri  the exact loopback redirect URI used
 * @param nonce        the nonce sent in the authorization request
 */
public record OidcCodeExchange(String code, String codeVerifier, String redirectUri, String nonce) {
}
