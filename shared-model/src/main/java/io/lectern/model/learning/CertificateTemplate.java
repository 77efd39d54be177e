package io.lectern.model.learning;

import java.util.UUID;

/**
 * How a course's certificates look.
 *
 * @param accent           border and rule colour, {@code #rrggbb}
 * @param wording          the line between the learner's and the course's name
 * @param signerName       the name under the signature line (default: the instructors)
 * @param signerTitle      the signer's title
 * @param logoMediaId      an uploaded image shown top left
 * @param signatureMediaId an uploaded image of a signature
 */
public record CertificateTemplate(String accent, String wording, String signerName, String signerTitle,
                                  UUID logoMediaId, UUID signatureMediaId) {
}
