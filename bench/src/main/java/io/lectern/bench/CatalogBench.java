package io.lectern.bench;

import io.lectern.server.LecternServer;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.CourseDraft;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Sql;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The catalog benchmark: seeds a realistic catalog, then measures search and course pages on the real server
 * (its own process, over HTTP, 16 concurrent clients) beside the very same SQL run bare over JDBC in the same run,
 * and prints latency percentiles, throughput, the ratio and whether each target is met.
 */
final class CatalogBench {

    static final int CLIENTS = 16;
    static final int QUERIES = 3_000;

    private final PrintStream out;
    private final Options options;

    CatalogBench(PrintStream out, Options options) {
        this.out = out;
        this.options = options;
    }

    /**
     * Settings of a run.
     *
     * @param courses  catalog size
     * @param seconds  length of each measured phase
     * @param dir      working directory (database, logs)
     * @param jar      the packaged server
     */
    record Options(int courses, int seconds, Path dir, Path jar) {
    }

    boolean run() throws Exception {
        try (BenchEnv env = BenchEnv.start(options.dir())) {
            List<String> queries;
            Map<String, List<Sql>> searchSql = new LinkedHashMap<>();
            Map<String, List<Sql>> pageSql = new LinkedHashMap<>();
            try (LecternServer inProcess = env.inProcess()) {
                CatalogService catalog = inProcess.modules().catalog();
                CourseGenerator generator = new CourseGenerator(42, 2_000);
                if (catalog.publishedCount() >= options.courses() && System.getenv("LECTERN_BENCH_RESEED") == null) {
                    out.printf(Locale.ROOT, "Reusing the %,d courses already in %s%n", catalog.publishedCount(),
                            options.dir());
                    java.util.stream.IntStream.range(0, 10).forEach(generator::course);
                } else {
                    seed(catalog, generator, inProcess);
                }
                queries = SearchMix.queries(generator, QUERIES, new Random(7));
                out.println("Recording the SQL of " + queries.size() + " searches and 1,000 course pages ...");
                queries.forEach(q -> searchSql.put(q, catalog.searchStatements(q)));
                slugs(inProcess, 1_000).forEach(slug -> pageSql.put(slug, catalog.coursePageStatements(slug)));
            }
            if (System.getenv("LECTERN_BENCH_PROFILE") != null) {
                profile(env, searchSql);
            }
            out.println("Starting the server process ...");
            URI server = env.startServerProcess(options.jar());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> slugs = List.copyOf(pageSql.keySet());
            out.println("Warming up as a server that has been running a while (JIT, and the searches people make "
                    + "most often in its cache) ...");
            int[] warm = SearchMix.zipf(queries.size(), 1_000_000, 0.9, new Random(3));
            LoadRunner.run("warm-up", CLIENTS, Duration.ofSeconds(Math.max(10, options.seconds())),
                    i -> () -> get(http, server, i % 3 == 0 ? page(slugs.get(i % slugs.size()))
                            : search(queries.get(warm[i % warm.length]))));
            int[] mix = SearchMix.zipf(queries.size(), 1_000_000, 0.9, new Random(11));
            try (BareJdbc bare = new BareJdbc(env.jdbcUrl(), env.dbUser(), env.dbPassword(), CLIENTS)) {
                Duration phase = Duration.ofSeconds(options.seconds());
                var serverSearch = LoadRunner.run("server: search (Zipf mix)", CLIENTS, phase,
                        i -> () -> get(http, server, search(queries.get(mix[i % mix.length]))));
                long asked = serverSearch.latencies().size() + serverSearch.failures();
                long distinct = java.util.Arrays.stream(mix, 0, (int) Math.min(asked, mix.length)).distinct().count();
                var bareSearch = LoadRunner.run("bare JDBC: search SQL (same mix)", CLIENTS, phase,
                        i -> () -> bare.run(searchSql.get(queries.get(mix[i % mix.length]))));
                Searches searches = uncached(http, server, bare, queries, searchSql, serverSearch, bareSearch);
                var serverPage = LoadRunner.run("server: course page", CLIENTS, phase,
                        i -> () -> get(http, server, page(slugs.get(i % slugs.size()))));
                var barePage = LoadRunner.run("bare JDBC: course page SQL", CLIENTS, phase,
                        i -> () -> bare.run(pageSql.get(slugs.get(i % slugs.size()))));
                out.printf(Locale.ROOT, "%nThe Zipf mix asked %,d searches of %,d distinct queries: %.0f %% were first "
                        + "asks (not in the server's cache).%n", asked, distinct, 100.0 * distinct / Math.max(1, asked));
                return report(searches, serverPage, barePage);
            }
        }
    }

