package io.lectern.model.commerce;

import io.lectern.model.catalog.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A receipt for a purchase, or a credit note for a refund (negative amounts), numbered without gaps.
 *
 * @param id          invoice id
 * @param number      e.g. {@code LEC-2026-000042}
 * @param description what was bought
 * @param total       paid, tax included
 * @param tax         tax contained
 * @param taxRatePercent the tax rate, e.g. 19.0
 * @param taxName     VAT, GST, ...
 * @param issuedAt    when
 * @param pdfUrl      where to download it
 * @param kind        ENROLLMENT or SUBSCRIPTION (receipts), CREDIT_NOTE (a refund)
 * @param credits     for a credit note: the number of the receipt it credits
 */
public record Invoice(UUID id, String number, String description, Money total, Money tax, double taxRatePercent,
                      String taxName, Instant issuedAt, String pdfUrl, String kind, String credits) {
}
