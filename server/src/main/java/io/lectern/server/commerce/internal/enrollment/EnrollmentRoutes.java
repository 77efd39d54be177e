package io.lectern.server.commerce.internal.enrollment;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.commerce.CouponRequest;
import io.lectern.model.commerce.EnrollRequest;
import io.lectern.model.commerce.Enrollment;
import io.lectern.model.commerce.RefundRequest;
import io.lectern.model.identity.Role;
import io.lectern.server.platform.idempotency.Idempotency;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.ClientIp;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PageCursor;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.security.Authz;
import java.util.Map;
import java.util.Optional;

/** Enrolling, a learner's enrollments, refunds and coupons. */
public final class EnrollmentRoutes {

    private final boolean trustForwardedFor;
    private final Json json;
    private final Enrollments enrollments;
    private final Refunds refunds;
    private final Coupons coupons;
    private final Sales sales;

    public EnrollmentRoutes(Json json, boolean trustForwardedFor, Enrollments enrollments, Refunds refunds,
                            Coupons coupons, Sales sales) {
        this.sales = sales;
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
        this.enrollments = enrollments;
        this.refunds = refunds;
        this.coupons = coupons;
    }

    public void register(ApiRoutes routes) {
        Access staff = Access.roles(Role.INSTRUCTOR, Role.ADMIN);
        routes.post("/api/v1/courses/{id}/enroll", Access.USER, this::enroll)
                .get("/api/v1/me/enrollments", Access.USER, (req, res) -> json.write(res, 200,
                        Map.of("items", enrollments.mine(Authz.principal(req).userId()))))
                .get("/api/v1/courses/{id}/sales", staff, (req, res) -> json.write(res, 200, sales.ofCourse(
                        Authz.principal(req), PathParams.uuid(req, "id", "This course"), filter(req))))
                .get("/api/v1/admin/sales", Access.roles(Role.ADMIN), (req, res) -> json.write(res, 200,
                        sales.all(Authz.principal(req), filter(req))))
                .post("/api/v1/enrollments/{id}/refund", staff, (req, res) -> json.write(res, 200, refunds.refund(
                        Authz.principal(req), PathParams.uuid(req, "id", "This enrollment"),
                        json.readOptional(req, RefundRequest.class, new RefundRequest(null)), ip(req))))
                .post("/api/v1/coupons", staff, (req, res) -> json.write(res, 201, coupons.create(Authz.principal(req),
                        json.read(req, CouponRequest.class), ip(req))))
                .get("/api/v1/coupons", staff, (req, res) -> json.write(res, 200, Map.of("items", coupons.list(
                        Authz.principal(req), QueryParams.uuid(req, "courseId")))))
                .post("/api/v1/coupons/{id}/deactivate", staff, (req, res) -> json.write(res, 200, coupons.deactivate(
                        Authz.principal(req), PathParams.uuid(req, "id", "This coupon"), ip(req))));
    }

    private void enroll(ServerRequest req, ServerResponse res) {
        Idempotency.Outcome<Enrollment> outcome = enrollments.enroll(Authz.principal(req),
                PathParams.uuid(req, "id", "This course"), json.readOptional(req, EnrollRequest.class,
                        new EnrollRequest(null)), Idempotency.key(req));
        Idempotency.send(json, res, outcome);
    }

    private static Sales.Filter filter(ServerRequest req) {
        Optional<String> status = QueryParams.text(req, "status", 20).map(s -> s.toUpperCase(java.util.Locale.ROOT));
        status.filter(s -> !java.util.Set.of("ACTIVE", "REFUNDED", "REVOKED").contains(s)).ifPresent(s -> {
            throw Sales.badStatus();
        });
        return new Sales.Filter(QueryParams.uuid(req, "courseId"), QueryParams.uuid(req, "learnerId"),
                QueryParams.text(req, "q", 100), status, QueryParams.instant(req, "from"), QueryParams.instant(req, "to"),
                QueryParams.limit(req, 50, 200), PageCursor.decode(req.query().first("cursor").orElse(null)));
    }

    private String ip(ServerRequest req) {
        return ClientIp.of(req, trustForwardedFor);
    }
}
