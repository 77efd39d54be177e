package io.lectern.desktop.core.auth;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.LoginRequest;
import io.lectern.model.identity.OidcCodeExchange;
import io.lectern.model.identity.OidcProvider;
import io.lectern.model.identity.OtpRequest;
import io.lectern.model.identity.RefreshRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Calls of the identity API around signing in and out: password login, passwordless email codes, the
 * authenticator second step ({@code totp}), OpenID Connect code exchange, token refresh and logout.
 */
public final class AuthClient {

    private final ApiClient api;

    public AuthClient(ApiClient api) {
        this.api = api;
    }

    /** Password sign-in; {@code totp} is null on the first try and the authenticator or recovery code after. */
    public AuthTokens login(String email, String password, String totp) throws ApiError, ServerUnreachableException {
        return api.post("/api/v1/auth/login", new LoginRequest(email, password, totp), AuthTokens.class);
    }

    /** Asks the server to mail a sign-in code; it answers the same whether or not the account exists. */
    public void requestCode(String email) throws ApiError, ServerUnreachableException {
        api.post("/api/v1/auth/otp/request", OtpRequest.ask(email), Void.class);
    }

    /** Signs in with a mailed code; {@code totp} as for {@link #login}. */
    public AuthTokens verifyCode(String email, String code, String totp) throws ApiError, ServerUnreachableException {
        return api.post("/api/v1/auth/otp/verify", new OtpRequest(email, code, totp), AuthTokens.class);
    }

    /** Creates an account; the server mails a code that {@link #verifyEmail} exchanges for a session. */
    public void register(String email, String password, String displayName) throws ApiError, ServerUnreachableException {
        api.post("/api/v1/auth/register", new io.lectern.model.identity.RegisterRequest(email, password, displayName),
                Void.class);
    }

    public AuthTokens verifyEmail(String email, String code) throws ApiError, ServerUnreachableException {
        return api.post("/api/v1/auth/verify-email", new OtpRequest(email, code, null), AuthTokens.class);
    }

    /** Asks for a password-reset code (the same answer whether or not the account exists). */
    public void forgotPassword(String email) throws ApiError, ServerUnreachableException {
        api.post("/api/v1/auth/password/forgot", OtpRequest.ask(email), Void.class);
    }

    public void resetPassword(String email, String code, String newPassword) throws ApiError, ServerUnreachableException {
        api.post("/api/v1/auth/password/reset", new io.lectern.model.identity.PasswordReset(email, code, newPassword),
                Void.class);
    }

    /** The OpenID Connect providers the server offers; empty when none are configured. */
    public List<OidcProvider> providers() throws ApiError, ServerUnreachableException {
        return api.getList("/api/v1/auth/oidc/providers", OidcProvider.class, null);
    }

    /** Hands the provider's authorization code (and PKCE verifier) to the server, which signs the user in. */
    public AuthTokens exchangeOidc(String providerId, OidcCodeExchange exchange)
            throws ApiError, ServerUnreachableException {
        String path = "/api/v1/auth/oidc/" + URLEncoder.encode(providerId, StandardCharsets.UTF_8) + "/token";
        return api.post(path, exchange, AuthTokens.class);
    }

    /** Trades a refresh token for a new pair; the old refresh token stops working. */
    public AuthTokens refresh(String refreshToken) throws ApiError, ServerUnreachableException {
        return api.post("/api/v1/auth/refresh", new RefreshRequest(refreshToken), AuthTokens.class);
    }

    /** Revokes the refresh token, ending this session on the server. */
    public void logout(String refreshToken) throws ApiError, ServerUnreachableException {
        api.post("/api/v1/auth/logout", new RefreshRequest(refreshToken), Void.class);
    }

    /** The API client, for calls that need the signed-in user's access token. */
    public ApiClient api() {
        return api;
    }

    public String server() {
        return api.server().toString();
    }
}
