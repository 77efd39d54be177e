package io.lectern.server.identity;

import io.lectern.server.platform.config.ConfigException;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.config.ModuleSettings;
import io.lectern.server.platform.config.Settings;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in settings. (The key that encrypts secrets at rest and the rate-limit factor are the platform's:
 * {@link LecternConfig#secretKey()}, {@link LecternConfig#rateLimitFactor()}.)
 *
 * @param accessTokenTtl   lifetime of an access JWT
 * @param refreshTokenTtl  lifetime of a refresh token (and of an idle session)
 * @param keyRotation      how long one signing key signs before the next takes over
 * @param requireAdminTotp admins must sign in with an authenticator code before they may do anything but enrol one
 *                         (the default; off only for a single-user install)
 * @param oidc             the OpenID Connect provider for "Sign in with ...", if configured
 */
public record IdentitySettings(Duration accessTokenTtl, Duration refreshTokenTtl, Duration keyRotation,
                               boolean requireAdminTotp, Optional<OidcSettings> oidc) {

    /** The keys this module reads. */
    public static final Set<String> KEYS = Set.of("auth.access-token-minutes", "auth.refresh-token-days",
            "auth.key-rotation-days", "auth.require-admin-totp", "oidc.id", "oidc.name", "oidc.issuer",
            "oidc.client-id", "oidc.client-secret");

    /** Reads this module's settings; {@code LecternConfig.module(IdentitySettings.READER)} gives them. */
    public static final ModuleSettings<IdentitySettings> READER = ModuleSettings.of(IdentitySettings.class, KEYS,
            IdentitySettings::read);

    public static final IdentitySettings DEFAULTS = new IdentitySettings(Duration.ofMinutes(15), Duration.ofDays(30),
            Duration.ofDays(30), true, Optional.empty());

    /**
     * Reads and validates the sign-in settings.
     *
     * @param s        the raw settings
     * @param platform the platform settings (unused: sign-in needs none of them)
     * @return the settings
     * @throws ConfigException when a value is wrong, or the OIDC client is incomplete
     */
    public static IdentitySettings read(Settings s, LecternConfig platform) {
        Optional<OidcSettings> oidc = s.text("oidc.issuer").map(issuer -> {
            if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
                throw new ConfigException(s.origin("oidc.issuer") + " must be the provider's issuer URL, such as "
                        + "https://accounts.google.com, but is '" + issuer + "'.");
            }
            return new OidcSettings(s.text("oidc.id").orElse("google"), s.text("oidc.name").orElse("Google"),
                    issuer, s.required("oidc.client-id", "oidc.issuer"), s.required("oidc.client-secret", "oidc.issuer"));
        });
        return new IdentitySettings(Duration.ofMinutes(s.integer("auth.access-token-minutes", 15, 1, 60)),
                Duration.ofDays(s.integer("auth.refresh-token-days", 30, 1, 365)),
                Duration.ofDays(s.integer("auth.key-rotation-days", 30, 1, 365)),
                s.bool("auth.require-admin-totp", true), oidc);
    }

    public IdentitySettings withRequireAdminTotp(boolean require) {
        return new IdentitySettings(accessTokenTtl, refreshTokenTtl, keyRotation, require, oidc);
    }

    public IdentitySettings withOidc(OidcSettings provider) {
        return new IdentitySettings(accessTokenTtl, refreshTokenTtl, keyRotation, requireAdminTotp, Optional.of(provider));
    }

    @Override
    public String toString() {
        return "IdentitySettings[accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", keyRotation=" + keyRotation + ", requireAdminTotp=" + requireAdminTotp + ", oidc="
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
