package io.lectern.bench;

import io.lectern.server.platform.files.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ./lectern bench catalog|commerce|desktop|media|sync}: runs a benchmark and prints its figures; exits 1 when a
 * target was missed.
 * {@code ./lectern bench database} starts the PostgreSQL of an earlier kept run ({@code LECTERN_BENCH_DIR}) to look
 * into.
 * Settings: {@code LECTERN_BENCH_COURSES} (100000), {@code LECTERN_BENCH_SECONDS} (30), {@code LECTERN_BENCH_DIR} (kept
 * for the next run; without it the run works in a temporary directory and removes it at the end).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "catalog";
        Map<String, String> env = System.getenv();
        boolean keep = env.containsKey("LECTERN_BENCH_DIR");
        Path jar = Path.of(env.getOrDefault("LECTERN_SERVER_JAR", "server/target/lectern-server.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("lectern bench: " + jar + " not found; run ./lectern build first.");
            System.exit(2);
        }
        if (which.equals("database")) {
            if (!keep) {
                System.err.println("lectern bench database: set LECTERN_BENCH_DIR to the directory of a kept run.");
                System.exit(2);
            }
            Path dir = Path.of(env.get("LECTERN_BENCH_DIR"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopped(dir, true), "bench-shutdown"));
            try (BenchEnv database = BenchEnv.start(dir)) {
                System.out.println("PostgreSQL of " + dir + ": " + database.jdbcUrl() + " user " + database.dbUser()
                        + " password " + database.dbPassword() + " (Ctrl+C stops it)");
                Thread.currentThread().join();
            }
            return;
        }
        Path dir = keep ? Path.of(env.get("LECTERN_BENCH_DIR")) : Files.createTempDirectory("lectern-bench-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopped(dir, keep), "bench-shutdown"));
        boolean met = run(which, env, dir, jar);
        System.out.println(met ? "All targets met." : "Some targets were missed.");
        System.exit(met ? 0 : 1);
    }

    /**
     * At exit, however the benchmark ends (done, failed, Ctrl+C): first the server process, Redis and PostgreSQL
     * stop, then a temporary working directory goes. One step, so the order holds.
     */
    private static void stopped(Path dir, boolean keep) {
        BenchEnv.closeAll();
        if (!keep) {
            try {
                FileTrees.delete(dir);
            } catch (java.io.IOException e) {
                System.err.println("lectern bench: could not remove " + dir + ": " + e.getMessage());
            }
        }
    }

    private static boolean run(String which, Map<String, String> env, Path dir, Path jar) throws Exception {
        return switch (which) {
            case "catalog" -> new CatalogBench(System.out, new CatalogBench.Options(
                    Integer.parseInt(env.getOrDefault("LECTERN_BENCH_COURSES", "100000")),
                    Integer.parseInt(env.getOrDefault("LECTERN_BENCH_SECONDS", "30")), dir, jar)).run();
            case "commerce" -> new CommerceBench(System.out, dir, jar,
                    Integer.parseInt(env.getOrDefault("LECTERN_BENCH_SECONDS", "30"))).run();
            case "sync" -> new SyncBench(System.out, dir, jar).run();
            case "desktop" -> new DesktopBench(System.out, dir, jar).run();
            case "media" -> new MediaBench(System.out, dir, jar,
                    Integer.parseInt(env.getOrDefault("LECTERN_BENCH_SECONDS", "30"))).run();
            default -> {
                System.err.println("lectern bench: unknown benchmark '" + which + "'; use catalog, commerce, desktop, "
                        + "media or sync.");
                System.exit(2);
                yield false;
            }
        };
    }
}
