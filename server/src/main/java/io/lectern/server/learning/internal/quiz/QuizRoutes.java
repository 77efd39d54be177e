package io.lectern.server.learning.internal.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.model.learning.QuizInput;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;
import java.util.Map;

/** Quizzes, attempts and the essay grading queue; the deadline job. */
public final class QuizRoutes {

    private final Json json;
    private final Quizzes quizzes;
    private final Attempts attempts;

    public QuizRoutes(Json json, Quizzes quizzes, Attempts attempts) {
        this.json = json;
        this.quizzes = quizzes;
        this.attempts = attempts;
    }

    public Attempts attempts() {
        return attempts;
    }

    public void register(ApiRoutes routes) {
        Access staff = Access.roles(Role.INSTRUCTOR, Role.ADMIN);
        routes.post("/api/v1/courses/{id}/quizzes", staff, (req, res) -> json.write(res, 201, quizzes.create(
                        Authz.principal(req), PathParams.uuid(req, "id", "This course"), json.read(req, QuizInput.class))))
                .get("/api/v1/quizzes/{id}", Access.USER, (req, res) -> json.write(res, 200, quizzes.view(
                        Authz.principal(req), PathParams.uuid(req, "id", "This quiz"))))
                .get("/api/v1/quizzes/{id}/offline", Access.USER, (req, res) -> json.write(res, 200,
                        quizzes.offlineCopy(Authz.principal(req), PathParams.uuid(req, "id", "This quiz"))))
                .post("/api/v1/quizzes/{id}/attempts", Access.USER, (req, res) -> json.write(res, 201, attempts.start(
                        Authz.principal(req), PathParams.uuid(req, "id", "This quiz"))))
                .get("/api/v1/attempts/{id}", Access.USER, (req, res) -> json.write(res, 200, attempts.view(
                        Authz.principal(req), attempt(req))))
                .put("/api/v1/attempts/{id}/answers", Access.USER, (req, res) -> json.write(res, 200, attempts.save(
                        Authz.principal(req), attempt(req), json.read(req, JsonNode.class).path("answers"))))
                .post("/api/v1/attempts/{id}/submit", Access.USER, (req, res) -> json.write(res, 200, attempts.submit(
                        Authz.principal(req), attempt(req))))
                .get("/api/v1/instructor/courses/{id}/grading", staff, (req, res) -> json.write(res, 200, Map.of(
                        "items", quizzes.gradingQueue(Authz.principal(req), PathParams.uuid(req, "id", "This course")))))
                .put("/api/v1/attempts/{id}/grades", staff, (req, res) -> json.write(res, 200, quizzes.gradeEssays(
                        Authz.principal(req), attempt(req), json.read(req, JsonNode.class).path("grades"))));
    }

    private static java.util.UUID attempt(io.helidon.webserver.http.ServerRequest req) {
        return PathParams.uuid(req, "id", "This attempt");
    }
}
