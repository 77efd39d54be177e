package io.lectern.server.commerce.internal.payout;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Payout;
import io.lectern.model.commerce.PayoutDecision;
import io.lectern.model.commerce.PayoutDestination;
import io.lectern.model.commerce.PayoutRequest;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.idempotency.Idempotency;
import io.lectern.server.commerce.internal.MoneyText;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.InsufficientFundsException;
import io.lectern.server.commerce.internal.ledger.Leg;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.commerce.internal.revenue.Earnings;
import io.lectern.server.notify.Mail;
import io.lectern.server.notify.MailService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Payouts: an instructor asks for (part of) their available earnings, which moves to a hold in the ledger and keeps
 * the bank details they had then; an admin approves, reads the full destination (after re-entering their password;
 * audited), rejects (the money returns to available) or marks it paid with the transfer's reference (the money
 * leaves the platform). Each step locks the payout, is audited and happens once; the instructor gets a mail when it
 * is paid or rejected.
 */
public final class Payouts {

    /** Who the payouts are for: the name on the admin's list, where and in which language to mail them. */
    public interface Instructors {
        Optional<io.lectern.server.identity.Recipient> find(DbExecute db, UUID id);
    }

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final Ledger ledger;
    private final Earnings earnings;
    private final PayoutAccounts accounts;
    private final Idempotency idempotency;
    private final AuditService audit;
    private final long threshold;
    private final Instructors instructors;
    private final MailService mail;
    private final PayoutStore store = new PayoutStore();

