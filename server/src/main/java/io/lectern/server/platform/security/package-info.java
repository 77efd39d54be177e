/**
 * Security plumbing every module uses: the signed-in {@link io.lectern.server.platform.security.Principal} and
 * the authorization helpers ({@link io.lectern.server.platform.security.Authz}), Redis-backed rate limits, and
 * encryption of secrets at rest.
 */
package io.lectern.server.platform.security;
