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
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.PageCursor;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
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
    private final EnrollmentStore store = new EnrollmentStore();

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
        List<EnrollmentStore.SaleRow> rows = store.sales(db, f, learners);
        String next = null;
        if (rows.size() > f.limit()) {
            EnrollmentStore.SaleRow last = rows.get(f.limit() - 1);
            next = new PageCursor(last.enrolledAt(), last.id()).encode();
            rows = rows.subList(0, f.limit());
        }
        Map<UUID, UserView> people = identity.findByIds(db, rows.stream().map(EnrollmentStore.SaleRow::learner).distinct()
                .toList());
        Instant now = clock.instant();
        List<Sale> items = rows.stream().map(x -> view(x, people.get(x.learner()), p.isAdmin(), now)).toList();
        return new Page<>(items, next);
    }

    private static Sale view(EnrollmentStore.SaleRow x, UserView person, boolean admin, Instant now) {
        boolean refundable = x.status().equals("ACTIVE") && x.paid() > 0 && x.refundableUntil() != null
                && now.isBefore(x.refundableUntil());
        return new Sale(x.id(), x.course(), x.title(), x.learner(), person == null ? "Former learner" : person.displayName(),
                admin && person != null ? person.email() : null, x.status(), x.source(), new Money(x.paid(), x.currency()),
                x.enrolledAt(), x.refundableUntil(), refundable, x.receipt(), x.creditNote());
    }

    static ApiException badStatus() {
        return ApiException.invalid(List.of(new io.lectern.model.common.FieldViolation("status", "one_of",
                "status is ACTIVE, REFUNDED or REVOKED.")));
    }
}
