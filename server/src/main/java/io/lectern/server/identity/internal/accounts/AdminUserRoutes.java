package io.lectern.server.identity.internal.accounts;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.common.FieldViolation;
import io.lectern.model.identity.NewStaffAccount;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserUpdate;
import io.lectern.server.identity.internal.Requests;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PageCursor;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.security.Authz;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@code /api/v1/admin/users}: search, create staff by invitation, change role or active state. */
public final class AdminUserRoutes {

    private final Json json;
    private final Requests requests;
    private final StaffAdmin admin;

    public AdminUserRoutes(Json json, Requests requests, StaffAdmin admin) {
        this.json = json;
        this.requests = requests;
        this.admin = admin;
    }

    public void register(ApiRoutes routes) {
        Access admins = Access.roles(Role.ADMIN);
        routes.get("/api/v1/admin/users", admins, this::search)
                .post("/api/v1/admin/users", admins, (req, res) -> json.write(res, 201, admin.create(Authz.principal(req),
                        json.read(req, NewStaffAccount.class), requests.origin(req))))
                .patch("/api/v1/admin/users/{id}", admins, (req, res) -> json.write(res, 200, admin.update(
                        Authz.principal(req), id(req), json.read(req, UserUpdate.class), requests.origin(req))));
    }

    private void search(ServerRequest req, ServerResponse res) {
        Optional<Role> role = QueryParams.text(req, "role", 20).map(r -> {
            try {
                return Role.valueOf(r.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(List.of(new FieldViolation("role", "one_of",
                        "role must be STUDENT, INSTRUCTOR or ADMIN.")));
            }
        });
        json.write(res, 200, admin.search(QueryParams.text(req, "q", 100), role, QueryParams.bool(req, "active"),
                QueryParams.limit(req, 50, 200), PageCursor.decode(req.query().first("cursor").orElse(null))));
    }

    private static UUID id(ServerRequest req) {
        try {
            return UUID.fromString(req.path().pathParameters().get("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("This user");
        }
    }
}
