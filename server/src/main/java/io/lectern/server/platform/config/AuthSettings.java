package io.lectern.server.platform.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in settings.
 *
 * @param accessTokenTtl   lifetime of an access JWT
 * @param refreshTokenTtl  lifetime of a refresh token (and of an idle session)
 * @param keyRotation      how long one signing key signs before the next takes over
 * @param requireAdminTotp admins must sign in with an authenticator code before they may do anything but enrol one
 *                         (the default; off only for a single-user install)
 * @param rateLimitFactor  multiplies every rate limit (1 in production; tests that sign in a lot raise it)
 * @param secretKey        Base64 key (32+ bytes) that encrypts secrets at rest, or empty to use the one generated
 *                         under the data directory
 * @param oidc             the OpenID Connect provider for "Sign in with ...", if configured
 */
public record AuthSettings(Duration accessTokenTtl, Duration refreshTokenTtl, Duration keyRotation,
                           boolean requireAdminTotp, int rateLimitFactor, Optional<String> secretKey,
                           Optional<OidcSettings> oidc) {

    public static final AuthSettings DEFAULTS = new AuthSettings(Duration.ofMinutes(15), Duration.ofDays(30),
            Duration.ofDays(30), true, 1, Optional.empty(), Optional.empty());

    public AuthSettings withRateLimitFactor(int factor) {
        return new AuthSettings(accessTokenTtl, refreshTokenTtl, keyRotation, requireAdminTotp, factor, secretKey, oidc);
    }

    public AuthSettings withRequireAdminTotp(boolean require) {
        return new AuthSettings(accessTokenTtl, refreshTokenTtl, keyRotation, require, rateLimitFactor, secretKey, oidc);
    }

    public AuthSettings withOidc(OidcSettings provider) {
        return new AuthSettings(accessTokenTtl, refreshTokenTtl, keyRotation, requireAdminTotp, rateLimitFactor,
                secretKey, Optional.of(provider));
    }

    @Override
    public String toString() {
        return "AuthSettings[accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", keyRotation=" + keyRotation + ", requireAdminTotp=" + requireAdminTotp + ", rateLimitFactor="
                + rateLimitFactor + ", secretKey=" + (secretKey.isPresent() ? "***" : "generated") + ", oidc="
                + oidc.map(OidcSettings::toString).orElse("none") + "]";
    }

    /**
     * An OpenID Connect provider (Google or any other).
     *
     * @param id           path id, e.g. {@code google}
     * @param name         button label
     * @param issuer       issuer URL; discovery is at {@code issuer/.well-known/openid-configuration}
     * @param clientId     client id registered with the provider
     * @param clientSecret client secret
     */
    public record OidcSettings(String id, String name, String issuer, String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "OidcSettings[id=" + id + ", issuer=" + issuer + ", clientId=" + clientId + "]";
        }
    }
}
