package io.lectern.server.identity.internal.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.lectern.model.identity.Role;
import io.lectern.server.platform.cache.ReadCache;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Short-lived access tokens: ES256 JWTs ({@code typ: at+jwt}, {@code kid} of the signing key) carrying the
 * user, role, session and whether a second factor was used. Verification accepts only ES256 with a key of our
 * set, the right type, issuer and audience, and an unexpired token (no {@code alg: none}, no HMAC confusion).
 */
public final class AccessTokens {

    public static final String ISSUER = "lectern";
    public static final String AUDIENCE = "lectern-api";
    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

    /**
     * A verified token.
     *
     * @param principal who
     * @param issuedAt  when it was issued
     */
    public record Verified(Principal principal, Instant issuedAt) {
    }

    /** A token whose signature was checked, kept until it expires so each request does not verify ECDSA again. */
    private record Checked(Verified verified, Instant expiresAt) {
    }

    private final SigningKeys keys;
    private final Clock clock;
    private final Duration ttl;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final ReadCache<String, Checked> checked;

    public AccessTokens(SigningKeys keys, Clock clock, Duration ttl) {
        this.keys = keys;
        this.clock = clock;
        this.ttl = ttl;
        this.checked = new ReadCache<>(ttl, 20_000, clock);
        JWKSource<SecurityContext> source = (selector, context) -> {
            String kid = selector.getMatcher().getKeyIDs() == null || selector.getMatcher().getKeyIDs().isEmpty() ? ""
                    : selector.getMatcher().getKeyIDs().iterator().next();
            List<ECKey> candidates = keys.verificationKeys(kid);
            return selector.select(new JWKSet(candidates.stream().map(k -> (JWK) k.toPublicJWK()).toList()));
        };
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, source));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(AUDIENCE,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "sid", "role", "iat", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(30);
        processor.setJWTClaimsSetVerifier(claims);
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(UUID userId, Role role, UUID sessionId, boolean mfa) {
        ECKey key = keys.signingKey();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(userId.toString())
                .claim("role", role.name()).claim("sid", sessionId.toString()).claim("mfa", mfa)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    /**
     * Verifies a bearer token; 401 {@code auth.token_expired} or {@code auth.token_invalid} when it fails. A token
     * verified once is remembered (by its full text) until it expires: the signature check is the costliest step of
     * a request, and revocation is checked separately on every request anyway.
     */
    public Verified verify(String token) {
        Checked hit = checked.get(token, () -> {
            Verified v = verifySignature(token);
            return new Checked(v, expiryOf(token));
        }, c -> null);
        if (!hit.expiresAt().isAfter(clock.instant().minusSeconds(30))) {
            throw new ApiException(401, "auth.token_expired", "Your session token expired; refresh it or sign in again.");
        }
        return hit.verified();
    }

    private static Instant expiryOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
        } catch (ParseException e) {
            throw invalid();
        }
    }

    private Verified verifySignature(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Principal principal = new Principal(UUID.fromString(claims.getSubject()),
                    Role.valueOf(claims.getStringClaim("role")), UUID.fromString(claims.getStringClaim("sid")),
                    Boolean.TRUE.equals(claims.getBooleanClaim("mfa")));
            return new Verified(principal, claims.getIssueTime().toInstant());
        } catch (BadJWTException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Expired JWT")) {
                throw new ApiException(401, "auth.token_expired", "Your session token expired; refresh it or sign in again.");
            }
            throw invalid();
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return new ApiException(401, "auth.token_invalid", "The access token is not valid; sign in again.");
    }
}
