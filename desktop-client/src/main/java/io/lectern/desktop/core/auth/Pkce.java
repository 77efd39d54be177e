package io.lectern.desktop.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method: a random verifier stays in the app, its
 * challenge goes in the authorization request, and only the holder of the verifier can redeem the code.
 *
 * @param verifier  43 characters of base64url (32 random octets), all unreserved characters
 * @param challenge {@code BASE64URL-NOPAD(SHA256(ASCII(verifier)))}
 */
public record Pkce(String verifier, String challenge) {

    public static final String METHOD = "S256";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A fresh verifier and its challenge. */
    public static Pkce generate(SecureRandom random) {
        String verifier = randomToken(random);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** The S256 challenge of {@code verifier}. */
    public static String challengeOf(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** 32 random octets as 43 base64url characters: good for verifiers, {@code state} and {@code nonce}. */
    public static String randomToken(SecureRandom random) {
        byte[] octets = new byte[32];
        random.nextBytes(octets);
        return BASE64URL.encodeToString(octets);
    }
}
