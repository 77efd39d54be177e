package io.lectern.server.commerce.internal.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 or HMAC-SHA512 in hex, compared in constant time: how Stripe, Razorpay (256) and PayStack (512) sign webhooks. */
final class Hmac {

    private Hmac() {
    }

    static String sha256Hex(String secret, byte[] data) {
        return hex("HmacSHA256", secret, data);
    }

    static String sha512Hex(String secret, byte[] data) {
        return hex("HmacSHA512", secret, data);
    }

    private static String hex(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    static boolean same(String expectedHex, String givenHex) {
        return givenHex != null && MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                givenHex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