    public Payouts(Database database, Clock clock, Ids ids, Ledger ledger, Earnings earnings, PayoutAccounts accounts,
                   Idempotency idempotency,
                   AuditService audit, long threshold, Instructors instructors, MailService mail) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.instructors = instructors;
        this.mail = mail;
        this.ledger = ledger;
        this.earnings = earnings;
        this.accounts = accounts;
        this.idempotency = idempotency;
        this.audit = audit;
        this.threshold = threshold;
    }

    public Idempotency.Outcome<Payout> request(Principal p, PayoutRequest in, Optional<String> key, String ip) {
        new Validation().check(in.amountMinor() == null || in.amountMinor() > 0, "amountMinor", "range",
                "amountMinor must be positive.").throwIfInvalid();
        earnings.releaseDue(Optional.of(p.userId()));
        String masked = accounts.require(p.userId()).masked();
        return idempotency.run(p.userId(), key, "payout", String.valueOf(in.amountMinor()), 201, Payout.class, tx -> {
            long available = ledger.balance(tx, AccountKind.INSTRUCTOR_AVAILABLE, p.userId());
            long amount = in.amountMinor() != null ? in.amountMinor() : available;
            if (amount < threshold) {
                throw ApiException.rule("payout.below_threshold", "Payouts start at " + MoneyText.of(threshold,
                        ledger.currency()) + "; you have " + MoneyText.of(available, ledger.currency()) + " available.",
                        List.of()).with("thresholdMinor", threshold).with("availableMinor", available);
            }
            UUID id = ids.next();
            try {
                ledger.post(tx, "PAYOUT_REQUEST", id.toString(), p.userId(), "Payout requested", List.of(
                        leg(tx, AccountKind.INSTRUCTOR_AVAILABLE, p.userId(), -amount),
                        leg(tx, AccountKind.INSTRUCTOR_PAYOUT_HOLD, p.userId(), amount)));
            } catch (InsufficientFundsException e) {
                throw new ApiException(409, "payout.insufficient_available", "You have " + MoneyText.of(available,
                        ledger.currency()) + " available to pay out.").with("availableMinor", available);
            }
            store.insert(tx, id, p.userId(), amount, ledger.currency(), masked, clock.instant());
            audit.record(tx, record(p, "commerce.payout.requested", id, ip, amount));
            return withName(store.find(tx, id).orElseThrow(), name(tx, p.userId()));
        });
    }

    public Payout approve(Principal admin, UUID id, PayoutDecision in, String ip) {
        return decide(admin, id, ip, "commerce.payout.approved", (tx, payout) -> {
            requireStatus(payout, "REQUESTED");
            store.approve(tx, id, clock.instant(), admin.userId(), note(in));
        });
    }

    public Payout reject(Principal admin, UUID id, PayoutDecision in, String ip) {
        new Validation().required("note", in == null ? null : in.note()).maxLength("note", in == null ? null : in.note(), 500)
                .throwIfInvalid();
        return decide(admin, id, ip, "commerce.payout.rejected", (tx, payout) -> {
            if (!payout.status().equals("REQUESTED") && !payout.status().equals("APPROVED")) {
                throw wrongStatus(payout);
            }
            long amount = payout.amount().amountMinor();
            ledger.post(tx, "PAYOUT_REJECTED", id.toString(), admin.userId(), "Payout rejected", List.of(
                    leg(tx, AccountKind.INSTRUCTOR_PAYOUT_HOLD, payout.instructorId(), -amount),
                    leg(tx, AccountKind.INSTRUCTOR_AVAILABLE, payout.instructorId(), amount)));
            store.reject(tx, id, clock.instant(), admin.userId(), note(in));
            tell(tx, payout, "payout-rejected", note(in));
        });
    }

    public Payout markPaid(Principal admin, UUID id, PayoutDecision in, String ip) {
        new Validation().required("reference", in == null ? null : in.reference())
                .maxLength("reference", in == null ? null : in.reference(), 100).throwIfInvalid();
        return decide(admin, id, ip, "commerce.payout.paid", (tx, payout) -> {
            requireStatus(payout, "APPROVED");
            long amount = payout.amount().amountMinor();
            ledger.post(tx, "PAYOUT_PAID", id.toString(), admin.userId(), "Payout " + in.reference().strip(), List.of(
                    leg(tx, AccountKind.INSTRUCTOR_PAYOUT_HOLD, payout.instructorId(), -amount),
                    leg(tx, AccountKind.PAYOUTS_SETTLED, null, amount)));
            store.markPaid(tx, id, clock.instant(), in.reference().strip());
            tell(tx, payout, "payout-paid", in.reference().strip());
        });
    }

    /**
     * The full destination of a payout that is still to be paid, for an admin who just proved again who they are
     * (the caller checks); audited. Paid and rejected payouts no longer carry it.
     */
    public PayoutDestination destination(Principal admin, UUID id, String ip) {
        return database.inTransaction(tx -> {
            var row = store.destination(tx, id).orElseThrow(() -> ApiException.notFound("This payout"));
            String status = row.status();
            byte[] encrypted = row.encrypted();
            if (!status.equals("REQUESTED") && !status.equals("APPROVED") || encrypted == null) {
                throw new ApiException(409, "payout.wrong_status", "Only a payout still to be paid shows where it goes; "
                        + "this one is " + status + ".").with("status", status);
            }
            UUID instructor = row.instructorId();
            var details = accounts.read(encrypted);
            audit.record(tx, new AuditRecord(admin.userId(), "commerce.payout.destination_viewed", "payout",
                    id.toString(), ip, Map.of("instructorId", instructor.toString())));
            return new PayoutDestination(id, instructor, name(tx, instructor), new Money(row.amount(), row.currency()),
                    details.holderName(), details.iban(), details.accountNumber(), details.routingCode(),
                    details.bankName());
        });
    }

    private void tell(io.helidon.dbclient.DbTransaction tx, Payout payout, String template, String detail) {
        instructors.find(tx, payout.instructorId()).ifPresent(u -> mail.send(tx, new Mail(u.email(), template,
                u.locale(), List.of(u.displayName(),
                        MoneyText.of(payout.amount().amountMinor(), payout.amount().currency()),
                        detail == null ? "" : detail))));
    }

    private String name(DbExecute db, UUID instructor) {
        return instructors.find(db, instructor).map(io.lectern.server.identity.Recipient::displayName).orElse("");
    }

    public List<Payout> ofInstructor(UUID instructorId) {
        return named(store.ofInstructor(database.execute(), instructorId));
    }

    public List<Payout> all(Optional<String> status, int limit) {
        return named(store.all(database.execute(), status, limit));
    }

    private List<Payout> named(List<Payout> payouts) {
        Map<UUID, String> names = new java.util.HashMap<>();
        var db = database.execute();
        return payouts.stream().map(x -> withName(x, names.computeIfAbsent(x.instructorId(), id -> name(db, id))))
                .toList();
    }

    private static Payout withName(Payout x, String name) {
        return new Payout(x.id(), x.instructorId(), x.amount(), x.status(), x.accountMasked(), x.requestedAt(),
                x.decidedAt(), x.paidAt(), x.reference(), x.note(), name);
    }

    private Payout decide(Principal admin, UUID id, String ip, String action,
                          java.util.function.BiConsumer<io.helidon.dbclient.DbTransaction, Payout> step) {
        database.doInTransaction(tx -> {
            Payout payout = store.lock(tx, id).orElseThrow(() -> ApiException.notFound("This payout"));
            step.accept(tx, payout);
            audit.record(tx, record(admin, action, id, ip, payout.amount().amountMinor())
                    .with("instructorId", payout.instructorId().toString()));
        });
        return store.find(database.execute(), id).map(x -> withName(x, name(database.execute(), x.instructorId())))
                .orElseThrow();
    }

    private Leg leg(DbExecute tx, AccountKind kind, UUID owner, long amount) {
        return new Leg(ledger.account(tx, kind, owner), kind, amount);
    }

    private static void requireStatus(Payout payout, String status) {
        if (!payout.status().equals(status)) {
            throw wrongStatus(payout);
        }
    }

    private static ApiException wrongStatus(Payout payout) {
        return new ApiException(409, "payout.wrong_status", "This payout is " + payout.status() + ".")
                .with("status", payout.status());
    }

    private static String note(PayoutDecision in) {
        return in == null || in.note() == null ? null : in.note().strip();
    }

    private static AuditRecord record(Principal p, String action, UUID payoutId, String ip, long amount) {
        return new AuditRecord(p.userId(), action, "payout", payoutId.toString(), ip,
                Map.of("amountMinor", Long.toString(amount)));
    }
}
