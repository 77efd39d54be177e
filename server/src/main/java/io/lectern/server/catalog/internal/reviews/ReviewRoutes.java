package io.lectern.server.catalog.internal.reviews;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.lectern.model.catalog.AbuseReport;
import io.lectern.model.catalog.ReviewInput;
import io.lectern.model.catalog.ReviewModeration;
import io.lectern.model.catalog.ReviewReplyInput;
import io.lectern.model.identity.Role;
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
import java.util.UUID;

/** Reviews and ratings: reading, writing, replying, reporting and moderating. */
public final class ReviewRoutes {

    private final boolean trustForwardedFor;
    private final Json json;
    private final Reviews reviews;

    public ReviewRoutes(Json json, boolean trustForwardedFor, Reviews reviews) {
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
        this.reviews = reviews;
    }

    public void register(ApiRoutes routes) {
        Access staff = Access.roles(Role.INSTRUCTOR, Role.ADMIN);
        Access admin = Access.roles(Role.ADMIN);
        routes.get("/api/v1/courses/{idOrSlug}/reviews", Access.PUBLIC, (req, res) -> json.write(res, 200, reviews.list(
                        Authz.current(req), PathParams.text(req, "idOrSlug"), QueryParams.limit(req, 20, 100),
                        PageCursor.decode(req.query().first("cursor").orElse(null)))))
                .post("/api/v1/courses/{idOrSlug}/reviews", Access.USER, (req, res) -> json.write(res, 201, reviews.post(
                        Authz.principal(req), PathParams.text(req, "idOrSlug"), json.read(req, ReviewInput.class))))
                .patch("/api/v1/reviews/{id}", Access.USER, (req, res) -> json.write(res, 200, reviews.edit(
                        Authz.principal(req), review(req), json.read(req, ReviewInput.class))))
                .delete("/api/v1/reviews/{id}", Access.USER, (req, res) -> {
                    reviews.delete(Authz.principal(req), review(req), ip(req));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .put("/api/v1/reviews/{id}/reply", staff, (req, res) -> json.write(res, 200, reviews.reply(
                        Authz.principal(req), review(req),
                        Optional.of(java.util.Objects.requireNonNullElse(json.read(req, ReviewReplyInput.class).body(), "")))))
                .delete("/api/v1/reviews/{id}/reply", staff, (req, res) -> json.write(res, 200, reviews.reply(
                        Authz.principal(req), review(req), Optional.empty())))
                .post("/api/v1/reviews/{id}/reports", Access.USER, (req, res) -> {
                    reviews.report(Authz.principal(req), review(req), json.read(req, AbuseReport.class));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .get("/api/v1/admin/reviews", admin, (req, res) -> json.write(res, 200,
                        Map.of("items", reviews.reported(QueryParams.limit(req, 50, 200)))))
                .patch("/api/v1/admin/reviews/{id}", admin, (req, res) -> json.write(res, 200, reviews.moderate(
                        Authz.principal(req), review(req), json.read(req, ReviewModeration.class), ip(req))));
    }

    private String ip(ServerRequest req) {
        return ClientIp.of(req, trustForwardedFor);
    }

    private static UUID review(ServerRequest req) {
        return PathParams.uuid(req, "id", "This review");
    }
}
