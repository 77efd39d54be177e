package io.lectern.server.learning;

import java.util.UUID;

/**
 * A certificate was issued.
 *
 * @param certificateId certificate
 * @param userId        learner
 * @param courseId      course
 * @param code          verification code
 */
public record CertificateIssued(UUID certificateId, UUID userId, UUID courseId, String code) {
}
