package io.lectern.server.platform.health;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The management port's detailed health: readiness means PostgreSQL answers. Redis is listed with whether it answers,
 * but is always UP: Lectern runs degraded without it, so losing Redis must not take instances out of rotation. Free
 * space in the data directory is a liveness check of our own: Helidon's built-in one looks the directory's mount
 * up, fails where it cannot (a chroot) and would stop the server from starting.
 */
public final class ReadinessChecks {

    private ReadinessChecks() {
    }

    /** Free space below this (in the data directory) makes the instance not live. */
    static final long MIN_FREE_BYTES = 256L << 20;

    public static List<HealthCheck> of(BooleanSupplier database, BooleanSupplier redis, Path dataDir) {
        return List.of(check("database", HealthCheckType.READINESS, () -> {
            boolean up = database.getAsBoolean();
            return HealthCheckResponse.builder().status(up).detail("reachable", up).build();
        }), check("redis", HealthCheckType.READINESS, () -> HealthCheckResponse.builder().status(true)
                .detail("reachable", redis.getAsBoolean()).detail("required", false).build()),
                check("diskSpace", HealthCheckType.LIVENESS, () -> {
                    File dir = dataDir.toFile();
                    long free = dir.getUsableSpace();
                    return HealthCheckResponse.builder().status(free >= MIN_FREE_BYTES).detail("path", dir.getPath())
                            .detail("freeBytes", free).detail("totalBytes", dir.getTotalSpace()).build();
                }));
    }

    private static HealthCheck check(String name, HealthCheckType type,
                                     java.util.function.Supplier<HealthCheckResponse> probe) {
        return new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return type;
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
