package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Full-text search, typo tolerance, filters, facets, sorting and keyset pages over published courses. */
class CatalogSearchTest {

    private static LecternServer server;
    private static Http http;
    private static String linusId;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        Studio studio = new Studio(server, http);
        studio.categories("programming", "data", "design");
        String ada = studio.user("ada.search@example.com", "Ada Lovelace", Role.INSTRUCTOR);
        String linus = studio.user("linus.search@example.com", "Linus Kernel", Role.INSTRUCTOR);
        linusId = studio.userId(linus);
        studio.publishedCourse(ada, "PostgreSQL Databases", "data", 2, "subtitle", "Indexes, joins and plans",
                "tags", List.of("sql"), "level", "INTERMEDIATE", "pricing", "ONE_TIME", "priceMinor", 3900);
        studio.publishedCourse(ada, "Spreadsheets for Managers", "data", 1, "description",
                "Why a database beats a spreadsheet, and when it does not, explained for managers.");
        studio.publishedCourse(linus, "Kernel Hacking", "programming", 1, "level", "ADVANCED", "pricing",
                "ONE_TIME", "priceMinor", 9900, "tags", List.of("linux", "c"));
        studio.publishedCourse(linus, "Git from Scratch", "programming", 1, "subtitle", "Version control for everyone");
        studio.publishedCourse(ada, "Crème Brûlée Design", "design", 1, "language", "fr", "subtitle",
                "Desserts as a design exercise");
        studio.publishedCourse(ada, "Datenbanken verstehen", "data", 1, "language", "de", "subtitle",
                "Relationale Datenbanken für Einsteiger");
        studio.publishedCourse(linus, "Python for Data Science", "data", 1, "pricing", "SUBSCRIPTION",
                "tags", List.of("python", "pandas"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void titleMatchesOutrankDescriptionMatchesAndStemmingFindsPlurals() {
        JsonNode r = search("q=database");
        assertEquals(List.of("PostgreSQL Databases", "Spreadsheets for Managers"), titles(r));
        assertEquals(2, r.path("total").asInt());
    }

    @Test
    void accentsDoNotMatterAndNamesAreSearchable() {
        assertEquals(List.of("Crème Brûlée Design"), titles(search("q=creme+brulee")));
        assertEquals(Set.of("Kernel Hacking", "Git from Scratch", "Python for Data Science"),
                new HashSet<>(titles(search("q=linus"))));
    }

    @Test
    void germanCoursesAreStemmedInGerman() {
        assertEquals(List.of("Datenbanken verstehen"), titles(search("q=datenbank&language=de")));
    }

    @Test
    void aMisspeltWordIsCorrectedWithFiltersAndFacetsApplied() {
        JsonNode r = search("q=postgre%20databses&level=intermediate");
        assertEquals("postgresql databases", r.path("correctedQuery").asText());
        assertEquals(List.of("PostgreSQL Databases"), titles(r));
        JsonNode git = search("q=scrach");
        assertEquals(List.of("Git from Scratch"), titles(git));
        assertEquals("scratch", git.path("correctedQuery").asText());
        JsonNode swapped = search("q=kenrel");
        assertEquals("Kernel Hacking", titles(swapped).getFirst(), "the title match ranks above the instructor's name");
        assertEquals("kernel", swapped.path("correctedQuery").asText());
        JsonNode nothing = search("q=xylophone");
        assertEquals(0, nothing.path("total").asInt());
        assertTrue(nothing.path("correctedQuery").isMissingNode());
    }

    @Test
    void facetsCountEachDimensionWithTheOtherFiltersOnly() {
        JsonNode r = search("category=data&price=paid");
        assertEquals(List.of("PostgreSQL Databases"), titles(r));
        Map<String, Long> categories = Studio.facetCounts(r.path("facets").path("category"));
        assertEquals(Map.of("data", 1L, "programming", 1L), categories, "paid courses per category");
        Map<String, Long> prices = Studio.facetCounts(r.path("facets").path("price"));
        assertEquals(Map.of("free", 2L, "paid", 1L, "subscription", 1L), prices, "data courses per price");
        assertEquals(1L, Studio.facetCounts(r.path("facets").path("level")).get("INTERMEDIATE"));
    }

    @Test
    void filtersNarrowTheResults() {
        assertEquals(List.of("Kernel Hacking"), titles(search("level=advanced")));
        assertEquals(List.of("Crème Brûlée Design"), titles(search("language=fr")));
        assertEquals(Set.of("Kernel Hacking", "Git from Scratch", "Python for Data Science"),
                new HashSet<>(titles(search("instructor=" + linusId))));
        assertEquals(List.of("PostgreSQL Databases"), titles(search("minPrice=1000&maxPrice=5000")));
        assertEquals(4, search("free=true").path("total").asInt());
        assertEquals(0, search("minRating=4").path("total").asInt());
        assertEquals(List.of("Python for Data Science"), titles(search("price=subscription")));
    }

    @Test
    void sortsOrderByPriceAndNewest() {
        assertEquals(List.of("Kernel Hacking", "PostgreSQL Databases"), titles(search("price=paid&sort=price_desc")));
        assertEquals(List.of("PostgreSQL Databases", "Kernel Hacking"), titles(search("price=paid&sort=price_asc")));
        List<String> newest = titles(search("sort=newest&limit=100"));
        assertEquals("Python for Data Science", newest.getFirst());
        assertEquals("PostgreSQL Databases", newest.getLast());
    }

    @ParameterizedTest
    @ValueSource(strings = {"newest", "price_asc", "price_desc", "rating", "popularity", "relevance"})
    void everySortPagesThroughEveryCourseOnce(String sort) {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        String q = sort.equals("relevance") ? "&q=data" : "";
        do {
            JsonNode r = search("limit=2&sort=" + sort + q + (cursor == null ? "" : "&cursor=" + cursor));
            r.path("items").forEach(c -> assertTrue(seen.add(c.path("id").asText()), "duplicate " + c.path("title")));
            assertEquals(pages == 0, r.has("facets"), "facets come with the first page only");
            cursor = r.path("nextCursor").isNull() ? null : r.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 20);
        assertEquals(sort.equals("relevance") ? search("q=data").path("total").asInt() : 7, seen.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'", "&", "!", ":*", "a & b | !c", "\"unterminated", "(((", "--", "\\", "'; DROP TABLE x;--",
        "<script>", "%00"})
    void queryLanguageSyntaxIsJustText(String q) {
        Http.Response r = http.get("/api/v1/courses?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.raw().body());
    }

    @Test
    void hugeQueriesAndBadParametersAreClear400s() {
        Http.Response huge = http.get("/api/v1/courses?q=" + "a".repeat(10_000));
        assertEquals(400, huge.status());
        assertEquals("max_length", huge.json().path("errors").get(0).path("rule").asText());
        assertEquals("one_of", http.get("/api/v1/courses?sort=cheapest").json().path("errors").get(0).path("rule").asText());
        assertEquals("one_of", http.get("/api/v1/courses?level=guru").json().path("errors").get(0).path("rule").asText());
        assertEquals("range", http.get("/api/v1/courses?minRating=9").json().path("errors").get(0).path("rule").asText());
        assertEquals("format", http.get("/api/v1/courses?instructor=nope").json().path("errors").get(0).path("rule")
                .asText());
        String newestCursor = search("limit=1&sort=newest").path("nextCursor").asText();
        Http.Response wrongSort = http.get("/api/v1/courses?limit=1&sort=price_asc&cursor=" + newestCursor);
        assertEquals("request.bad_cursor", wrongSort.json().path("code").asText());
    }

    @Test
    void instructorsAreFoundByNameEvenMisspeltAndByTopic() {
        assertEquals(List.of("Linus Kernel"), Studio.texts(http.get("/api/v1/instructors?q=linus").json().path("items"),
                "displayName"));
        assertEquals(List.of("Linus Kernel"), Studio.texts(http.get("/api/v1/instructors?q=Linnus").json().path("items"),
                "displayName"));
        assertEquals(List.of("Ada Lovelace"), Studio.texts(http.get("/api/v1/instructors?q=desserts").json()
                .path("items"), "displayName"));
        JsonNode profile = http.get("/api/v1/instructors/" + linusId).json();
        assertEquals(3, profile.path("instructor").path("courseCount").asInt());
        assertEquals(3, profile.path("courses").size());
        assertFalse(http.get("/api/v1/instructors").json().path("items").isEmpty());
    }

    private static JsonNode search(String query) {
        Http.Response r = http.get("/api/v1/courses?" + query);
        assertEquals(200, r.status(), r.raw().body());
        return r.json();
    }

    private static List<String> titles(JsonNode result) {
        return Studio.texts(result.path("items"), "title");
    }
}
