package io.lectern.server.platform.health;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The management port's detailed health: readiness means PostgreSQL answers. Redis is listed with whether it answers,
 * but is always UP: Lectern runs degraded without it, so losing Redis must not take instances out of rotation.
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    public static List<HealthCheck> of(BooleanSupplier database, BooleanSupplier redis) {
        return List.of(check("database", () -> {
            boolean up = database.getAsBoolean();
            return HealthCheckResponse.builder().status(up).detail("reachable", up).build();
        }), check("redis", () -> HealthCheckResponse.builder().status(true)
                .detail("reachable", redis.getAsBoolean()).detail("required", false).build()));
    }

    private static HealthCheck check(String name, java.util.function.Supplier<HealthCheckResponse> probe) {
        return new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthCheckResponse call() {
                return probe.get();
            }
        };
    }
}
