package io.lectern.server.platform.http;

import io.helidon.common.uri.UriPath;
import io.helidon.http.Method;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API's route table. Modules register routes here rather than on Helidon directly, so every route has
 * a declared {@link Access} that is checked before its handler, per-route metrics, and a place in
 * {@link #routes()} for the route × role test. Unknown paths answer 404 and known paths with another method
 * 405 (with {@code Allow}), both as problem+json.
 */
public final class ApiRoutes {

    /**
     * One registered route.
     *
     * @param method HTTP method
     * @param path   path template, e.g. {@code /api/v1/courses/{id}}
     * @param access who may call it
     */
    public record Route(Method method, String path, Access access) {
    }

    private record Matcher(Route route, PathMatcher matcher) {
    }

    private final HttpRouting.Builder routing;
    private final AccessGuard guard;
    private final RouteMetrics metrics;
    private final List<Matcher> routes = new ArrayList<>();

    public ApiRoutes(HttpRouting.Builder routing, AccessGuard guard, RouteMetrics metrics) {
        this.routing = routing;
        this.guard = guard;
        this.metrics = metrics;
    }

    public ApiRoutes get(String path, Access access, Handler handler) {
        return add(Method.GET, path, access, handler);
    }

    public ApiRoutes post(String path, Access access, Handler handler) {
        return add(Method.POST, path, access, handler);
    }

    public ApiRoutes put(String path, Access access, Handler handler) {
        return add(Method.PUT, path, access, handler);
    }

    public ApiRoutes patch(String path, Access access, Handler handler) {
        return add(Method.PATCH, path, access, handler);
    }

    public ApiRoutes delete(String path, Access access, Handler handler) {
        return add(Method.DELETE, path, access, handler);
    }

    public ApiRoutes add(Method method, String path, Access access, Handler handler) {
        Route route = new Route(method, path, access);
        routes.add(new Matcher(route, PathMatchers.create(path)));
        routing.route(method, path, (req, res) -> {
            long start = System.nanoTime();
            try {
                guard.check(req, access);
                handler.handle(req, res);
            } finally {
                metrics.record(route, res.status().code(), System.nanoTime() - start);
            }
        });
        return this;
    }

    public List<Route> routes() {
        return routes.stream().map(Matcher::route).toList();
    }

    /**
     * Answers what no route matched: 404, or 405 when the path exists with other methods. Installed as the
     * handler of Helidon's "no route" error so that features registered later (health, metrics) still match.
     */
    public void installFallback(Problems problems) {
        routing.error(NotFoundException.class, (req, res, e) -> {
            try {
                fallback(req, res);
            } catch (ApiException problem) {
                problems.send(req, res, problem);
            }
        });
    }

    private void fallback(ServerRequest request, ServerResponse response) {
        UriPath path = request.path();
        if (path.rawPath().contains("..") || path.rawPath().contains("%2e%2e") || path.rawPath().contains("%2E%2E")) {
            throw new ApiException(400, "request.bad_path", "The path must not contain '..'.");
        }
        Set<String> allowed = new TreeSet<>();
        for (Matcher m : routes) {
            if (m.matcher().match(path).accepted()) {
                allowed.add(m.route().method().text());
            }
        }
        metrics.recordUnmatched(allowed.isEmpty() ? 404 : 405);
        if (allowed.isEmpty()) {
            throw new ApiException(404, "route.not_found", "No such resource: " + path.path());
        }
        throw new ApiException(405, "route.method_not_allowed", "Use " + String.join(" or ", allowed)
                + " on this resource.", List.of(), java.util.Map.of("Allow", String.join(", ", allowed)));
    }
}
