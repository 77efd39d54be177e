package io.lectern.server.identity;

import io.lectern.server.identity.internal.PasswordHasher;
import io.lectern.server.identity.internal.UserRepository;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the identity module: its schema, repository, facade and (later) routes. */
public final class IdentityModule {

    public static final String SCHEMA = "identity";

    private IdentityModule() {
    }

    public static IdentityService register(ApiRoutes routes, Platform platform) {
        return new IdentityService(platform, new UserRepository(), new PasswordHasher());
    }
}
