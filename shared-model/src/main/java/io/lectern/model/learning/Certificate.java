package io.lectern.model.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A certificate of completion.
 *
 * @param id            id
 * @param code          verification code
 * @param courseId      course
 * @param courseTitle   course title when it was issued
 * @param learnerName   learner's name when it was issued
 * @param instructors   instructors' names
 * @param issuedAt      when
 * @param revokedAt     when an admin revoked it
 * @param revokedReason why
 * @param pdfUrl        the PDF (owner and admins)
 * @param verifyUrl     the public verification page (the QR code's target)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Certificate(UUID id, String code, UUID courseId, String courseTitle, String learnerName,
                          String instructors, Instant issuedAt, Instant revokedAt, String revokedReason, String pdfUrl,
                          String verifyUrl) {
}
