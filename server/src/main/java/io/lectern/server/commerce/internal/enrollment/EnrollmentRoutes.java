package io.lectern.server.commerce.internal.enrollment;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.commerce.CouponRequest;
import io.lectern.model.commerce.EnrollRequest;
import io.lectern.model.commerce.Enrollment;
import io.lectern.model.commerce.RefundRequest;
import io.lectern.model.identity.Role;
import io.lectern.server.commerce.internal.Idempotency;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.ClientIp;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.security.Authz;
import java.util.Map;

/** Enrolling, a learner's enrollments, refunds and coupons. */
public final class EnrollmentRoutes {

    private final Platform platform;
    private final Json json;
    private final Enrollments enrollments;
    private final Refunds refunds;
    private final Coupons coupons;

    public EnrollmentRoutes(Platform platform, Enrollments enrollments, Refunds refunds, Coupons coupons) {
        this.platform = platform;
        this.json = platform.json();
        this.enrollments = enrollments;
        this.refunds = refunds;
        this.coupons = coupons;
    }

    public void register(ApiRoutes routes) {
        Access staff = Access.roles(Role.INSTRUCTOR, Role.ADMIN);
        routes.post("/api/v1/courses/{id}/enroll", Access.USER, this::enroll)
                .get("/api/v1/me/enrollments", Access.USER, (req, res) -> json.write(res, 200,
                        Map.of("items", enrollments.mine(Authz.principal(req).userId()))))
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

    private String ip(ServerRequest req) {
        return ClientIp.of(req, platform.config().trustForwardedFor());
    }
}
