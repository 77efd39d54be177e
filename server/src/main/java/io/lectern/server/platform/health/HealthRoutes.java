package io.lectern.server.platform.health;

import io.lectern.model.identity.Role;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Health on the API port: {@code /health} (the process answers) and {@code /health/ready} (every required dependency
 * answers: PostgreSQL) say only UP or DOWN, for load balancers and anyone. A dependency Lectern degrades without
 * (Redis) does not take an instance out of rotation: admins see it as DEGRADED, with which dependency failed and how
 * long each check took, at {@code /api/v1/admin/health}. Metrics and Helidon's own detailed health are on the
 * management port.
 */
public final class HealthRoutes {

    private final Json json;
    private final Map<String, BooleanSupplier> required;
    private final Map<String, BooleanSupplier> optional;

    public HealthRoutes(Json json, Map<String, BooleanSupplier> required, Map<String, BooleanSupplier> optional) {
        this.json = json;
        this.required = Map.copyOf(required);
        this.optional = Map.copyOf(optional);
    }

    public void register(ApiRoutes routes) {
        routes.get("/health", Access.PUBLIC, (req, res) -> json.write(res, 200, Map.of("status", "UP")))
                .get("/health/ready", Access.PUBLIC, (req, res) -> {
                    boolean up = allUp(run(required, true));
                    if (!up) {
                        res.header("Retry-After", "5");
                    }
                    json.write(res, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
                })
                .get("/api/v1/admin/health", Access.roles(Role.ADMIN), (req, res) -> {
                    List<Map<String, Object>> results = run(required, true);
                    boolean up = allUp(results);
                    List<Map<String, Object>> others = run(optional, false);
                    results.addAll(others);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", !up ? "DOWN" : allUp(others) ? "UP" : "DEGRADED");
                    body.put("checks", results);
                    json.write(res, 200, body);
                });
    }

    private static boolean allUp(List<Map<String, Object>> results) {
        return results.stream().allMatch(c -> "UP".equals(c.get("status")));
    }

    private static List<Map<String, Object>> run(Map<String, BooleanSupplier> checks, boolean isRequired) {
        List<Map<String, Object>> results = new ArrayList<>();
        checks.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(check -> {
            long start = System.nanoTime();
            boolean up;
            try {
                up = check.getValue().getAsBoolean();
            } catch (RuntimeException e) {
                up = false;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", check.getKey());
            r.put("status", up ? "UP" : "DOWN");
            r.put("required", isRequired);
            r.put("ms", (System.nanoTime() - start) / 1_000_000.0);
            results.add(r);
        });
        return results;
    }
}
