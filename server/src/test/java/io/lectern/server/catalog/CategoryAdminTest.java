package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admins keep the category list; a category in use cannot be deleted. */
class CategoryAdminTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        admin = studio.accounts().adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void adminsCreateRenameAndDeleteCategories() {
        JsonNode created = http.post("/api/v1/categories", Http.json("slug", "photography", "name", "Photography"), admin)
                .json();
        assertEquals("Photography", created.path("name").asText());
        assertEquals(409, http.post("/api/v1/categories", Http.json("slug", "photography", "name", "Again"), admin)
                .status());
        assertEquals("Photo & Film", studio.patch(admin, "/api/v1/categories/photography", "name", "Photo & Film")
                .path("name").asText());
        assertTrue(Studio.texts(http.get("/api/v1/categories").json().path("items"), "slug").contains("photography"));
        assertEquals(204, http.call("DELETE", "/api/v1/categories/photography", null, admin).status());
        assertEquals(404, http.call("DELETE", "/api/v1/categories/photography", null, admin).status());
    }

    @Test
    void aCategoryInUseStays() {
        http.post("/api/v1/categories", Http.json("slug", "cooking", "name", "Cooking"), admin);
        String chef = studio.user("chef@example.com", "Chef", Role.INSTRUCTOR);
        studio.course(chef, "title", "Knife skills", "category", "cooking");
        Http.Response r = http.call("DELETE", "/api/v1/categories/cooking", null, admin);
        assertEquals(409, r.status());
        assertEquals("category.in_use", r.json().path("code").asText());
        assertEquals(1, r.json().path("context").path("courses").asInt());
    }

    @Test
    void badCategoriesAreRefused() {
        Http.Response r = http.post("/api/v1/categories", Http.json("slug", "Not A Slug", "name", ""), admin);
        assertEquals(400, r.status());
        assertEquals("format", CourseAuthoringTest.rules(r.json()).get("slug"));
        assertEquals("required", CourseAuthoringTest.rules(r.json()).get("name"));
        assertEquals("read_only", CourseAuthoringTest.rules(http.call("PATCH", "/api/v1/categories/cooking",
                Http.json("slug", "other"), admin).json()).get("slug"));
    }
}
