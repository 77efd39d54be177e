package io.lectern.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.model.identity.Role;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The route × role matrix: every registered route is called anonymously and as a student, an instructor and an
 * admin, and must answer 401/403 exactly as this table says. A route missing from the table fails the test, so
 * nobody adds a route (least of all an unprotected one) without deciding who may call it.
 */
class RouteMatrixTest {

    private static final String ANYONE = "anyone";
    private static final String USER = "user";
    private static final String STAFF = "staff";
    private static final String ADMIN = "admin";
    /** No sign-in; a valid URL signature instead (without one: 403 for everybody). */
    private static final String SIGNED = "signed";

    /** Who may call each route: anyone, any signed-in user, staff (instructor, admin) or admin only. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("GET /api/v1/courses", ANYONE),
            Map.entry("GET /health", ANYONE),
            Map.entry("GET /health/ready", ANYONE),
            Map.entry("GET /api/v1/admin/health", ADMIN),
            Map.entry("GET /api/v1/openapi.json", ANYONE),
            Map.entry("POST /api/v1/uploads", USER),
            Map.entry("POST /api/v1/uploads/{id}", USER),
            Map.entry("GET /api/v1/courses/{id}/sales", STAFF),
            Map.entry("GET /api/v1/admin/sales", ADMIN),
            Map.entry("POST /api/v1/admin/payouts/{id}/destination", ADMIN),
            Map.entry("DELETE /api/v1/media/{id}", USER),
            Map.entry("GET /api/v1/me/media", USER),
            Map.entry("PUT /api/v1/lessons/{id}/progress", USER),
            Map.entry("POST /api/v1/lessons/{id}/complete", USER),
            Map.entry("GET /api/v1/courses/{id}/progress", USER),
            Map.entry("GET /api/v1/instructor/courses/{id}/progress", STAFF),
            Map.entry("GET /api/v1/instructor/courses/{id}/progress.csv", STAFF),
            Map.entry("POST /api/v1/sync", USER),
            Map.entry("PUT /api/v1/lessons/{id}/assignment", STAFF),
            Map.entry("GET /api/v1/assignments/{id}", USER),
            Map.entry("POST /api/v1/assignments/{id}/submissions", USER),
            Map.entry("GET /api/v1/instructor/courses/{id}/submissions", STAFF),
            Map.entry("PUT /api/v1/submissions/{id}/grade", STAFF),
            Map.entry("POST /api/v1/submissions/{id}/release", STAFF),
            Map.entry("GET /api/v1/assignments/{id}/scores.csv", STAFF),
            Map.entry("GET /api/v1/me/certificates", USER),
            Map.entry("GET /api/v1/certificates/public-key", ANYONE),
            Map.entry("GET /api/v1/certificates/{file}", USER),
            Map.entry("GET /api/v1/certificates/verify/{code}", ANYONE),
            Map.entry("POST /api/v1/admin/certificates/{id}/revoke", ADMIN),
            Map.entry("PUT /api/v1/courses/{id}/certificate-template", STAFF),
            Map.entry("GET /api/v1/courses/{id}/certificate-template", STAFF),
            Map.entry("POST /api/v1/courses/{id}/quizzes", STAFF),
            Map.entry("GET /api/v1/quizzes/{id}", USER),
            Map.entry("GET /api/v1/quizzes/{id}/offline", USER),
            Map.entry("POST /api/v1/quizzes/{id}/attempts", USER),
            Map.entry("GET /api/v1/attempts/{id}", USER),
            Map.entry("PUT /api/v1/attempts/{id}/answers", USER),
            Map.entry("POST /api/v1/attempts/{id}/submit", USER),
            Map.entry("GET /api/v1/instructor/courses/{id}/grading", STAFF),
            Map.entry("PUT /api/v1/attempts/{id}/grades", STAFF),
            Map.entry("GET /api/v1/lessons/{id}/notes", USER),
            Map.entry("POST /api/v1/lessons/{id}/notes", USER),
            Map.entry("PATCH /api/v1/notes/{id}", USER),
            Map.entry("DELETE /api/v1/notes/{id}", USER),
            Map.entry("GET /api/v1/me/notes", USER),
            Map.entry("OPTIONS /api/v1/uploads", ANYONE),
            Map.entry("HEAD /api/v1/uploads/{id}", USER),
            Map.entry("GET /api/v1/uploads/{id}", USER),
            Map.entry("PATCH /api/v1/uploads/{id}", USER),
            Map.entry("DELETE /api/v1/uploads/{id}", USER),
            Map.entry("GET /api/v1/media/{id}", USER),
            Map.entry("GET /api/v1/media/{id}/playback", ANYONE),
            Map.entry("GET /api/v1/media/{id}/files/{+path}", SIGNED),
            Map.entry("HEAD /api/v1/media/{id}/files/{+path}", SIGNED),
            Map.entry("GET /api/v1/courses/{idOrSlug}", ANYONE),
            Map.entry("GET /api/v1/lessons/{id}", ANYONE),
            Map.entry("GET /api/v1/categories", ANYONE),
            Map.entry("GET /api/v1/instructors", ANYONE),
            Map.entry("GET /api/v1/instructors/{id}", ANYONE),
            Map.entry("GET /api/v1/courses/{idOrSlug}/reviews", ANYONE),
            Map.entry("POST /api/v1/courses", STAFF),
            Map.entry("GET /api/v1/courses/{id}/draft", STAFF),
            Map.entry("PATCH /api/v1/courses/{id}", STAFF),
            Map.entry("DELETE /api/v1/courses/{id}", STAFF),
            Map.entry("POST /api/v1/courses/{id}/publish", STAFF),
            Map.entry("POST /api/v1/courses/{id}/archive", STAFF),
            Map.entry("POST /api/v1/courses/{id}/duplicate", STAFF),
            Map.entry("PUT /api/v1/courses/{id}/outline", STAFF),
            Map.entry("POST /api/v1/courses/{id}/sections", STAFF),
            Map.entry("PATCH /api/v1/sections/{id}", STAFF),
            Map.entry("DELETE /api/v1/sections/{id}", STAFF),
            Map.entry("POST /api/v1/sections/{id}/lessons", STAFF),
            Map.entry("PATCH /api/v1/lessons/{id}", STAFF),
            Map.entry("DELETE /api/v1/lessons/{id}", STAFF),
            Map.entry("GET /api/v1/instructor/courses", STAFF),
            Map.entry("POST /api/v1/courses/{idOrSlug}/reviews", USER),
            Map.entry("PATCH /api/v1/reviews/{id}", USER),
            Map.entry("DELETE /api/v1/reviews/{id}", USER),
            Map.entry("PUT /api/v1/reviews/{id}/reply", STAFF),
            Map.entry("DELETE /api/v1/reviews/{id}/reply", STAFF),
            Map.entry("POST /api/v1/reviews/{id}/reports", USER),
            Map.entry("GET /api/v1/admin/reviews", ADMIN),
            Map.entry("PATCH /api/v1/admin/reviews/{id}", ADMIN),
            Map.entry("GET /api/v1/wallet", USER),
            Map.entry("GET /api/v1/wallet/transactions", USER),
            Map.entry("POST /api/v1/wallet/redeem", USER),
            Map.entry("POST /api/v1/admin/voucher-batches", ADMIN),
            Map.entry("GET /api/v1/admin/voucher-batches", ADMIN),
            Map.entry("GET /api/v1/admin/voucher-batches/{id}", ADMIN),
            Map.entry("GET /api/v1/admin/voucher-batches/{id}/codes.csv", ADMIN),
            Map.entry("POST /api/v1/admin/voucher-batches/{id}/revoke", ADMIN),
            Map.entry("GET /api/v1/admin/ledger/check", ADMIN),
            Map.entry("POST /api/v1/courses/{id}/enroll", USER),
            Map.entry("GET /api/v1/me/enrollments", USER),
            Map.entry("POST /api/v1/enrollments/{id}/refund", STAFF),
            Map.entry("POST /api/v1/coupons", STAFF),
            Map.entry("GET /api/v1/coupons", STAFF),
            Map.entry("POST /api/v1/coupons/{id}/deactivate", STAFF),
            Map.entry("GET /api/v1/instructor/earnings", STAFF),
            Map.entry("GET /api/v1/instructor/payout-account", STAFF),
            Map.entry("PUT /api/v1/instructor/payout-account", STAFF),
            Map.entry("POST /api/v1/instructor/payouts", STAFF),
            Map.entry("GET /api/v1/instructor/payouts", STAFF),
            Map.entry("GET /api/v1/admin/payouts", ADMIN),
            Map.entry("POST /api/v1/admin/payouts/{id}/approve", ADMIN),
            Map.entry("POST /api/v1/admin/payouts/{id}/reject", ADMIN),
            Map.entry("POST /api/v1/admin/payouts/{id}/paid", ADMIN),
            Map.entry("GET /api/v1/admin/revenue-shares/{scope}/{id}", ADMIN),
            Map.entry("PUT /api/v1/admin/revenue-shares/{scope}/{id}", ADMIN),
            Map.entry("GET /api/v1/me/invoices", USER),
            Map.entry("GET /api/v1/invoices/{file}", USER),
            Map.entry("GET /api/v1/payments/providers", ANYONE),
            Map.entry("POST /api/v1/payments/checkout", USER),
            Map.entry("GET /api/v1/payments/{id}", USER),
            Map.entry("POST /api/v1/payments/webhooks/{provider}", ANYONE),
            Map.entry("GET /api/v1/payments/return", ANYONE),
            Map.entry("GET /api/v1/plans", ANYONE),
            Map.entry("GET /api/v1/admin/plans", ADMIN),
            Map.entry("POST /api/v1/admin/plans", ADMIN),
            Map.entry("PATCH /api/v1/admin/plans/{id}", ADMIN),
            Map.entry("POST /api/v1/subscriptions", USER),
            Map.entry("GET /api/v1/me/subscription", USER),
            Map.entry("DELETE /api/v1/me/subscription", USER),
            Map.entry("POST /api/v1/categories", ADMIN),
            Map.entry("PATCH /api/v1/categories/{slug}", ADMIN),
            Map.entry("DELETE /api/v1/categories/{slug}", ADMIN),
            Map.entry("POST /api/v1/auth/register", ANYONE),
            Map.entry("POST /api/v1/auth/verify-email", ANYONE),
            Map.entry("POST /api/v1/auth/login", ANYONE),
            Map.entry("POST /api/v1/auth/otp/request", ANYONE),
            Map.entry("POST /api/v1/auth/otp/verify", ANYONE),
            Map.entry("POST /api/v1/auth/refresh", ANYONE),
            Map.entry("POST /api/v1/auth/logout", ANYONE),
            Map.entry("POST /api/v1/auth/password/forgot", ANYONE),
            Map.entry("POST /api/v1/auth/password/reset", ANYONE),
            Map.entry("GET /api/v1/auth/jwks", ANYONE),
            Map.entry("GET /api/v1/auth/oidc/providers", ANYONE),
            Map.entry("POST /api/v1/auth/oidc/{provider}/token", ANYONE),
            Map.entry("GET /api/v1/me", USER),
            Map.entry("PATCH /api/v1/me", USER),
            Map.entry("DELETE /api/v1/me", USER),
            Map.entry("GET /api/v1/me/export", USER),
            Map.entry("POST /api/v1/me/password", USER),
            Map.entry("POST /api/v1/me/totp", STAFF),
            Map.entry("POST /api/v1/me/totp/confirm", STAFF),
            Map.entry("DELETE /api/v1/me/totp", STAFF),
            Map.entry("GET /api/v1/admin/users", ADMIN),
            Map.entry("POST /api/v1/admin/users", ADMIN),
            Map.entry("PATCH /api/v1/admin/users/{id}", ADMIN),
            Map.entry("GET /api/v1/admin/audit", ADMIN),
            Map.entry("GET /api/v1/admin/dev-mailbox", ADMIN));

    private static LecternServer server;
    private static Http http;
    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        Accounts accounts = Accounts.of(http);
        TOKENS.put(Role.ADMIN, accounts.adminToken());
        TOKENS.put(Role.STUDENT, accounts.registerVerified("matrix.student@example.com", "student passphrase", "S")
                .path("accessToken").asText());
        server.modules().identity().createAccount(new io.lectern.server.identity.NewAccount("matrix.instructor@example.com",
                "I", Role.INSTRUCTOR, "instructor passphrase"));
        TOKENS.put(Role.INSTRUCTOR, accounts.login("matrix.instructor@example.com", "instructor passphrase")
                .path("accessToken").asText());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteIsInTheTable() {
        Set<String> registered = new TreeSet<>();
        for (ApiRoutes.Route r : server.routes()) {
            registered.add(r.method().text() + " " + r.path());
        }
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(EXPECTED.keySet());
        assertTrue(missing.isEmpty(), "Routes without an entry in the access table: " + missing);
        Set<String> stale = new TreeSet<>(EXPECTED.keySet());
        stale.removeAll(registered);
        assertTrue(stale.isEmpty(), "Table entries for routes that do not exist: " + stale);
    }

    @Test
    void everyRouteAnswersEachRoleAsDeclared() {
        List<String> wrong = new ArrayList<>();
        for (ApiRoutes.Route r : server.routes()) {
            String key = r.method().text() + " " + r.path();
            String who = EXPECTED.getOrDefault(key, "missing");
            String path = r.path().replaceAll("\\{[^}]+}", "00000000-0000-7000-8000-000000000000");
            String body = Set.of("POST", "PUT", "PATCH", "DELETE").contains(r.method().text()) ? "{}" : null;
            check(wrong, key, "anonymous", http.call(r.method().text(), path, body, null).status(),
                    who.equals(ANYONE) ? Set.of() : who.equals(SIGNED) ? Set.of(403) : Set.of(401));
            for (Role role : Role.values()) {
                boolean allowed = switch (who) {
                    case ANYONE, USER -> true;
                    case STAFF -> role != Role.STUDENT;
                    case ADMIN -> role == Role.ADMIN;
                    default -> false;
                };
                int status = http.call(r.method().text(), path, body, TOKENS.get(role)).status();
                check(wrong, key, role.name(), status, allowed ? Set.of() : Set.of(403));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** {@code expected} empty means "allowed": anything but 401 and 403 (a 400 or 404 for the dummy input is fine). */
    private static void check(List<String> wrong, String route, String who, int status, Set<Integer> expected) {
        boolean ok = expected.isEmpty() ? status != 401 && status != 403 && status < 500 : expected.contains(status);
        if (!ok) {
            wrong.add(route + " as " + who + ": " + status + (expected.isEmpty() ? " (should be allowed)" : " (expected "
                    + expected + ")"));
        }
    }
}
