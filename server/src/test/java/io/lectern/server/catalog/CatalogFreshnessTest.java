package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changes show where people look at once, not when a cache expires: a review moves the rating filter, the rating
 * facet and the search card's rating; a publish or an archive moves the facet counts and the category counts.
 * Every read first warms the caches, so a stale copy would be served if one were kept.
 */
class CatalogFreshnessTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String ada;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("pottery", "glass");
        ada = studio.user("ada.fresh@example.com", "Ada Fresh", Role.INSTRUCTOR);
        studio.publishedCourse(ada, "Wheel throwing", "pottery", 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aReviewMovesTheRatingFilterTheFacetAndTheCardAtOnce() {
        String id = studio.publishedCourse(ada, "Glazes", "pottery", 1).path("id").asText();
        assertEquals(0, titles("minRating=4").size(), "warm: no course rated 4 or more yet");
        assertEquals(0, card("Glazes").path("ratingCount").asInt());
        String lea = studio.user("lea.fresh@example.com", "Lea Fresh", Role.STUDENT);
        assertEquals(201, http.post("/api/v1/courses/" + id + "/enroll", "{}", lea).status());
        assertEquals(201, http.post("/api/v1/courses/" + id + "/reviews", Studio.toJson(Map.of("rating", 5, "body",
                "Lovely colours.")), lea).status());
        assertEquals(java.util.List.of("Glazes"), titles("minRating=4"));
        JsonNode card = card("Glazes");
        assertEquals(1, card.path("ratingCount").asInt(), card.toString());
        assertEquals(5.0, card.path("rating").asDouble(), card.toString());
        assertEquals(1L, Studio.facetCounts(http.get("/api/v1/courses?category=pottery").json().path("facets")
                .path("minRating")).getOrDefault("4.5", 0L), "the rating facet counts it");
    }

    @Test
    void aPublishAndAnArchiveMoveTheCountsAtOnce() {
        long before = categoryCount("glass");
        assertEquals(before, facet("category", "glass"));
        String id = studio.publishedCourse(ada, "Glass blowing", "glass", 1).path("id").asText();
        assertEquals(before + 1, facet("category", "glass"), "the facet counts the new course at once");
        assertEquals(before + 1, categoryCount("glass"));
        assertEquals(before + 1, http.get("/api/v1/courses/" + id).json().path("category").path("courseCount").asLong(),
                "the course page counts its category's courses too");
        assertEquals(200, http.post("/api/v1/courses/" + id + "/archive", null, ada).status());
        assertEquals(before, facet("category", "glass"), "and leaves the archived one out at once");
    }

    private static java.util.List<String> titles(String query) {
        return Studio.texts(http.get("/api/v1/courses?" + query).json().path("items"), "title");
    }

    private static JsonNode card(String title) {
        for (JsonNode c : http.get("/api/v1/courses?category=pottery").json().path("items")) {
            if (c.path("title").asText().equals(title)) {
                return c;
            }
        }
        throw new AssertionError(title + " is not listed");
    }

    private static long facet(String dimension, String value) {
        JsonNode facets = http.get("/api/v1/courses").json().path("facets").path(dimension);
        return Studio.facetCounts(facets).getOrDefault(value, 0L);
    }

    private static long categoryCount(String slug) {
        for (JsonNode c : http.get("/api/v1/categories").json().path("items")) {
            if (c.path("slug").asText().equals(slug)) {
                return c.path("courseCount").asLong();
            }
        }
        return 0;
    }
}
