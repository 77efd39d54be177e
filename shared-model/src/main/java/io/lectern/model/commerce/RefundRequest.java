package io.lectern.model.commerce;

/**
 * Why an enrollment is refunded.
 *
 * @param reason shown in the audit log (≤ 500), optional
 */
public record RefundRequest(String reason) {
}
