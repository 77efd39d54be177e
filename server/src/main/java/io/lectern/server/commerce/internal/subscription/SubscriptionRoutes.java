package io.lectern.server.commerce.internal.subscription;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.commerce.PlanInput;
import io.lectern.model.commerce.SubscribeRequest;
import io.lectern.model.commerce.Subscription;
import io.lectern.model.identity.Role;
import io.lectern.server.platform.idempotency.Idempotency;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.ClientIp;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;
import java.util.Map;

/** Plans (public list, admin upkeep) and a learner's subscription. */
public final class SubscriptionRoutes {

    private final boolean trustForwardedFor;
    private final Json json;
    private final Plans plans;
    private final Subscriptions subscriptions;

    public SubscriptionRoutes(Json json, boolean trustForwardedFor, Plans plans, Subscriptions subscriptions) {
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
        this.plans = plans;
        this.subscriptions = subscriptions;
    }

    public void register(ApiRoutes routes) {
        Access admin = Access.roles(Role.ADMIN);
        routes.get("/api/v1/plans", Access.PUBLIC, (req, res) -> json.write(res, 200, Map.of("items", plans.list(true))))
                .get("/api/v1/admin/plans", admin, (req, res) -> json.write(res, 200, Map.of("items", plans.list(false))))
                .post("/api/v1/admin/plans", admin, (req, res) -> json.write(res, 201, plans.create(Authz.principal(req),
                        json.read(req, PlanInput.class), ip(req))))
                .patch("/api/v1/admin/plans/{id}", admin, (req, res) -> json.write(res, 200, plans.update(
                        Authz.principal(req), PathParams.uuid(req, "id", "This plan"), json.read(req, PlanInput.class),
                        ip(req))))
                .post("/api/v1/subscriptions", Access.USER, this::subscribe)
                .get("/api/v1/me/subscription", Access.USER, (req, res) -> json.write(res, 200, subscriptions.mine(
                        Authz.principal(req).userId()).orElseThrow(() -> ApiException.notFound("Your subscription"))))
                .delete("/api/v1/me/subscription", Access.USER, (req, res) -> json.write(res, 200,
                        subscriptions.cancel(Authz.principal(req), ip(req))));
    }

    private void subscribe(ServerRequest req, ServerResponse res) {
        Idempotency.Outcome<Subscription> outcome = subscriptions.subscribe(Authz.principal(req),
                json.read(req, SubscribeRequest.class), Idempotency.key(req), ip(req));
        Idempotency.send(json, res, outcome);
    }

    private String ip(ServerRequest req) {
        return ClientIp.of(req, trustForwardedFor);
    }
}
