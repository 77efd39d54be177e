package io.lectern.server.platform.health;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Readiness means PostgreSQL and Redis both answer; {@code /health/ready} is 503 otherwise. */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    public static List<HealthCheck> of(BooleanSupplier database, BooleanSupplier redis) {
        return List.of(check("database", database), check("redis", redis));
    }

    private static HealthCheck check(String name, BooleanSupplier probe) {
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
                return HealthCheckResponse.builder().status(probe.getAsBoolean()).build();
            }
        };
    }
}
