package io.lectern.server.commerce.internal.enrollment;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Sale;
import io.lectern.model.common.Page;
import io.lectern.model.identity.UserView;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.PageCursor;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finding sales without knowing ids: a course's enrollments for its staff, everyone's for admins, searchable by the
 * learner's name or address, by course, status and time, newest first, with what a refund needs (the enrollment
 * id, whether the window is still open) and the documents issued (receipt, credit note).
 */
public final class Sales {

    /**
     * What to list.
     *
     * @param course  one course
     * @param learner one learner
     * @param text    a fragment of the learner's name or address
     * @param status  ACTIVE, REFUNDED or REVOKED
     * @param from    enrolled at or after
     * @param to      enrolled before
     * @param limit   page size
     * @param cursor  where the last page ended
     */
    public record Filter(Optional<UUID> course, Optional<UUID> learner, Optional<String> text, Optional<String> status,
                         Optional<Instant> from, Optional<Instant> to, int limit, Optional<PageCursor> cursor) {
    }

    private final Database database;
    private final Clock clock;
    private final CatalogService catalog;
    private final IdentityService identity;

    public Sales(Database database, Clock clock, CatalogService catalog, IdentityService identity) {
        this.database = database;
        this.clock = clock;
        this.catalog = catalog;
        this.identity = identity;
    }

    /** A course's sales, for its staff and admins. */
    public Page<Sale> ofCourse(Principal p, UUID courseId, Filter f) {
        catalog.requireCourseStaff(p, courseId, "Only this course's instructors see who bought it.");
        return list(p, new Filter(Optional.of(courseId), f.learner(), f.text(), f.status(), f.from(), f.to(), f.limit(),
                f.cursor()));
    }

    /** Everyone's sales, for admins. */
    public Page<Sale> all(Principal p, Filter f) {
        return list(p, f);
    }

    private Page<Sale> list(Principal p, Filter f) {
        DbExecute db = database.execute();
        Optional<List<UUID>> learners = f.text().map(t -> identity.idsMatching(db, t, 500));
        if (learners.isPresent() && learners.get().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Object at = f.cursor().map(c -> (Object) Rows.param(c.at())).orElse(null);
        String[] ids = learners.map(Rows::uuidArray).orElse(null);
        List<Row> rows;
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
            rows = new ArrayList<>(r.map(Sales::row).toList());
        }
        String next = null;
        if (rows.size() > f.limit()) {
            Row last = rows.get(f.limit() - 1);
            next = new PageCursor(last.enrolledAt(), last.id()).encode();
            rows = rows.subList(0, f.limit());
        }
        Map<UUID, UserView> people = identity.findByIds(db, rows.stream().map(Row::learner).distinct().toList());
        Instant now = clock.instant();
        List<Sale> items = rows.stream().map(x -> x.view(people.get(x.learner()), p.isAdmin(), now)).toList();
        return new Page<>(items, next);
    }

    private record Row(UUID id, UUID course, String title, UUID learner, String status, String source, long paid,
                       String currency, Instant enrolledAt, Instant refundableUntil, String receipt, String creditNote) {

        Sale view(UserView person, boolean admin, Instant now) {
            boolean refundable = status.equals("ACTIVE") && paid > 0 && refundableUntil != null
                    && now.isBefore(refundableUntil);
            return new Sale(id, course, title, learner, person == null ? "Former learner" : person.displayName(),
                    admin && person != null ? person.email() : null, status, source, new Money(paid, currency),
                    enrolledAt, refundableUntil, refundable, receipt, creditNote);
        }
    }

    private static Row row(io.helidon.dbclient.DbRow r) {
        return new Row(Rows.uuid(r, "id"), Rows.uuid(r, "course_id"), Rows.text(r, "course_title"),
                Rows.uuid(r, "user_id"), Rows.text(r, "status"), Rows.text(r, "source"), Rows.number(r, "paid_minor"),
                Rows.text(r, "currency"), Rows.instant(r, "created_at"), Rows.instant(r, "refundable_until"),
                Rows.text(r, "receipt"), Rows.text(r, "credit_note"));
    }

    static ApiException badStatus() {
        return ApiException.invalid(List.of(new io.lectern.model.common.FieldViolation("status", "one_of",
                "status is ACTIVE, REFUNDED or REVOKED.")));
    }
}
