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
 * Health on the API port: {@code /health} (the process answers) and {@code /health/ready} (PostgreSQL and Redis
 * answer) say only UP or DOWN, for load balancers and anyone; admins read which dependency failed and how long each
 * check took at {@code /api/v1/admin/health}. Metrics and Helidon's own detailed health are on the management port.
 */
public final class HealthRoutes {

    private final Json json;
    private final Map<String, BooleanSupplier> checks;

    public HealthRoutes(Json json, Map<String, BooleanSupplier> checks) {
        this.json = json;
        this.checks = Map.copyOf(checks);
    }

    public void register(ApiRoutes routes) {
        routes.get("/health", Access.PUBLIC, (req, res) -> json.write(res, 200, Map.of("status", "UP")))
                .get("/health/ready", Access.PUBLIC, (req, res) -> {
                    boolean up = run().stream().allMatch(c -> "UP".equals(c.get("status")));
                    if (!up) {
                        res.header("Retry-After", "5");
                    }
                    json.write(res, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
                })
                .get("/api/v1/admin/health", Access.roles(Role.ADMIN), (req, res) -> {
                    List<Map<String, Object>> results = run();
                    boolean up = results.stream().allMatch(c -> "UP".equals(c.get("status")));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", up ? "UP" : "DOWN");
                    body.put("checks", results);
                    json.write(res, 200, body);
                });
    }

    private List<Map<String, Object>> run() {
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
            r.put("ms", (System.nanoTime() - start) / 1_000_000.0);
            results.add(r);
        });
        return results;
    }
}
