package io.lectern.server.commerce.internal.payout;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.commerce.Payout;
import io.lectern.model.commerce.PayoutAccountInput;
import io.lectern.model.commerce.PayoutDecision;
import io.lectern.model.commerce.PayoutRequest;
import io.lectern.model.commerce.RevenueShare;
import io.lectern.model.commerce.RevenueShareInput;
import io.lectern.model.common.FieldViolation;
import io.lectern.model.identity.Role;
import io.lectern.server.platform.idempotency.Idempotency;
import io.lectern.server.commerce.internal.revenue.RevenueShares;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.ClientIp;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Authz;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Instructors' earnings, payout account and payouts; admins' payout decisions and revenue shares. */
public final class PayoutRoutes {

    private final Database database;
    private final Clock clock;
    private final boolean trustForwardedFor;
    private final Json json;
    private final EarningsReport report;
    private final PayoutAccounts accounts;
    private final Payouts payouts;
    private final RevenueShares shares;
    private final AuditService audit;
    private final Function<UUID, Optional<UUID>> ownerOfCourse;
    private final Reauthenticate reauthenticate;

    /** Proof that the admin is at the keyboard (identity's re-authentication). */
    @FunctionalInterface
    public interface Reauthenticate {
        void require(io.lectern.server.platform.security.Principal p, String password, String totp, String ip);
    }

    public PayoutRoutes(Database database, Clock clock, Json json, boolean trustForwardedFor, EarningsReport report,
                        PayoutAccounts accounts, Payouts payouts,
                        RevenueShares shares, AuditService audit, Function<UUID, Optional<UUID>> ownerOfCourse,
                        Reauthenticate reauthenticate) {
        this.reauthenticate = reauthenticate;
        this.ownerOfCourse = ownerOfCourse;
        this.database = database;
        this.clock = clock;
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
        this.report = report;
        this.accounts = accounts;
        this.payouts = payouts;
        this.shares = shares;
        this.audit = audit;
    }

    public void register(ApiRoutes routes) {
        Access instructor = Access.roles(Role.INSTRUCTOR, Role.ADMIN);
        Access admin = Access.roles(Role.ADMIN);
        routes.get("/api/v1/instructor/earnings", instructor, (req, res) -> json.write(res, 200,
                        report.of(Authz.principal(req).userId())))
                .get("/api/v1/instructor/payout-account", instructor, (req, res) -> json.write(res, 200,
                        accounts.find(Authz.principal(req).userId()).orElseThrow(() -> ApiException.notFound(
                                "Your payout account"))))
                .put("/api/v1/instructor/payout-account", instructor, (req, res) -> json.write(res, 200, accounts.save(
                        Authz.principal(req), json.read(req, PayoutAccountInput.class), ip(req))))
                .post("/api/v1/instructor/payouts", instructor, this::request)
                .get("/api/v1/instructor/payouts", instructor, (req, res) -> json.write(res, 200,
                        Map.of("items", payouts.ofInstructor(Authz.principal(req).userId()))))
                .get("/api/v1/admin/payouts", admin, (req, res) -> json.write(res, 200, Map.of("items", payouts.all(
                        QueryParams.text(req, "status", 20).map(s -> s.toUpperCase(Locale.ROOT)),
                        QueryParams.limit(req, 100, 500)))))
                .post("/api/v1/admin/payouts/{id}/approve", admin, (req, res) -> json.write(res, 200, payouts.approve(
                        Authz.principal(req), payout(req), decision(req), ip(req))))
                .post("/api/v1/admin/payouts/{id}/reject", admin, (req, res) -> json.write(res, 200, payouts.reject(
                        Authz.principal(req), payout(req), decision(req), ip(req))))
                .post("/api/v1/admin/payouts/{id}/destination", admin, (req, res) -> {
                    var p = Authz.principal(req);
                    var proof = json.read(req, io.lectern.model.identity.Reauthentication.class);
                    reauthenticate.require(p, proof.password(), proof.totp(), ip(req));
                    json.write(res, 200, payouts.destination(p, payout(req), ip(req)));
                })
                .post("/api/v1/admin/payouts/{id}/paid", admin, (req, res) -> json.write(res, 200, payouts.markPaid(
                        Authz.principal(req), payout(req), decision(req), ip(req))))
                .get("/api/v1/admin/revenue-shares/{scope}/{id}", admin, (req, res) -> json.write(res, 200,
                        share(scope(req), PathParams.uuid(req, "id", "This instructor or course"))))
                .put("/api/v1/admin/revenue-shares/{scope}/{id}", admin, this::setShare);
    }

    private void request(ServerRequest req, ServerResponse res) {
        Idempotency.Outcome<Payout> outcome = payouts.request(Authz.principal(req), json.readOptional(req,
                PayoutRequest.class, new PayoutRequest(null)), Idempotency.key(req), ip(req));
        Idempotency.send(json, res, outcome);
    }

    private void setShare(ServerRequest req, ServerResponse res) {
        RevenueShares.Scope scope = scope(req);
        UUID id = PathParams.uuid(req, "id", "This instructor or course");
        RevenueShareInput in = json.read(req, RevenueShareInput.class);
        new Validation().check(in.instructorPercent() == null || in.instructorPercent() >= 0 && in.instructorPercent() <= 100,
                "instructorPercent", "range", "instructorPercent must be 0 to 100, or null to remove it.").throwIfInvalid();
        database.doInTransaction(tx -> {
            shares.set(tx, scope, id, in.instructorPercent(), Authz.principal(req).userId(), clock.instant());
            audit.record(tx, new AuditRecord(Authz.principal(req).userId(), "commerce.revenue_share.changed",
                    scope.name().toLowerCase(Locale.ROOT), id.toString(), ip(req),
                    Map.of("instructorPercent", String.valueOf(in.instructorPercent()))));
        });
        shares.forget();
        json.write(res, 200, share(scope, id));
    }

    private RevenueShare share(RevenueShares.Scope scope, UUID id) {
        var db = database.execute();
        Integer override = shares.override(db, scope, id).orElse(null);
        int effective = scope == RevenueShares.Scope.INSTRUCTOR
                ? override != null ? override : shares.defaultPercent()
                : shares.percentFor(db, id, ownerOfCourse.apply(id).orElse(new UUID(0, 0)));
        return new RevenueShare(scope.name(), id, override, effective);
    }

    private PayoutDecision decision(ServerRequest req) {
        return json.readOptional(req, PayoutDecision.class, new PayoutDecision(null, null));
    }

    private String ip(ServerRequest req) {
        return ClientIp.of(req, trustForwardedFor);
    }

    private static UUID payout(ServerRequest req) {
        return PathParams.uuid(req, "id", "This payout");
    }

    private static RevenueShares.Scope scope(ServerRequest req) {
        String text = PathParams.text(req, "scope");
        return switch (text) {
            case "instructors" -> RevenueShares.Scope.INSTRUCTOR;
            case "courses" -> RevenueShares.Scope.COURSE;
            default -> throw ApiException.invalid(List.of(new FieldViolation("scope", "one_of",
                    "Revenue shares are set for 'instructors' or 'courses'.")));
        };
    }
}
