package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The facet counts of a search with words, checked against counting the courses one by one: each dimension with
 * every other filter applied but not its own, ratings at their exact thresholds (averages have two decimals).
 */
class SearchFacetsTest {

    private static final List<String> STEPS = List.of("4.5", "4.0", "3.5", "3.0");

    private static LecternServer server;
    private static Http http;
    private static List<Course> courses;

    /** One course as the facets see it. */
    private record Course(String category, String level, String language, String price, BigDecimal rating) {
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        Studio studio = new Studio(server, http);
        studio.categories("garden", "kitchen", "crafts");
        String ada = studio.user("ada.facets@example.com", "Ada Facets", Role.INSTRUCTOR);
        String[] categories = {"garden", "kitchen", "crafts"};
        String[] levels = {"BEGINNER", "INTERMEDIATE", "ADVANCED"};
        String[] languages = {"en", "fr"};
        String[] ratings = {"0.00", "2.99", "3.00", "3.49", "3.50", "3.99", "4.00", "4.24", "4.25", "4.49", "4.50", "5.00"};
        for (int i = 0; i < 14; i++) {
            List<Object> extra = new ArrayList<>(List.of("level", levels[i % 3], "language", languages[i % 2]));
            if (i % 4 == 1) {
                extra.addAll(List.of("pricing", "ONE_TIME", "priceMinor", 1000 + i));
            } else if (i % 4 == 2) {
                extra.addAll(List.of("pricing", "SUBSCRIPTION"));
            }
            String title = "Garden course number " + i;
            studio.publishedCourse(ada, title, categories[i % 3 == 0 ? 0 : i % 5 == 0 ? 1 : 2], 1, extra.toArray());
            server.platform().db().execute().dml("UPDATE catalog.published_courses SET rating_avg = ?::numeric "
                    + "WHERE title = ?", ratings[i % ratings.length], title);
        }
        try (var rows = server.platform().db().execute().query("SELECT category, level, language, pricing, rating_avg "
                + "FROM catalog.published_courses WHERE status = 'PUBLISHED'")) {
            courses = rows.map(r -> new Course(Rows.text(r, "category"), Rows.text(r, "level"), Rows.text(r, "language"),
                    switch (Rows.text(r, "pricing")) {
                        case "FREE" -> "free";
                        case "ONE_TIME" -> "paid";
                        default -> "subscription";
                    }, new BigDecimal(Rows.text(r, "rating_avg")))).toList();
        }
        assertEquals(14, courses.size());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "category=garden", "category=kitchen&category=crafts&level=beginner",
        "price=paid&language=fr", "minRating=4.25", "minRating=3.5&category=crafts", "minRating=4.2&level=advanced",
        "price=subscription&minRating=3&language=en&level=intermediate", "price=free&category=garden&minRating=0.01"})
    void countsMatchCountingCourseByCourse(String filters) {
        JsonNode r = http.get("/api/v1/courses?q=garden&" + filters).json();
        Map<String, List<String>> f = parse(filters);
        Predicate<Course> cat = c -> !f.containsKey("category") || f.get("category").contains(c.category());
        Predicate<Course> lvl = c -> !f.containsKey("level") || f.get("level").contains(c.level().toLowerCase());
        Predicate<Course> lang = c -> !f.containsKey("language") || f.get("language").contains(c.language());
        Predicate<Course> price = c -> !f.containsKey("price") || f.get("price").contains(c.price());
        Predicate<Course> rating = c -> !f.containsKey("minRating")
                || c.rating().compareTo(new BigDecimal(f.get("minRating").getFirst())) >= 0;

        assertEquals(courses.stream().filter(cat.and(lvl).and(lang).and(price).and(rating)).count(),
                r.path("total").asLong(), "total for " + filters);
        assertEquals(expected(lvl.and(lang).and(price).and(rating), Course::category),
                Studio.facetCounts(r.path("facets").path("category")), "category facet for " + filters);
        assertEquals(expected(cat.and(lang).and(price).and(rating), Course::level),
                Studio.facetCounts(r.path("facets").path("level")), "level facet for " + filters);
        assertEquals(expected(cat.and(lvl).and(price).and(rating), Course::language),
                Studio.facetCounts(r.path("facets").path("language")), "language facet for " + filters);
        assertEquals(expected(cat.and(lvl).and(lang).and(rating), Course::price),
                Studio.facetCounts(r.path("facets").path("price")), "price facet for " + filters);
        Map<String, Long> ratings = new TreeMap<>();
        for (String step : STEPS) {
            long n = courses.stream().filter(cat.and(lvl).and(lang).and(price))
                    .filter(c -> c.rating().compareTo(new BigDecimal(step)) >= 0).count();
            if (n > 0) {
                ratings.put(step, n);
            }
        }
        assertEquals(ratings, Studio.facetCounts(r.path("facets").path("minRating")), "rating facet for " + filters);
    }

    private static Map<String, Long> expected(Predicate<Course> others, Function<Course, String> value) {
        Map<String, Long> counts = new TreeMap<>();
        courses.stream().filter(others).forEach(c -> counts.merge(value.apply(c), 1L, Long::sum));
        return counts;
    }

    private static Map<String, List<String>> parse(String filters) {
        Map<String, List<String>> map = new TreeMap<>();
        for (String pair : filters.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=");
                map.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
            }
        }
        return map;
    }
}
