package io.lectern.server.platform.http;

import io.lectern.model.identity.Role;
import java.util.Set;

/**
 * Who may call a route. Every route declares one; the route table test proves each is enforced.
 *
 * @param authenticated whether a signed-in user is needed
 * @param roles         roles allowed (empty: any signed-in user)
 */
public record Access(boolean authenticated, Set<Role> roles) {

    /** Anyone, signed in or not. */
    public static final Access PUBLIC = new Access(false, Set.of());
    /** Any signed-in user. */
    public static final Access USER = new Access(true, Set.of());

    public Access {
        roles = Set.copyOf(roles);
    }

    public static Access roles(Role... roles) {
        return new Access(true, Set.of(roles));
    }
}
