package io.lectern.server.platform.http;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;

/**
 * Request count and latency per route template, method and status class, exported at {@code /metrics}
 * in Prometheus format as {@code lectern_http_requests_seconds_*}.
 */
public final class RouteMetrics {

    private static final String NAME = "lectern.http.requests";

    private final MeterRegistry registry;

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
        return registry.getOrCreate(Timer.builder(NAME)
                .description("HTTP requests handled, by route")
                .tags(List.of(Tag.create("method", method), Tag.create("route", route),
                        Tag.create("status", (status / 100) + "xx"))));
    }
}
