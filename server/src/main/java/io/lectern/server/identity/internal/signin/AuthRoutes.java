package io.lectern.server.identity.internal.signin;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.identity.LoginRequest;
import io.lectern.model.identity.OidcCodeExchange;
import io.lectern.model.identity.OtpRequest;
import io.lectern.model.identity.PasswordReset;
import io.lectern.model.identity.RefreshRequest;
import io.lectern.model.identity.RegisterRequest;
import io.lectern.server.identity.internal.Requests;
import io.lectern.server.identity.internal.accounts.AccountFlows;
import io.lectern.server.identity.internal.oidc.OidcLogin;
import io.lectern.server.identity.internal.tokens.SigningKeys;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The public sign-in endpoints under {@code /api/v1/auth}. */
public final class AuthRoutes {

    private static final Map<String, String> SENT = Map.of("message",
            "If the address can receive it, a mail with a 6-digit code is on its way. It is valid for 10 minutes.");

    private final Json json;
    private final Requests requests;
    private final LoginFlows login;
    private final AccountFlows accounts;
    private final SessionFlows sessions;
    private final SigningKeys keys;
    private final Optional<OidcLogin> oidc;

    public AuthRoutes(Json json, Requests requests, LoginFlows login, AccountFlows accounts, SessionFlows sessions,
                      SigningKeys keys, Optional<OidcLogin> oidc) {
        this.json = json;
        this.requests = requests;
        this.login = login;
        this.accounts = accounts;
        this.sessions = sessions;
        this.keys = keys;
        this.oidc = oidc;
    }

    public void register(ApiRoutes routes) {
        routes.post("/api/v1/auth/register", Access.PUBLIC, (req, res) -> {
            accounts.register(json.read(req, RegisterRequest.class), requests.origin(req));
            json.write(res, 201, SENT);
        }).post("/api/v1/auth/verify-email", Access.PUBLIC, (req, res) ->
                json.write(res, 200, accounts.verifyEmail(json.read(req, OtpRequest.class), requests.origin(req)))
        ).post("/api/v1/auth/login", Access.PUBLIC, (req, res) ->
                json.write(res, 200, login.login(json.read(req, LoginRequest.class), requests.origin(req)))
        ).post("/api/v1/auth/otp/request", Access.PUBLIC, (req, res) -> {
            login.requestCode(json.read(req, OtpRequest.class), requests.origin(req));
            json.write(res, 202, SENT);
        }).post("/api/v1/auth/otp/verify", Access.PUBLIC, (req, res) ->
                json.write(res, 200, login.verifyCode(json.read(req, OtpRequest.class), requests.origin(req)))
        ).post("/api/v1/auth/refresh", Access.PUBLIC, (req, res) ->
                json.write(res, 200, sessions.refresh(json.read(req, RefreshRequest.class), requests.origin(req)))
        ).post("/api/v1/auth/logout", Access.PUBLIC, (req, res) -> {
            sessions.logout(json.read(req, RefreshRequest.class), requests.origin(req));
            res.status(Status.NO_CONTENT_204).send();
        }).post("/api/v1/auth/password/forgot", Access.PUBLIC, (req, res) -> {
            accounts.forgot(json.read(req, OtpRequest.class), requests.origin(req));
            json.write(res, 202, SENT);
        }).post("/api/v1/auth/password/reset", Access.PUBLIC, (req, res) -> {
            accounts.reset(json.read(req, PasswordReset.class), requests.origin(req));
            res.status(Status.NO_CONTENT_204).send();
        }).get("/api/v1/auth/jwks", Access.PUBLIC, this::jwks)
                .get("/api/v1/auth/oidc/providers", Access.PUBLIC, (req, res) ->
                        json.write(res, 200, oidc.map(OidcLogin::providers).orElse(List.of())))
                .post("/api/v1/auth/oidc/{provider}/token", Access.PUBLIC, this::oidcToken);
    }

    private void jwks(ServerRequest req, ServerResponse res) {
        res.header("Cache-Control", "public, max-age=300");
        json.write(res, 200, keys.publicSet().toJSONObject(true));
    }

    private void oidcToken(ServerRequest req, ServerResponse res) {
        OidcLogin provider = oidc.orElseThrow(() -> ApiException.notFound("This sign-in provider"));
        String id = req.path().pathParameters().get("provider");
        json.write(res, 200, provider.exchange(id, json.read(req, OidcCodeExchange.class), requests.origin(req)));
    }
}
