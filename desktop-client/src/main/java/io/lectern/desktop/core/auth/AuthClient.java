package io.lectern.desktop.core.auth;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.LoginRequest;
import io.lectern.model.identity.OtpRequest;

/** Sign-in calls of the identity API: password login and passwordless email codes. */
public final class AuthClient {

    private final ApiClient api;

    public AuthClient(ApiClient api) {
        this.api = api;
    }

    public AuthTokens login(String email, String password) throws ApiError, ServerUnreachableException {
        return api.post("/api/v1/auth/login", new LoginRequest(email, password, null), AuthTokens.class);
    }

    public void requestCode(String email) throws ApiError, ServerUnreachableException {
        api.post("/api/v1/auth/otp/request", new OtpRequest(email, null), Void.class);
    }

    public AuthTokens verifyCode(String email, String code) throws ApiError, ServerUnreachableException {
        return api.post("/api/v1/auth/otp/verify", new OtpRequest(email, code), AuthTokens.class);
    }

    public String server() {
        return api.server().toString();
    }
}
