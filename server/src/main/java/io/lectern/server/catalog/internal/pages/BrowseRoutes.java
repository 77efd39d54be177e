package io.lectern.server.catalog.internal.pages;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.server.catalog.internal.CatalogCaches;
import io.lectern.server.catalog.internal.lessons.LessonAccess;
import io.lectern.server.catalog.internal.search.CourseSearch;
import io.lectern.server.catalog.internal.search.SearchParams;
import io.lectern.server.catalog.internal.search.SearchRequest;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.security.Authz;

/** What anyone may read: the catalog search, course pages, lessons (as access allows), categories, instructors. */
public final class BrowseRoutes {

    private final Database db;
    private final Json json;
    private final CourseSearch search;
    private final CoursePages pages;
    private final LessonAccess lessons;
    private final InstructorDirectory instructors;
    private final CatalogCaches caches;

    public BrowseRoutes(Database db, Json json, CourseSearch search, CoursePages pages, LessonAccess lessons,
                 InstructorDirectory instructors, CatalogCaches caches) {
        this.caches = caches;
        this.db = db;
        this.json = json;
        this.search = search;
        this.pages = pages;
        this.lessons = lessons;
        this.instructors = instructors;
    }

    public void register(ApiRoutes routes) {
        routes.get("/api/v1/courses", Access.PUBLIC, this::search)
                .get("/api/v1/courses/{idOrSlug}", Access.PUBLIC, this::page)
                .get("/api/v1/lessons/{id}", Access.PUBLIC, (req, res) -> json.write(res, 200,
                        lessons.open(Authz.current(req), PathParams.uuid(req, "id", "This lesson"))))
                .get("/api/v1/instructors", Access.PUBLIC, (req, res) -> json.write(res, 200, instructors.search(
                        db.execute(), QueryParams.text(req, "q", 100), QueryParams.limit(req, 20, 100),
                        QueryParams.text(req, "cursor", 400))))
                .get("/api/v1/instructors/{id}", Access.PUBLIC, (req, res) -> json.write(res, 200,
                        instructors.profile(db.execute(), PathParams.uuid(req, "id", "This instructor"))));
    }

    /** First pages of searches are the same for everyone: served from memory until the catalog changes. */
    private void search(ServerRequest req, ServerResponse res) {
        SearchRequest request = SearchParams.read(req.query());
        if (request.cursor().isPresent()) {
            json.write(res, 200, search.search(db.execute(), request));
            return;
        }
        json.writeBytes(res, 200, caches.searches().get(request.cacheKey(), () -> new CatalogCaches.Json(
                json.bytes(search.search(db.execute(), request)), null), j -> null).json());
    }

    private void page(ServerRequest req, ServerResponse res) {
        String key = PathParams.text(req, "idOrSlug");
        var caller = Authz.current(req);
        if (caller.isEmpty()) {
            json.writeBytes(res, 200, pages.anonymousJson(key));
        } else {
            json.write(res, 200, pages.page(caller, key));
        }
    }
}
