package io.lectern.server.identity.internal.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Short-lived tokens Lectern hands to external tools (embedded lessons): ES256 JWTs of type
 * {@code lectern-launch+jwt} signed with the same keys as access tokens, so a tool verifies them against the public
 * JWKS at {@code /api/v1/auth/jwks}. Their audience is the tool's origin, so they are useless against our API.
 */
public final class LaunchTokens {

    public static final JOSEObjectType TYPE = new JOSEObjectType("lectern-launch+jwt");

    private final SigningKeys keys;
    private final Clock clock;
    private final Duration maxTtl;

    public LaunchTokens(SigningKeys keys, Clock clock, Duration maxTtl) {
        this.keys = keys;
        this.clock = clock;
        this.maxTtl = maxTtl;
    }

    public String issue(UUID userId, String audience, Map<String, String> claims, Duration ttl) {
        if (ttl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("Launch tokens live at most as long as access tokens");
        }
        ECKey key = keys.signingKey();
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER).audience(audience)
                .subject(userId.toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build(),
                builder.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a launch token", e);
        }
        return jwt.serialize();
    }
}
