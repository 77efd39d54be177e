package io.lectern.server.platform.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.lectern.model.common.ApiProblem;
import io.lectern.server.platform.db.DatabaseUnavailableException;
import io.lectern.server.platform.redis.RedisUnavailableException;
import java.util.UUID;

/**
 * Installs the one mapping from failures to problem+json: our {@link ApiException}s, Helidon's HTTP
 * exceptions (400, 404, 405, 413 ...), failures before routing (direct handlers) and everything unexpected.
 */
public final class ErrorHandling {

    private ErrorHandling() {
    }

    public static void install(HttpRouting.Builder routing, Problems problems) {
        routing.error(ApiException.class, problems::send);
        routing.error(HttpException.class, (req, res, e) -> problems.send(req, res, fromHttp(e.status())));
        routing.error(DatabaseUnavailableException.class, problems::databaseUnavailable);
        routing.error(RedisUnavailableException.class, (req, res, e) -> problems.send(req, res, new ApiException(503,
                "server.redis_unavailable", "This feature needs Redis, which is not reachable right now; try again in a "
                + "few seconds.", java.util.List.of(), java.util.Map.of("Retry-After", "5"))));
        routing.error(Throwable.class, problems::sendInternal);
    }

    static ApiException fromHttp(Status status) {
        int code = status.code();
        return switch (code) {
            case 404 -> new ApiException(404, "route.not_found", "No such resource.");
            case 405 -> new ApiException(405, "route.method_not_allowed", "This resource does not support that method.");
            case 413 -> new ApiException(413, "request.too_large", "The request body is too large.");
            case 415 -> new ApiException(415, "request.unsupported_media_type", "This media type is not supported.");
            default -> code >= 500
                    ? new ApiException(500, "server.internal_error", "Something went wrong on our side.")
                    : new ApiException(code, "request.rejected", "The request was rejected: " + status.reasonPhrase() + ".");
        };
    }

    /** Answers failures that happen before routing (unparseable request line, oversized body) as problems. */
    public static DirectHandlers directHandlers(Json json) {
        DirectHandler handler = (request, eventType, status, headers, message) -> {
            ApiException e = fromHttp(status);
            String rid = UUID.randomUUID().toString();
            ApiProblem problem = Problems.problem(e, rid);
            byte[] body;
            try {
                body = json.objectMapper().writeValueAsBytes(problem);
            } catch (Exception ex) {
                body = new byte[0];
            }
            return DirectHandler.TransportResponse.builder()
                    .status(Status.create(e.status()))
                    .header(HeaderNames.CONTENT_TYPE, ApiProblem.MEDIA_TYPE)
                    .header(HeaderNames.create(RequestId.HEADER), rid)
                    .keepAlive(false)
                    .entity(body)
                    .build();
        };
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }
}
