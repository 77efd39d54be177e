package io.lectern.server.platform.security;

import io.helidon.webserver.http.ServerRequest;
import io.lectern.server.platform.http.ApiException;
import java.util.Optional;

/**
 * The one authorization helper handlers use. The route guard has already checked the route's declared
 * {@link io.lectern.server.platform.http.Access}; handlers add ownership checks on the resource they load.
 */
public final class Authz {

    private Authz() {
    }

    /** The signed-in user, if the request carried a valid token. */
    public static Optional<Principal> current(ServerRequest request) {
        return request.context().get(Principal.class, Principal.class);
    }

    /** The signed-in user; 401 when there is none (a route declared public but needing a user is a bug). */
    public static Principal principal(ServerRequest request) {
        return current(request).orElseThrow(() -> new ApiException(401, "auth.required", "Sign in to use this."));
    }

    public static ApiException forbidden() {
        return new ApiException(403, "auth.forbidden", "Your account may not do this.");
    }
}
