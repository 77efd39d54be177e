package io.lectern.model.commerce;

import io.lectern.model.catalog.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A receipt for a purchase, numbered without gaps.
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
 */
public record Invoice(UUID id, String number, String description, Money total, Money tax, double taxRatePercent,
                      String taxName, Instant issuedAt, String pdfUrl) {
}
