package io.lectern.server;

import static io.lectern.server.testing.Processes.pid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.platform.config.ConfigLoader;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Load;
import io.lectern.server.testing.Processes;
import io.lectern.server.testing.TestInfra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under load, on the embedded default (the server's own PostgreSQL and Redis, supervised): each test keeps
 * clients writing and reading while it kills or pauses a dependency, then asserts what users would see: no 500, only
 * 503 with {@code Retry-After} while PostgreSQL is away (and nothing at all while Redis is), bounded waits, recovery
 * without a server restart within a stated time, and every acknowledged write still there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

    private static final String ADMIN_PASSWORD = "admin-password-for-faults";
    private static Path dataDir;
    private static LecternServer server;
    private static Http http;
    private static String token;
    private Load load;

    @BeforeAll
    static void start() {
        dataDir = TestInfra.tempDir("lectern-faults-");
        server = LecternServer.create(ConfigLoader.load(Map.of("LECTERN_DATA_DIR", dataDir.toString(), "LECTERN_PORT",
                "0", "LECTERN_MANAGEMENT_PORT", "-1", "LECTERN_SEED_DEMO", "false", "LECTERN_ADMIN_PASSWORD",
                ADMIN_PASSWORD, "LECTERN_AUTH_REQUIRE_ADMIN_TOTP", "false"), LecternServer.SETTINGS));
        server.start();
        http = new Http(server.baseUri());
        token = new Accounts(http, "admin@lectern.local", ADMIN_PASSWORD).adminToken();
        server.modules().catalog().ensureCategories(Map.of(Load.CATEGORY, "Faults"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void noLostWrites() {
        if (load == null) {
            return;
        }
        load.close();
        List<String> created = load.outcomes().stream().filter(o -> o.createdId() != null).map(Load.Outcome::createdId)
                .toList();
        assertTrue(created.size() > 10, "the load wrote too little to tell: " + created.size());
        List<String> lost = created.stream().filter(id -> http.get("/api/v1/courses/" + id + "/draft", token)
                .status() != 200).toList();
        assertEquals(List.of(), lost, "writes acknowledged with 201 but gone afterwards");
        List<Load.Outcome> wrong = load.outcomes().stream().filter(o -> !o.ok() && !(o.status() == 503
                && o.retryAfter() != null)).toList();
        assertEquals(List.of(), first(wrong), wrong.size() + " answers other than success or 503 with Retry-After");
    }

    @Test
    @Order(1)
    void redisKilledThenRestartedEmpty() throws Exception {
        var other = new Accounts(http, "admin@lectern.local", ADMIN_PASSWORD).login("admin@lectern.local",
                ADMIN_PASSWORD);
        load = new Load(http, server.baseUri(), token, 3);
        Thread.sleep(1000);
        long pid = pid(dataDir.resolve("redis/redis.pid"));
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        long killed = System.nanoTime();
        assertEquals(204, http.post("/api/v1/auth/logout", Http.json("refreshToken", other.path("refreshToken")
                .asText())).status(), "signing out works while Redis is down");
        assertEquals(401, http.get("/api/v1/me", other.path("accessToken").asText()).status(),
                "a session ended while Redis is down is refused (revocations are checked in PostgreSQL)");
        long newPid = Accounts.waitFor(() -> alive(dataDir.resolve("redis/redis.pid")), "the supervisor to restart Redis",
                Duration.ofSeconds(5));
        assertNotEquals(pid, newPid);
        Thread.sleep(2500);
        List<Load.Outcome> after = load.since(killed);
        assertTrue(after.size() > 20, "requests kept being answered while Redis was restarted: " + after.size());
        assertEquals(List.of(), first(after.stream().filter(o -> !o.ok()).toList()), "Redis is not needed to serve these");
        assertEquals("UP", adminHealth("redis"), "Redis is back in the admin's health");
    }

    @Test
    @Order(2)
    void redisPausedAnswersWithinBoundedTime() throws Exception {
        load = new Load(http, server.baseUri(), token, 3);
        Thread.sleep(500);
        long pid = pid(dataDir.resolve("redis/redis.pid"));
        signal("STOP", List.of(pid));
        long paused = System.nanoTime();
        try {
            Thread.sleep(4000);
            assertEquals(200, http.get("/health/ready").status(), "a paused Redis does not take the instance out");
        } finally {
            signal("CONT", List.of(pid));
        }
        Thread.sleep(1500);
        List<Load.Outcome> during = load.since(paused);
        assertEquals(List.of(), first(during.stream().filter(o -> !o.ok()).toList()), "Redis is not needed to serve these");
        long slowest = during.stream().mapToLong(Load.Outcome::millis).max().orElseThrow();
        assertTrue(slowest < 2500, "a request waited " + slowest + " ms for a paused Redis");
    }

    @Test
    @Order(3)
    void postgresKilledIsRestartedAndServiceReturns() throws Exception {
        load = new Load(http, server.baseUri(), token, 3);
        Thread.sleep(1000);
        long pid = postmaster();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        long killed = System.nanoTime();
        Accounts.waitFor(() -> postmaster() != pid ? true : null, "the supervisor to restart PostgreSQL",
                Duration.ofSeconds(10));
        long recovered = awaitRecovery(killed, Duration.ofSeconds(15));
        System.out.printf("PostgreSQL killed: service back after %d ms%n", (recovered - killed) / 1_000_000);
        Thread.sleep(1000);
    }

    @Test
    @Order(4)
    void postgresFrozenFailsFastAndRecovers() throws Exception {
        load = new Load(http, server.baseUri(), token, 3);
        Thread.sleep(1000);
        long postmaster = postmaster();
        List<Long> all = Stream.concat(Stream.of(postmaster), ProcessHandle.of(postmaster).orElseThrow().children()
                .map(ProcessHandle::pid)).toList();
        signal("STOP", all);
        long frozen = System.nanoTime();
        try {
            Thread.sleep(1000);
            long start = System.nanoTime();
            Http.Response ready = http.get("/health/ready");
            long readyMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, ready.status(), "readiness says DOWN while the database does not answer");
            assertTrue(readyMillis < 6000, "the readiness check took " + readyMillis + " ms");
            Thread.sleep(11_000); // longer than a statement may wait (10 s), so requests must fail rather than wait
        } finally {
            signal("CONT", all);
        }
        long resumed = System.nanoTime();
        long recovered = awaitRecovery(resumed, Duration.ofSeconds(10));
        List<Load.Outcome> during = load.since(frozen).stream().filter(o -> o.at() - resumed < 0).toList();
        assertTrue(during.stream().anyMatch(o -> o.status() == 503), "requests failed fast with 503 while frozen");
        long slowest = during.stream().mapToLong(Load.Outcome::millis).max().orElseThrow();
        assertTrue(slowest <= 12_000, "a request waited " + slowest + " ms on a frozen database");
        System.out.printf("PostgreSQL frozen: slowest answer %d ms, service back %d ms after it resumed%n", slowest,
                (recovered - resumed) / 1_000_000);
        assertEquals(200, http.get("/health/ready").status());
    }

    /** Waits until every client got a success again after {@code since}; returns when the first of them did. */
    private long awaitRecovery(long since, Duration within) {
        return Accounts.waitFor(() -> {
            List<Load.Outcome> after = load.since(since);
            Map<Boolean, List<Load.Outcome>> byOk = after.stream().collect(Collectors.partitioningBy(Load.Outcome::ok));
            long lastFailure = byOk.get(false).stream().mapToLong(Load.Outcome::at).max().orElse(since);
            List<Load.Outcome> okAfter = byOk.get(true).stream().filter(o -> o.at() - lastFailure > 0).toList();
            return okAfter.size() >= 6 ? okAfter.getFirst().at() : null;
        }, "service to recover", within);
    }

    private static List<Load.Outcome> first(List<Load.Outcome> outcomes) {
        return outcomes.subList(0, Math.min(5, outcomes.size()));
    }

    private static String adminHealth(String check) {
        for (var c : http.get("/api/v1/admin/health", token).json().path("checks")) {
            if (check.equals(c.path("name").asText())) {
                return c.path("status").asText();
            }
        }
        return "missing";
    }

    private static long postmaster() {
        return pid(dataDir.resolve("postgres/data/postmaster.pid"));
    }

    private static Long alive(Path pidFile) {
        long pid = pid(pidFile);
        return Processes.alive(pid) ? pid : null;
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        String list = pids.stream().map(String::valueOf).collect(Collectors.joining(" "));
        Process p = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + list).inheritIO().start();
        assertEquals(0, p.waitFor(), "kill -" + signal + " " + list);
    }
}
