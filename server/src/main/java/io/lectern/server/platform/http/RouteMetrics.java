package io.lectern.server.platform.http;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request count and latency per route template, method and status class, exported at {@code /metrics}
 * in Prometheus format as {@code lectern_http_requests_seconds_*}.
 */
public final class RouteMetrics {

    private static final String NAME = "lectern.http.requests";

    private final MeterRegistry registry;
    /** The timers made so far: looking one up in the registry builds its name and tags each time. */
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(String method, String route, int statusClass) {
    }

    public RouteMetrics() {
        this.registry = Metrics.globalRegistry();
    }

    void record(ApiRoutes.Route route, int status, long nanos) {
        timer(route.method().text(), route.path(), status).record(Duration.ofNanos(nanos));
    }

    void recordUnmatched(int status) {
        timer("ANY", "unmatched", status).record(Duration.ZERO);
    }

    private Timer timer(String method, String route, int status) {
        return timers.computeIfAbsent(new Key(method, route, status / 100), k -> registry.getOrCreate(Timer.builder(NAME)
                .description("HTTP requests handled, by route")
                .tags(List.of(Tag.create("method", k.method()), Tag.create("route", k.route()),
                        Tag.create("status", k.statusClass() + "xx")))));
    }
}
