package io.lectern.server.platform.http;

import io.helidon.webserver.http.ServerRequest;

/**
 * Decides whether a request may reach a route, throwing 401/403 problems when not. The identity module
 * supplies the real one; until a guard that understands tokens is installed only public routes open.
 */
@FunctionalInterface
public interface AccessGuard {

    AccessGuard PUBLIC_ONLY = (request, access) -> {
        if (access.authenticated()) {
            throw new ApiException(401, "auth.required", "Sign in to use this.");
        }
    };

    void check(ServerRequest request, Access access);
}
