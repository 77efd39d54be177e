package io.lectern.server.platform.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import java.util.UUID;

/** Reads path parameters: an id that is not a UUID names nothing that exists, so it is a 404. */
public final class PathParams {

    private PathParams() {
    }

    public static UUID uuid(ServerRequest req, String name, String what) {
        String text = req.path().pathParameters().get(name);
        try {
            return Optional.ofNullable(text).filter(t -> t.length() == 36).map(UUID::fromString)
                    .orElseThrow(() -> ApiException.notFound(what));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what);
        }
    }

    public static String text(ServerRequest req, String name) {
        return req.path().pathParameters().get(name);
    }
}
