package io.lectern.server.commerce.internal.enrollment;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Enrollment;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Writes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL over enrollments. */
public final class EnrollmentStore {

    private static final String SELECT = """
            SELECT e.id, e.user_id, e.course_id, e.course_title, e.status, e.source, e.list_price_minor,
                   e.discount_minor, e.paid_minor, e.tax_minor, e.currency, e.created_at, e.refundable_until,
                   e.instructor_id, e.transaction_id,
                   (SELECT i.id FROM commerce.invoices i WHERE i.kind = 'ENROLLMENT' AND i.subject_id = e.id) AS invoice_id
              FROM commerce.enrollments e
            """;

    /**
     * An enrollment with the facts a refund needs.
     *
     * @param view         as shown
     * @param userId       learner
     * @param instructorId who got the instructor share, or null
     */
    public record Row(Enrollment view, UUID userId, UUID instructorId) {
    }

    /**
     * A new enrollment's facts.
     *
     * @param id           id
     * @param userId       learner
     * @param courseId     course
     * @param courseTitle  title
     * @param source       FREE, PURCHASE, SUBSCRIPTION, ADMIN
     * @param listPrice    price before discount
     * @param discount     coupon discount
     * @param paid         paid, tax included
     * @param tax          tax contained
     * @param currency     currency
     * @param couponId     coupon, or null
     * @param txId         ledger transaction, or null
     * @param instructorId instructor paid a share, or null
     * @param instructorShare the share (pending until the refund deadline)
     * @param refundableUntil refund deadline, or null
     */
    public record NewEnrollment(UUID id, UUID userId, UUID courseId, String courseTitle, String source, long listPrice,
                                long discount, long paid, long tax, String currency, UUID couponId, UUID txId,
                                UUID instructorId, long instructorShare, Instant refundableUntil) {
    }

    public void insert(Writes writes, NewEnrollment e, Instant now) {
        writes.add("enrollment", """
                INSERT INTO commerce.enrollments (id, user_id, course_id, status, source, list_price_minor, discount_minor,
                       paid_minor, tax_minor, currency, coupon_id, transaction_id, instructor_id, course_title, created_at,
                       refundable_until)
                VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.id(), e.userId(), e.courseId(), e.source(), e.listPrice(), e.discount(), e.paid(), e.tax(),
                e.currency(), e.couponId(), e.txId(), e.instructorId(), e.courseTitle(), Rows.param(now),
                Rows.param(e.refundableUntil()));
    }

    /** The view of an enrollment just inserted, without reading it back (its invoice comes later). */
    public static Enrollment view(NewEnrollment e, Instant at) {
        String c = e.currency();
        return new Enrollment(e.id(), e.courseId(), e.courseTitle(), "ACTIVE", e.source(), new Money(e.listPrice(), c),
                new Money(e.discount(), c), new Money(e.paid(), c), new Money(e.tax(), c), null, at, e.refundableUntil(), 0);
    }

    public Optional<Row> find(DbExecute db, UUID id) {
        return db.get(SELECT + " WHERE e.id = ?", id).map(EnrollmentStore::row);
    }

    public Optional<Row> lock(DbExecute tx, UUID id) {
        return tx.get(SELECT + " WHERE e.id = ? FOR UPDATE OF e", id).map(EnrollmentStore::row);
    }

    public Optional<Row> active(DbExecute db, UUID userId, UUID courseId) {
        return db.get(SELECT + " WHERE e.user_id = ? AND e.course_id = ? AND e.status = 'ACTIVE'", userId, courseId)
                .map(EnrollmentStore::row);
    }

    public List<Row> ofUser(DbExecute db, UUID userId) {
        try (var rows = db.query(SELECT + " WHERE e.user_id = ? ORDER BY e.created_at DESC", userId)) {
            return rows.map(EnrollmentStore::row).toList();
        }
    }

    public void end(DbExecute tx, UUID id, String status, Instant now) {
        tx.update("UPDATE commerce.enrollments SET status = ?, ended_at = ? WHERE id = ?", status, Rows.param(now), id);
    }

    /**
     * Whether the learner may study the course now: an active enrollment, and for subscription enrollments a
     * live subscription (active, or past due inside its grace period).
     */
    public boolean hasAccess(DbExecute db, UUID userId, UUID courseId, Instant now) {
        return db.get("""
                SELECT 1 FROM commerce.enrollments e
                 WHERE e.user_id = ? AND e.course_id = ? AND e.status = 'ACTIVE'
                   AND (e.source <> 'SUBSCRIPTION' OR EXISTS (
                        SELECT 1 FROM commerce.subscriptions s WHERE s.user_id = e.user_id
                           AND (s.status = 'ACTIVE' OR (s.status = 'PAST_DUE' AND s.grace_until > ?))))""",
                userId, courseId, Rows.param(now)).isPresent();
    }

    private static Row row(DbRow r) {
        String currency = Rows.text(r, "currency");
        Enrollment view = new Enrollment(Rows.uuid(r, "id"), Rows.uuid(r, "course_id"), Rows.text(r, "course_title"),
                Rows.text(r, "status"), Rows.text(r, "source"), new Money(Rows.number(r, "list_price_minor"), currency),
                new Money(Rows.number(r, "discount_minor"), currency), new Money(Rows.number(r, "paid_minor"), currency),
                new Money(Rows.number(r, "tax_minor"), currency), Rows.uuid(r, "invoice_id"), Rows.instant(r, "created_at"),
                Rows.instant(r, "refundable_until"), 0);
        return new Row(view, Rows.uuid(r, "user_id"), Rows.uuid(r, "instructor_id"));
    }
}
