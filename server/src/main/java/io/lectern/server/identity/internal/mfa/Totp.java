package io.lectern.server.identity.internal.mfa;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.security.SecretBox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticator-app codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps; one step of drift either way) by
 * java-otp, the provisioning URI for QR codes, and one-time recovery codes stored as HMACs.
 */
public final class Totp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator();
    private final SecretBox secrets;
    private final SecureRandom random = new SecureRandom();

    private final RecoveryCodeStore recovery = new RecoveryCodeStore();

    public Totp(SecretBox secrets) {
        this.secrets = secrets;
    }

    public byte[] newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return secret;
    }

    public static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    public static String provisioningUri(String email, byte[] secret) {
        String label = URLEncoder.encode("Lectern:" + email, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32(secret)
                + "&issuer=Lectern&algorithm=SHA1&digits=6&period=30";
    }

    /** The code for a moment (tests and the desktop's own checks use the same algorithm). */
    public String codeAt(byte[] secret, Instant at) {
        try {
            return generator.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time step the code belongs to (now, one before or one after), if it matches any. */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long step = now.getEpochSecond() / 30;
        for (long s = step - 1; s <= step + 1; s++) {
            if (SecretBox.same(codeAt(secret, Instant.ofEpochSecond(s * 30)), code)) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** Replaces a user's recovery codes with ten new ones, returned in clear once. */
    public List<String> newRecoveryCodes(DbExecute tx, UUID userId) {
        recovery.deleteAll(tx, userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                sb.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            String code = sb.substring(0, 4) + "-" + sb.substring(4, 8) + "-" + sb.substring(8);
            codes.add(code);
            recovery.add(tx, userId, recoveryHash(userId, code));
        }
        return codes;
    }

    /** Uses up a recovery code; false if it is not one of the user's unused codes. */
    public boolean useRecoveryCode(DbExecute tx, UUID userId, String code) {
        String normalized = code.strip().toLowerCase(Locale.ROOT);
        return recovery.use(tx, userId, recoveryHash(userId, normalized));
    }

    public void deleteRecoveryCodes(DbExecute tx, UUID userId) {
        recovery.deleteAll(tx, userId);
    }

    private String recoveryHash(UUID userId, String code) {
        return secrets.hmac("recovery:" + userId + ":" + code);
    }
}
