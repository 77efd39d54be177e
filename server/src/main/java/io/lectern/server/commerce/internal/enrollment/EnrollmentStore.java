package io.lectern.server.commerce.internal.enrollment;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Enrollment;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Writes;
import io.lectern.server.platform.http.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over commerce.enrollments. */
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

    /**
     * A sale as listed for staff.
     *
     * @param id              enrollment id
     * @param course          course
     * @param title           course title at the sale
     * @param learner         buyer
     * @param status          ACTIVE, REFUNDED or REVOKED
     * @param source          FREE, PURCHASE, SUBSCRIPTION, ADMIN
     * @param paid            paid, tax included
     * @param currency        currency
     * @param enrolledAt      when
     * @param refundableUntil refund deadline, or null
     * @param receipt         the receipt's number, or null
     * @param creditNote      the credit note's number, or null
     */
    record SaleRow(UUID id, UUID course, String title, UUID learner, String status, String source, long paid,
                   String currency, Instant enrolledAt, Instant refundableUntil, String receipt, String creditNote) {
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

    /** Whether the learner has a live subscription: active, or past due inside its grace period. */
    boolean subscribed(DbExecute db, UUID userId, Instant now) {
        return db.get("""
                SELECT 1 FROM commerce.subscriptions WHERE user_id = ?
                   AND (status = 'ACTIVE' OR (status = 'PAST_DUE' AND grace_until > ?))""", userId,
                Rows.param(now)).isPresent();
    }

    /** The courses a learner ever enrolled in through a subscription. */
    public List<UUID> subscriptionCourses(DbExecute db, UUID userId) {
        try (var rows = db.query("SELECT DISTINCT course_id FROM commerce.enrollments "
                + "WHERE user_id = ? AND source = 'SUBSCRIPTION'", userId)) {
            return rows.map(r -> Rows.uuid(r, "course_id")).toList();
        }
    }

    /**
     * One page of sales (one more than {@code f.limit()}, to tell whether more follow), newest first; {@code learners}
     * narrows them to these buyers when present.
     */
    List<SaleRow> sales(DbExecute db, Sales.Filter f, Optional<List<UUID>> learners) {
        Object at = f.cursor().map(c -> (Object) Rows.param(c.at())).orElse(null);
        String[] ids = learners.map(Rows::uuidArray).orElse(null);
        try (var r = db.query("""
                SELECT e.id, e.course_id, e.course_title, e.user_id, e.status, e.source, e.paid_minor, e.currency,
                       e.created_at, e.refundable_until,
                       (SELECT number FROM commerce.invoices i WHERE i.kind = 'ENROLLMENT' AND i.subject_id = e.id)
                           AS receipt,
                       (SELECT number FROM commerce.invoices i WHERE i.kind = 'CREDIT_NOTE' AND i.subject_id = e.id)
                           AS credit_note
                  FROM commerce.enrollments e
                 WHERE (?::uuid IS NULL OR e.course_id = ?::uuid) AND (?::uuid IS NULL OR e.user_id = ?::uuid)
                   AND (?::uuid[] IS NULL OR e.user_id = ANY (?::uuid[]))
                   AND (?::text IS NULL OR e.status = ?::text)
                   AND (?::timestamptz IS NULL OR e.created_at >= ?::timestamptz)
                   AND (?::timestamptz IS NULL OR e.created_at < ?::timestamptz)
                   AND (?::timestamptz IS NULL OR (e.created_at, e.id) < (?::timestamptz, ?::uuid))
                 ORDER BY e.created_at DESC, e.id DESC LIMIT ?""",
                f.course().orElse(null), f.course().orElse(null), f.learner().orElse(null), f.learner().orElse(null),
                ids, ids, f.status().orElse(null), f.status().orElse(null), f.from().map(Rows::param).orElse(null),
                f.from().map(Rows::param).orElse(null), f.to().map(Rows::param).orElse(null),
                f.to().map(Rows::param).orElse(null), at, at, f.cursor().map(PageCursor::id).orElse(null),
                f.limit() + 1)) {
            return r.map(EnrollmentStore::saleRow).toList();
        }
    }

    /** A learner's enrollments, oldest first (data export). */
    public List<Map<String, Object>> exportFor(DbExecute db, UUID userId) {
        return Rows.maps(db, """
                SELECT id, course_id, course_title, status, source, list_price_minor, discount_minor, paid_minor,
                       tax_minor, currency, created_at, refundable_until, ended_at
                  FROM commerce.enrollments WHERE user_id = ? ORDER BY created_at""", userId);
    }

    private static SaleRow saleRow(DbRow r) {
        return new SaleRow(Rows.uuid(r, "id"), Rows.uuid(r, "course_id"), Rows.text(r, "course_title"),
                Rows.uuid(r, "user_id"), Rows.text(r, "status"), Rows.text(r, "source"), Rows.number(r, "paid_minor"),
                Rows.text(r, "currency"), Rows.instant(r, "created_at"), Rows.instant(r, "refundable_until"),
                Rows.text(r, "receipt"), Rows.text(r, "credit_note"));
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
