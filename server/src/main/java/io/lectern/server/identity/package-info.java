/**
 * Identity: accounts, credentials and roles (schema {@code identity}). Its public face is
 * {@link io.lectern.server.identity.IdentityService}; sign-in, tokens and 2FA arrive with the identity issue.
 */
package io.lectern.server.identity;
