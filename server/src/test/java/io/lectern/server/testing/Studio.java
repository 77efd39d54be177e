package io.lectern.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.identity.NewAccount;
import java.util.List;
import java.util.Map;

/**
 * Drives the instructor studio API for tests: instructor accounts, courses with sections and lessons, publishing.
 * Every call goes through the real HTTP API and asserts it succeeded.
 */
public final class Studio {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LecternServer server;
    private final Http http;
    private final Accounts accounts;

    public Studio(LecternServer server, Http http) {
        this.server = server;
        this.http = http;
        this.accounts = Accounts.of(http);
    }

    public Accounts accounts() {
        return accounts;
    }

    /** A new account with the role, signed in; returns its access token. */
    public String user(String email, String name, Role role) {
        server.modules().identity().createAccount(new NewAccount(email, name, role, "passphrase for " + name));
        return accounts.login(email, "passphrase for " + name).path("accessToken").asText();
    }

    public String userId(String token) {
        return http.get("/api/v1/me", token).json().path("id").asText();
    }

    /** Creates a draft course from alternating field names and values; returns the draft view. */
    public JsonNode course(String token, Object... fields) {
        return ok(http.post("/api/v1/courses", Http.json(fields), token), 201);
    }

    public JsonNode section(String token, String courseId, String title) {
        return ok(http.post("/api/v1/courses/" + courseId + "/sections", Http.json("title", title), token), 201);
    }

    public JsonNode article(String token, String sectionId, String title, String body, boolean preview) {
        return lesson(token, sectionId, Map.of("title", title, "type", "ARTICLE", "preview", preview,
                "content", Map.of("body", body)));
    }

    public JsonNode lesson(String token, String sectionId, Map<String, Object> fields) {
        return ok(http.post("/api/v1/sections/" + sectionId + "/lessons", MAPPER.valueToTree(fields).toString(), token),
                201);
    }

    public JsonNode publish(String token, String courseId) {
        return ok(http.post("/api/v1/courses/" + courseId + "/publish", null, token), 200);
    }

    public JsonNode patch(String token, String path, Object... fields) {
        return ok(http.call("PATCH", path, Http.json(fields), token), 200);
    }

    /**
     * A published course with one section of article lessons (the first a free preview); returns the draft view
     * after publishing. {@code extra} adds course fields such as {@code "tags", List.of(...)}.
     */
    public JsonNode publishedCourse(String token, String title, String category, int lessons, Object... extra) {
        Object[] fields = new Object[4 + extra.length];
        fields[0] = "title";
        fields[1] = title;
        fields[2] = "category";
        fields[3] = category;
        System.arraycopy(extra, 0, fields, 4, extra.length);
        JsonNode course = course(token, fields);
        String id = course.path("id").asText();
        if (course.path("description").asText().length() < 20) {
            patch(token, "/api/v1/courses/" + id, "description", "Everything about " + title + ", step by step.");
        }
        String section = section(token, id, "Part one").path("id").asText();
        for (int i = 0; i < lessons; i++) {
            article(token, section, title + " lesson " + (i + 1), "Reading " + (i + 1) + " of *" + title + "*.", i == 0);
        }
        return publish(token, id);
    }

    /** Ensures the categories exist (admin-managed list). */
    public void categories(String... slugs) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String s : slugs) {
            map.put(s, Character.toUpperCase(s.charAt(0)) + s.substring(1));
        }
        server.modules().catalog().ensureCategories(map);
    }

    /** Any value as JSON text. */
    public static String toJson(Object value) {
        return MAPPER.valueToTree(value).toString();
    }

    public static List<String> texts(JsonNode array, String field) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    /** A search's facet counts of one dimension by value, leaving out values counted 0. */
    public static java.util.Map<String, Long> facetCounts(JsonNode facets) {
        java.util.Map<String, Long> map = new java.util.TreeMap<>();
        facets.forEach(f -> {
            if (f.path("count").asLong() > 0) {
                map.put(f.path("value").asText(), f.path("count").asLong());
            }
        });
        return map;
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    private static JsonNode ok(Http.Response r, int status) {
        assertEquals(status, r.status(), () -> r.raw().request().method() + " " + r.raw().uri() + ": " + r.raw().body());
        return r.json();
    }
}
