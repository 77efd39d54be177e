package io.lectern.server.commerce.internal.enrollment;

import io.lectern.model.commerce.Enrollment;
import io.lectern.model.commerce.RefundRequest;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.commerce.EnrollmentCreated;
import io.lectern.server.commerce.EnrollmentEnded;
import io.lectern.server.commerce.internal.invoice.Invoices;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.InsufficientFundsException;
import io.lectern.server.commerce.internal.ledger.Leg;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.commerce.internal.revenue.Earnings;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Authz;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Refunds inside the refund window, by an admin or the course's instructor: the whole payment goes back to the
 * wallet, the tax, the instructor's pending share and the platform's share are reversed, access ends and a credit note
 * is issued beside the receipt, all in one transaction.
 */
public final class Refunds {

    private final Database db;
    private final Clock clock;
    private final EventBus events;
    private final CatalogService catalog;
    private final Ledger ledger;
    private final Earnings earnings;
    private final AuditService audit;
    private final Invoices invoices;
    private final EnrollmentStore repo = new EnrollmentStore();

    public Refunds(Database db, Clock clock, EventBus events, CatalogService catalog, Ledger ledger, Earnings earnings,
                   AuditService audit,
                   Invoices invoices) {
        this.invoices = invoices;
        this.db = db;
        this.clock = clock;
        this.events = events;
        this.catalog = catalog;
        this.ledger = ledger;
        this.earnings = earnings;
        this.audit = audit;
    }

    public Enrollment refund(Principal p, UUID enrollmentId, RefundRequest in, String ip) {
        new Validation().maxLength("reason", in.reason(), 500).throwIfInvalid();
        db.doInTransaction(tx -> {
            EnrollmentStore.Row row = repo.lock(tx, enrollmentId)
                    .orElseThrow(() -> ApiException.notFound("This enrollment"));
            Enrollment e = row.view();
            // the catalog is read with this transaction: a second connection per refund could drain the pool
            boolean staff = catalog.offer(tx, e.courseId()).map(c -> c.isStaff(p.userId())).orElse(false);
            if (!p.isAdmin() && !staff) {
                throw Authz.forbidden();
            }
            Instant now = clock.instant();
            if (!"ACTIVE".equals(e.status())) {
                throw new ApiException(409, "refund.not_active", "This enrollment already ended (" + e.status() + ").");
            }
            if (e.paid().amountMinor() == 0) {
                throw new ApiException(409, "refund.nothing_paid", "Nothing was paid for this enrollment.");
            }
            if (e.refundableUntil() == null || !now.isBefore(e.refundableUntil())) {
                throw new ApiException(409, "refund.window_closed", "The refund window closed on " + e.refundableUntil()
                        + ".");
            }
            reverse(tx, row, now);
            repo.end(tx, enrollmentId, "REFUNDED", now);
            invoices.creditNote(tx, new EnrollmentCreated(enrollmentId, row.userId(), e.courseId(), e.source(),
                    e.paid().amountMinor(), e.tax().amountMinor(), e.paid().currency(), e.enrolledAt()), in.reason());
            events.publish(tx, new EnrollmentEnded(enrollmentId, row.userId(), e.courseId(), "REFUNDED", now));
            audit.record(tx, new AuditRecord(p.userId(), "commerce.enrollment.refunded", "enrollment",
                    enrollmentId.toString(), ip, Map.of("amountMinor", Long.toString(e.paid().amountMinor()),
                    "reason", in.reason() == null ? "" : in.reason().strip())));
        });
        return repo.find(db.execute(), enrollmentId).orElseThrow().view();
    }

    private void reverse(io.helidon.dbclient.DbExecute tx, EnrollmentStore.Row row, Instant now) {
        Enrollment e = row.view();
        long paid = e.paid().amountMinor();
        long tax = e.tax().amountMinor();
        List<Leg> legs = new ArrayList<>();
        legs.add(new Leg(ledger.account(tx, AccountKind.WALLET, row.userId()), AccountKind.WALLET, paid));
        if (tax > 0) {
            legs.add(new Leg(ledger.account(tx, AccountKind.TAX_PAYABLE, null), AccountKind.TAX_PAYABLE, -tax));
        }
        long share = 0;
        var earned = earnings.lockOfEnrollment(tx, e.id());
        if (earned.isPresent() && earned.get().amount() > 0) {
            share = earned.get().amount();
            AccountKind from = "PENDING".equals(earned.get().status()) ? AccountKind.INSTRUCTOR_PENDING
                    : AccountKind.INSTRUCTOR_AVAILABLE;
            legs.add(new Leg(ledger.account(tx, from, row.instructorId()), from, -share));
            earnings.reverse(tx, earned.get().id());
        }
        long platformShare = paid - tax - share;
        if (platformShare != 0) {
            legs.add(new Leg(ledger.account(tx, AccountKind.PLATFORM_REVENUE, null), AccountKind.PLATFORM_REVENUE,
                    -platformShare));
        }
        try {
            ledger.post(tx, "REFUND", e.id().toString(), null, "Refund: " + e.courseTitle(), legs);
        } catch (InsufficientFundsException ex) {
            throw new ApiException(409, "refund.earnings_paid_out", "The instructor's share of this sale was already "
                    + "paid out; refund it by hand.");
        }
    }
}
