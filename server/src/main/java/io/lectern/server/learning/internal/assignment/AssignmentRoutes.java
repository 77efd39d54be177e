package io.lectern.server.learning.internal.assignment;

import io.helidon.http.HeaderNames;
import io.lectern.model.identity.Role;
import io.lectern.model.learning.AssignmentInput;
import io.lectern.model.learning.GradeInput;
import io.lectern.model.learning.SubmissionInput;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;
import java.util.Map;

/** Assignment settings, submissions, the grading queue, grades, release and the scores CSV. */
public final class AssignmentRoutes {

    private final Json json;
    private final Assignments assignments;

    public AssignmentRoutes(Json json, Assignments assignments) {
        this.json = json;
        this.assignments = assignments;
    }

    public void register(ApiRoutes routes) {
        Access staff = Access.roles(Role.INSTRUCTOR, Role.ADMIN);
        routes.put("/api/v1/lessons/{id}/assignment", staff, (req, res) -> json.write(res, 200, assignments.configure(
                        Authz.principal(req), PathParams.uuid(req, "id", "This lesson"),
                        json.read(req, AssignmentInput.class))))
                .get("/api/v1/assignments/{id}", Access.USER, (req, res) -> json.write(res, 200, assignments.view(
                        Authz.principal(req), PathParams.uuid(req, "id", "This assignment"))))
                .post("/api/v1/assignments/{id}/submissions", Access.USER, (req, res) -> json.write(res, 201,
                        assignments.submit(Authz.principal(req), PathParams.uuid(req, "id", "This assignment"),
                                json.read(req, SubmissionInput.class))))
                .get("/api/v1/instructor/courses/{id}/submissions", staff, (req, res) -> json.write(res, 200,
                        Map.of("items", assignments.queue(Authz.principal(req), PathParams.uuid(req, "id",
                                "This course")))))
                .put("/api/v1/submissions/{id}/grade", staff, (req, res) -> json.write(res, 200, assignments.grade(
                        Authz.principal(req), PathParams.uuid(req, "id", "This submission"),
                        json.read(req, GradeInput.class))))
                .post("/api/v1/submissions/{id}/release", staff, (req, res) -> json.write(res, 200, assignments.release(
                        Authz.principal(req), PathParams.uuid(req, "id", "This submission"))))
                .get("/api/v1/assignments/{id}/scores.csv", staff, (req, res) -> {
                    String csv = assignments.scoresCsv(Authz.principal(req), PathParams.uuid(req, "id",
                            "This assignment"));
                    res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
                    res.send(csv);
                });
    }
}
