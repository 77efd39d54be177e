package io.lectern.server.platform.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Headers every answer carries: {@code X-Content-Type-Options: nosniff} (browsers take our content types as said),
 * {@code Cache-Control: no-store} on answers to signed-in requests (they are personal; a route that knows better sets
 * its own), and CORS only for the origins an operator listed: other pages get no {@code Access-Control-*} headers, so
 * browsers refuse to let them read anything.
 */
public final class SecurityHeaders implements Filter {

    private static final HeaderName NOSNIFF = HeaderNames.create("X-Content-Type-Options");
    private static final String EXPOSED = String.join(", ", "Location", "ETag", "Retry-After", "X-Request-Id",
            "Content-Disposition", "Tus-Resumable", "Tus-Version", "Tus-Extension", "Tus-Max-Size", "Upload-Offset",
            "Upload-Length", "Upload-Expires", "Upload-Metadata", "Lectern-Upload-Status");
    private static final String ALLOWED_HEADERS = String.join(", ", "Authorization", "Content-Type", "If-Match",
            "If-None-Match", "Idempotency-Key", "X-Request-Id", "Tus-Resumable", "Upload-Offset", "Upload-Length",
            "Upload-Metadata", "Upload-Checksum", "Upload-Defer-Length", "X-HTTP-Method-Override");

    private final Set<String> origins;

    public SecurityHeaders(List<String> corsOrigins) {
        this.origins = Set.copyOf(corsOrigins);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        always(request, response);
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN).filter(origins::contains);
        if (origin.isPresent()) {
            response.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get());
            response.header(HeaderNames.VARY, "Origin");
            response.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
            if (request.prologue().method() == Method.OPTIONS
                    && request.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
                response.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
                response.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
                response.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
                response.status(Status.NO_CONTENT_204).send();
                return;
            }
        }
        chain.proceed();
    }

    /** nosniff, and no-store for a signed-in request: also for problems, whose answer is written anew. */
    static void always(io.helidon.webserver.http.ServerRequest request, io.helidon.webserver.http.ServerResponse response) {
        response.header(NOSNIFF, "nosniff");
        if (request.headers().contains(HeaderNames.AUTHORIZATION)) {
            response.header(HeaderNames.CACHE_CONTROL, "no-store");
        }
    }
}
