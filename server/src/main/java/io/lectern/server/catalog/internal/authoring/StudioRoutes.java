package io.lectern.server.catalog.internal.authoring;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.catalog.CourseDraftView;
import io.lectern.model.catalog.CourseInput;
import io.lectern.model.catalog.DuplicateRequest;
import io.lectern.model.catalog.LessonInput;
import io.lectern.model.catalog.OutlineOrder;
import io.lectern.model.catalog.SectionInput;
import io.lectern.model.identity.Role;
import io.lectern.server.catalog.internal.publishing.Publishing;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.ClientIp;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PageCursor;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.security.Authz;
import java.util.Optional;
import java.util.UUID;

/**
 * The instructor studio's API: courses, their outline, publishing. Instructors and admins only; each handler
 * checks the caller is staff of the course it touches. Draft answers carry the revision as {@code ETag}; send it
 * back as {@code If-Match} to refuse an edit made on a stale copy.
 */
public final class StudioRoutes {

    private static final Access STAFF = Access.roles(Role.INSTRUCTOR, Role.ADMIN);

    private final boolean trustForwardedFor;
    private final Json json;
    private final Authoring authoring;
    private final OutlineEditing outline;
    private final Publishing publishing;
    private final Duplication duplication;

    public StudioRoutes(Json json, boolean trustForwardedFor, Authoring authoring, OutlineEditing outline, Publishing publishing,
                 Duplication duplication) {
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
        this.authoring = authoring;
        this.outline = outline;
        this.publishing = publishing;
        this.duplication = duplication;
    }

    public void register(ApiRoutes routes) {
        routes.post("/api/v1/courses", STAFF, (req, res) -> draft(res, 201,
                        authoring.create(Authz.principal(req), json.read(req, CourseInput.class))))
                .get("/api/v1/courses/{id}/draft", STAFF, (req, res) -> draft(res, 200,
                        authoring.draft(Authz.principal(req), course(req))))
                .patch("/api/v1/courses/{id}", STAFF, (req, res) -> draft(res, 200, authoring.update(Authz.principal(req),
                        course(req), json.readPatch(req, CourseInput.class), ifMatch(req))))
                .delete("/api/v1/courses/{id}", STAFF, (req, res) -> {
                    authoring.delete(Authz.principal(req), course(req));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .post("/api/v1/courses/{id}/publish", STAFF, (req, res) -> draft(res, 200,
                        publishing.publish(Authz.principal(req), course(req), ifMatch(req), ip(req))))
                .post("/api/v1/courses/{id}/archive", STAFF, (req, res) -> draft(res, 200,
                        publishing.archive(Authz.principal(req), course(req), ip(req))))
                .post("/api/v1/courses/{id}/duplicate", STAFF, (req, res) -> draft(res, 201, duplication.duplicate(
                        Authz.principal(req), course(req), json.readOptional(req, DuplicateRequest.class,
                                new DuplicateRequest(null, null)))))
                .put("/api/v1/courses/{id}/outline", STAFF, this::reorder)
                .post("/api/v1/courses/{id}/sections", STAFF, (req, res) -> json.write(res, 201,
                        outline.addSection(Authz.principal(req), course(req), json.read(req, SectionInput.class))))
                .patch("/api/v1/sections/{id}", STAFF, (req, res) -> json.write(res, 200,
                        outline.renameSection(Authz.principal(req), section(req), json.read(req, SectionInput.class))))
                .delete("/api/v1/sections/{id}", STAFF, (req, res) -> {
                    outline.deleteSection(Authz.principal(req), section(req));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .post("/api/v1/sections/{id}/lessons", STAFF, (req, res) -> json.write(res, 201,
                        outline.addLesson(Authz.principal(req), section(req), json.read(req, LessonInput.class))))
                .patch("/api/v1/lessons/{id}", STAFF, (req, res) -> json.write(res, 200,
                        outline.updateLesson(Authz.principal(req), lesson(req), json.read(req, LessonInput.class))))
                .delete("/api/v1/lessons/{id}", STAFF, (req, res) -> {
                    outline.deleteLesson(Authz.principal(req), lesson(req));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .get("/api/v1/instructor/courses", STAFF, (req, res) -> json.write(res, 200, authoring.studio(
                        Authz.principal(req), QueryParams.bool(req, "all").orElse(false), QueryParams.limit(req, 50, 200),
                        PageCursor.decode(req.query().first("cursor").orElse(null)))));
    }

    private void reorder(ServerRequest req, ServerResponse res) {
        UUID id = course(req);
        outline.reorder(Authz.principal(req), id, json.read(req, OutlineOrder.class), ifMatch(req));
        draft(res, 200, authoring.draft(Authz.principal(req), id));
    }

    private void draft(ServerResponse res, int status, CourseDraftView view) {
        res.header(HeaderNames.ETAG, DraftViews.etag(view.revision()));
        json.write(res, status, view);
    }

    private String ip(ServerRequest req) {
        return ClientIp.of(req, trustForwardedFor);
    }

    private static Optional<String> ifMatch(ServerRequest req) {
        return req.headers().first(HeaderNames.IF_MATCH).map(String::strip);
    }

    private static UUID course(ServerRequest req) {
        return PathParams.uuid(req, "id", "This course");
    }

    private static UUID section(ServerRequest req) {
        return PathParams.uuid(req, "id", "This section");
    }

    private static UUID lesson(ServerRequest req) {
        return PathParams.uuid(req, "id", "This lesson");
    }
}
