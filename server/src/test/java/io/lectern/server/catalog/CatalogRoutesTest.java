package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.server.LecternServer;
import io.lectern.server.demo.DemoSeed;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo catalog as a newcomer first sees it. */
class CatalogRoutesTest {

    private static LecternServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        new DemoSeed(server.modules().identity(), server.modules().catalog(), server.baseUri(), "/no/ffmpeg")
                .seedIfEmpty().orElseThrow();
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pagesThroughEveryPublishedCourseOnce() {
        Set<String> slugs = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Response r = http.get("/api/v1/courses?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status());
            for (JsonNode course : r.json().get("items")) {
                assertTrue(slugs.add(course.get("slug").asText()), "duplicate " + course.get("slug"));
            }
            cursor = r.json().get("nextCursor").isNull() ? null : r.json().get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(12, slugs.size());
        assertEquals(3, pages);
    }

    @Test
    void courseIsFoundBySlugWithInstructorAndPrice() {
        Http.Response r = http.get("/api/v1/courses/sql-for-analysts");
        assertEquals(200, r.status());
        assertEquals("SQL for Analysts", r.json().get("title").asText());
        assertEquals("Grace Hopper", r.json().get("instructors").get(0).get("displayName").asText());
        assertEquals(1900, r.json().get("price").get("amountMinor").asLong());
        assertEquals("ONE_TIME", r.json().get("pricing").asText());
        assertEquals(1900, r.json().get("price").get("amountMinor").asLong());
        assertEquals(7, r.json().get("lessonCount").asInt());
        assertNotNull(r.json().get("id").asText());
        Http.Response byId = http.get("/api/v1/courses/" + r.json().get("id").asText());
        assertEquals("sql-for-analysts", byId.json().get("slug").asText());
    }

    @Test
    void unknownCourseIs404Problem() {
        Http.Response r = http.get("/api/v1/courses/no-such-course");
        assertEquals(404, r.status());
        assertEquals("resource.not_found", r.json().get("code").asText());
    }

    @Test
    void badLimitAndCursorAre400() {
        Http.Response limit = http.get("/api/v1/courses?limit=1000");
        assertEquals(400, limit.status());
        assertEquals("limit", limit.json().get("errors").get(0).get("field").asText());
        assertEquals("request.bad_cursor", http.get("/api/v1/courses?cursor=garbage").json().get("code").asText());
    }

    @Test
    void seedingTwiceDoesNothing() {
        assertTrue(new DemoSeed(server.modules().identity(), server.modules().catalog(), server.baseUri(), "/no/ffmpeg")
                .seedIfEmpty().isEmpty());
        assertEquals(12, server.modules().catalog().publishedCount());
    }
}