    /**
     * Searches the server has not answered before (each a query of the list with a page size not yet asked, so the
     * cache cannot answer), flat out and then paced at half the rate the server managed flat out, and the same
     * queries' SQL bare.
     */
    private Searches uncached(HttpClient http, URI server, BareJdbc bare, List<String> queries,
                              Map<String, List<Sql>> searchSql, LoadRunner.Result zipf, LoadRunner.Result bareZipf) {
        Duration phase = Duration.ofSeconds(options.seconds());
        java.util.concurrent.atomic.AtomicInteger fresh = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.IntFunction<java.util.concurrent.Callable<Boolean>> next = i -> () -> {
            int n = fresh.getAndIncrement();
            return get(http, server, search(queries.get(n % queries.size())).replace("&limit=20",
                    "&limit=" + (21 + (n / queries.size()) % 70)));
        };
        var cold = LoadRunner.run("server: search, each query new", CLIENTS, phase, next);
        // the same uncached searches' SQL, bare: the cold run's like-for-like baseline (the Zipf mix repeats
        // its most asked searches, whose SQL may cost more or less than the average search)
        var bareCold = LoadRunner.run("bare JDBC: each query once", CLIENTS, phase,
                i -> () -> bare.run(searchSql.get(queries.get(i % queries.size()))));
        double rate = Math.max(1, Math.floor(cold.throughput() / 2));
        var paced = LoadRunner.paced(String.format(Locale.ROOT, "server: each query new, %.0f/s", rate), CLIENTS,
                phase, rate, next);
        return new Searches(zipf, bareZipf, cold, bareCold, paced);
    }

