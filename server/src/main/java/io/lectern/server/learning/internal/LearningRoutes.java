package io.lectern.server.learning.internal;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.identity.Role;
import io.lectern.model.learning.NoteInput;
import io.lectern.model.learning.ProgressUpdate;
import io.lectern.model.learning.SyncRequest;
import io.lectern.server.learning.internal.notes.Notes;
import io.lectern.server.learning.internal.progress.CourseProgressView;
import io.lectern.server.learning.internal.progress.InstructorProgress;
import io.lectern.server.learning.internal.progress.Progress;
import io.lectern.server.learning.internal.sync.SyncService;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.security.Authz;
import java.util.Map;
import java.util.UUID;

/** Progress, the offline sync, notes and instructors' view of their students. */
final class LearningRoutes {

    private final Database db;
    private final Json json;
    private final Progress progress;
    private final CourseProgressView courses;
    private final InstructorProgress students;
    private final SyncService sync;
    private final Notes notes;

    LearningRoutes(Database db, Json json, Progress progress, CourseProgressView courses, InstructorProgress students,
                   SyncService sync, Notes notes) {
        this.db = db;
        this.json = json;
        this.progress = progress;
        this.courses = courses;
        this.students = students;
        this.sync = sync;
        this.notes = notes;
    }

    void register(ApiRoutes routes) {
        Access staff = Access.roles(Role.INSTRUCTOR, Role.ADMIN);
        routes.put("/api/v1/lessons/{id}/progress", Access.USER, (req, res) -> json.write(res, 200, progress.heartbeat(
                        Authz.principal(req), lesson(req), json.read(req, ProgressUpdate.class))))
                .post("/api/v1/lessons/{id}/complete", Access.USER, (req, res) -> json.write(res, 200,
                        progress.complete(Authz.principal(req), lesson(req), QueryParams.text(req, "clientEventId", 100)
                                .orElse(null), QueryParams.text(req, "timeZone", 64).orElse(null))))
                .get("/api/v1/courses/{id}/progress", Access.USER, (req, res) -> json.write(res, 200, courses.of(
                        Authz.principal(req), PathParams.uuid(req, "id", "This course"), zone(req))))
                .get("/api/v1/instructor/courses/{id}/progress", staff, (req, res) -> json.write(res, 200,
                        Map.of("items", students.students(Authz.principal(req), PathParams.uuid(req, "id", "This course")))))
                .get("/api/v1/instructor/courses/{id}/progress.csv", staff, this::csv)
                .post("/api/v1/sync", Access.USER, (req, res) -> json.write(res, 200, sync.sync(Authz.principal(req),
                        json.readLarge(req, SyncRequest.class, SyncService.MAX_BYTES))))
                .get("/api/v1/lessons/{id}/notes", Access.USER, (req, res) -> json.write(res, 200,
                        Map.of("items", notes.ofLesson(Authz.principal(req), lesson(req)))))
                .post("/api/v1/lessons/{id}/notes", Access.USER, (req, res) -> json.write(res, 201, notes.create(
                        Authz.principal(req), lesson(req), json.read(req, NoteInput.class))))
                .patch("/api/v1/notes/{id}", Access.USER, (req, res) -> json.write(res, 200, notes.change(
                        Authz.principal(req), note(req), json.read(req, NoteInput.class), false)))
                .delete("/api/v1/notes/{id}", Access.USER, (req, res) -> json.write(res, 200, notes.change(
                        Authz.principal(req), note(req), new NoteInput(null, null, null, null, null), true)))
                .get("/api/v1/me/notes", Access.USER, (req, res) -> json.write(res, 200, Map.of("items", notes.search(
                        Authz.principal(req), QueryParams.text(req, "q", 200).orElse(""), QueryParams.limit(req, 50,
                                200)))));
    }

    private void csv(ServerRequest req, ServerResponse res) {
        UUID course = PathParams.uuid(req, "id", "This course");
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"progress-" + course + ".csv\"");
        res.send(InstructorProgress.csv(students.students(Authz.principal(req), course)));
    }

    /** The zone the request names, else the learner's usual one (for the streak). */
    private java.time.ZoneId zone(ServerRequest req) {
        return progress.zones().forRead(db.execute(), Authz.principal(req).userId(),
                QueryParams.text(req, "timeZone", 64).orElse(null));
    }

    private static UUID lesson(ServerRequest req) {
        return PathParams.uuid(req, "id", "This lesson");
    }

    private static UUID note(ServerRequest req) {
        return PathParams.uuid(req, "id", "This note");
    }
}
