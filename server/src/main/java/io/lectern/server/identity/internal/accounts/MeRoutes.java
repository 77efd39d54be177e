package io.lectern.server.identity.internal.accounts;

import io.helidon.http.Status;
import io.lectern.model.identity.PasswordChange;
import io.lectern.model.identity.ProfileUpdate;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.TotpCode;
import io.lectern.server.identity.internal.Requests;
import io.lectern.server.identity.internal.mfa.TotpFlows;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.security.Authz;

/** The signed-in user's own account: profile, password, data export, deletion, authenticator 2FA. */
public final class MeRoutes {

    private final Json json;
    private final Requests requests;
    private final AccountData data;
    private final AccountFlows accounts;
    private final TotpFlows totp;

    public MeRoutes(Json json, Requests requests, AccountData data, AccountFlows accounts, TotpFlows totp) {
        this.json = json;
        this.requests = requests;
        this.data = data;
        this.accounts = accounts;
        this.totp = totp;
    }

    public void register(ApiRoutes routes) {
        Access staff = Access.roles(Role.INSTRUCTOR, Role.ADMIN);
        routes.get("/api/v1/me", Access.USER, (req, res) -> json.write(res, 200, data.profile(Authz.principal(req))))
                .patch("/api/v1/me", Access.USER, (req, res) -> json.write(res, 200, data.update(Authz.principal(req),
                        json.read(req, ProfileUpdate.class), requests.origin(req))))
                .get("/api/v1/me/export", Access.USER, (req, res) -> {
                    res.header("Content-Disposition", "attachment; filename=\"lectern-data.json\"");
                    json.write(res, 200, data.export(Authz.principal(req)));
                })
                .delete("/api/v1/me", Access.USER, (req, res) -> {
                    data.delete(Authz.principal(req), json.read(req, AccountData.DeleteConfirmation.class),
                            requests.origin(req));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .post("/api/v1/me/password", Access.USER, (req, res) -> {
                    accounts.change(Authz.principal(req), json.read(req, PasswordChange.class), requests.origin(req));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .post("/api/v1/me/totp", staff, (req, res) ->
                        json.write(res, 201, totp.start(Authz.principal(req), requests.origin(req))))
                .post("/api/v1/me/totp/confirm", staff, (req, res) -> json.write(res, 200,
                        totp.confirm(Authz.principal(req), json.read(req, TotpCode.class), requests.origin(req))))
                .delete("/api/v1/me/totp", staff, (req, res) -> {
                    totp.disable(Authz.principal(req), json.read(req, TotpCode.class), requests.origin(req));
                    res.status(Status.NO_CONTENT_204).send();
                });
    }
}