    private void seed(CatalogService catalog, CourseGenerator generator, LecternServer server) {
        Map<String, String> categories = new LinkedHashMap<>();
        CourseGenerator.TOPICS.keySet().forEach(c -> categories.put(c, Character.toUpperCase(c.charAt(0)) + c.substring(1)));
        catalog.ensureCategories(categories);
        out.printf(Locale.ROOT, "Seeding %,d courses (realistic text, 2,000 instructors) ...%n", options.courses());
        long start = System.nanoTime();
        int batch = 2_000;
        for (int from = 0; from < options.courses(); from += batch) {
            List<CourseDraft> drafts = new ArrayList<>();
            for (int n = from; n < Math.min(options.courses(), from + batch); n++) {
                drafts.add(generator.course(n));
            }
            catalog.importPublished(drafts);
            int done = Math.min(options.courses(), from + batch);
            double secs = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "  %,7d / %,d courses  (%.0f s, %.0f courses/s)%n", done, options.courses(), secs,
                    done / secs);
        }
        out.println("Simulating ratings and enrollments, rebuilding the instructor directory, VACUUM ANALYZE ...");
        var db = server.platform().db().execute();
        db.update("""
                UPDATE catalog.published_courses
                   SET rating_count = abs(hashtext(slug)) % 400,
                       rating_avg = round(2.5 + (abs(hashtext(slug || 'r')) % 251) / 100.0, 2),
                       enrollment_count = (abs(hashtext(slug || 'e')) % 20000) * (abs(hashtext(slug || 'f')) % 100) / 100""");
        catalog.rebuildInstructorDirectory();
        db.update("VACUUM FULL catalog.published_courses");
        db.update("VACUUM ANALYZE");
    }

    /** Times each search's SQL alone, once warm, and prints the slowest (LECTERN_BENCH_PROFILE=1). */
    private void profile(BenchEnv env, Map<String, List<Sql>> searchSql) throws Exception {
        try (BareJdbc bare = new BareJdbc(env.jdbcUrl(), env.dbUser(), env.dbPassword(), 1)) {
            Map<String, Double> millis = new LinkedHashMap<>();
            for (int round = 0; round < 2; round++) {
                for (var e : searchSql.entrySet()) {
                    long t0 = System.nanoTime();
                    bare.run(e.getValue());
                    millis.put(e.getKey(), (System.nanoTime() - t0) / 1e6);
                }
            }
            double total = millis.values().stream().mapToDouble(Double::doubleValue).sum();
            out.printf(Locale.ROOT, "Bare SQL per search, one at a time: mean %.2f ms; slowest:%n", total / millis.size());
            millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(25)
                    .forEach(e -> out.printf(Locale.ROOT, "  %7.2f ms  %d statements  %s%n", e.getValue(),
                            searchSql.get(e.getKey()).size(), e.getKey()));
        }
    }

    private static List<String> slugs(LecternServer server, int count) {
        try (var rows = server.platform().db().execute().query(
                "SELECT slug FROM catalog.published_courses ORDER BY md5(slug) LIMIT ?", count)) {
            return rows.map(r -> Rows.text(r, "slug")).toList();
        }
    }

    /**
     * The search phases: the Zipf mix through the server and bare, every query new through both, and every query new
     * through the server at a steady rate.
     */
    private record Searches(LoadRunner.Result server, LoadRunner.Result bare, LoadRunner.Result cold,
                            LoadRunner.Result bareCold, LoadRunner.Result paced) {
    }

    private boolean report(Searches search, LoadRunner.Result serverPage, LoadRunner.Result barePage) {
        out.println();
        out.printf(Locale.ROOT, "Catalog benchmark: %,d courses, %d concurrent clients, %d s per phase, %d cores%n",
                options.courses(), CLIENTS, options.seconds(), Runtime.getRuntime().availableProcessors());
        List.of(search.server(), search.bare(), search.cold(), search.bareCold(), search.paced(), serverPage, barePage)
                .forEach(r -> out.println("  " + r.line()));
        double coldRatio = search.cold().throughput() / search.bareCold().throughput();
        double pageRatio = serverPage.throughput() / barePage.throughput();
        out.println();
        boolean ok = target("search p99 < 50 ms, Zipf mix (cache warm)", search.server().millis(99) < 50, "%.2f ms",
                search.server().millis(99));
        ok &= target("search p99 < 50 ms, every query new", search.cold().millis(99) < 50, "%.2f ms",
                search.cold().millis(99));
        ok &= target("course page p99 < 20 ms", serverPage.millis(99) < 20, "%.2f ms", serverPage.millis(99));
        ok &= target("search throughput >= 0.7 x bare SQL (new)", coldRatio >= 0.7, "%.2f x", coldRatio);
        ok &= target("course page throughput >= 0.7 x bare SQL", pageRatio >= 0.7, "%.2f x", pageRatio);
        long failed = search.server().failures() + search.cold().failures() + serverPage.failures();
        ok &= target("no failed requests", failed == 0, "%d failed", failed);
        out.printf(Locale.ROOT, "  (every query new, its SQL alone: p99 %.2f ms at %d clients; the server paced at %.0f/s: "
                + "p99 %.2f ms; the Zipf mix through the cache: %.1f x the bare SQL of the same mix)%n",
                search.bareCold().millis(99), CLIENTS, search.paced().throughput(), search.paced().millis(99),
                search.server().throughput() / search.bare().throughput());
        return ok;
    }

    private boolean target(String what, boolean met, String format, Object value) {
        out.printf(Locale.ROOT, "  %-46s %-12s %s%n", what, String.format(Locale.ROOT, format, value),
                met ? "MET" : "MISSED");
        return met;
    }

    private static String search(String rawQuery) {
        return "/api/v1/courses?" + rawQuery;
    }

    private static String page(String slug) {
        return "/api/v1/courses/" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
    }

    private static boolean get(HttpClient http, URI base, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200 && r.body().length > 0;
    }
}
