package io.lectern.model.commerce;

import io.lectern.model.catalog.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A payout request and what became of it.
 *
 * @param id            payout id
 * @param instructorId  instructor
 * @param amount        amount
 * @param status        REQUESTED, APPROVED, REJECTED or PAID
 * @param accountMasked where it goes
 * @param requestedAt   when asked
 * @param decidedAt     when approved or rejected
 * @param paidAt        when marked paid
 * @param reference     transfer reference
 * @param note          admin's note
 * @param instructorName the instructor's display name, as admins see it
 */
public record Payout(UUID id, UUID instructorId, Money amount, String status, String accountMasked, Instant requestedAt,
                     Instant decidedAt, Instant paidAt, String reference, String note, String instructorName) {
}
