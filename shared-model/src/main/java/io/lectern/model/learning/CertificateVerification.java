package io.lectern.model.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The public answer for a verification code: who earned what and when, whether it was revoked, and what an
 * offline check needs (the signed text, its Ed25519 signature and the public key).
 *
 * @param code          code
 * @param valid         issued here, signature good, not revoked
 * @param learnerName   learner
 * @param courseTitle   course
 * @param instructors   instructors
 * @param issuedAt      issued
 * @param revokedAt     revoked, if it was
 * @param revokedReason why
 * @param signedText    the canonical text that was signed
 * @param signature     Base64url Ed25519 signature
 * @param algorithm     Ed25519
 * @param publicKey     X.509 SubjectPublicKeyInfo, Base64
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateVerification(String code, boolean valid, String learnerName, String courseTitle,
                                      String instructors, Instant issuedAt, Instant revokedAt, String revokedReason,
                                      String signedText, String signature, String algorithm, String publicKey) {
}
