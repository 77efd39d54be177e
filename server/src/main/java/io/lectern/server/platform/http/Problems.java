package io.lectern.server.platform.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.common.ApiProblem;
import io.lectern.server.platform.db.SqlErrors;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Renders every failure as RFC 9457 problem+json carrying the request id. */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    private static final long DB_LOG_EVERY_NANOS = 10_000_000_000L;

    private final Json json;
    private final AtomicLong lastDatabaseLog = new AtomicLong(System.nanoTime() - DB_LOG_EVERY_NANOS - 1);

    public Problems(Json json) {
        this.json = json;
    }

    static String typeOf(String code) {
        return "urn:lectern:problem:" + code;
    }

    static String titleOf(int status) {
        return Status.create(status).reasonPhrase();
    }

    public static ApiProblem problem(ApiException e, String requestId) {
        return new ApiProblem(typeOf(e.code()), titleOf(e.status()), e.status(), e.detail(), e.code(), requestId,
                e.violations(), e.context());
    }

    public void send(ServerRequest request, ServerResponse response, ApiException e) {
        if (response.isSent()) {
            return;
        }
        e.headers().forEach((name, value) -> response.header(HeaderNames.create(name), value));
        SecurityHeaders.always(request, response); // error handling may have dropped what the filter set
        response.header(HeaderNames.create(RequestId.HEADER), RequestId.of(request));
        json.write(response, e.status(), problem(e, RequestId.of(request)), ApiProblem.MEDIA_TYPE);
    }

    /**
     * PostgreSQL is down, restarting or not answering: 503 with {@code Retry-After}, and one log line (no stack
     * trace) at most every few seconds however many requests fail.
     */
    public void databaseUnavailable(ServerRequest request, ServerResponse response, Throwable t) {
        long now = System.nanoTime();
        long last = lastDatabaseLog.get();
        if (now - last > DB_LOG_EVERY_NANOS && lastDatabaseLog.compareAndSet(last, now)) {
            LOG.warning("The database is not answering (" + SqlErrors.describe(t) + "); requests get 503 until it does."
                    + " Last: request " + RequestId.of(request));
        }
        send(request, response, new ApiException(503, "server.database_unavailable",
                "The database is not reachable right now; try again in a few seconds.", List.of(),
                Map.of("Retry-After", "5")));
    }

    /** An unexpected failure: logged in full with the request id, answered with no internals. */
    public void sendInternal(ServerRequest request, ServerResponse response, Throwable t) {
        String rid = RequestId.of(request);
        if (SqlErrors.isConnectionFailure(t)) {
            databaseUnavailable(request, response, t);
            return;
        }
        LOG.log(Level.SEVERE, "Unhandled error in request " + rid + " " + request.prologue().method().text() + " "
                + request.path().path(), t);
        send(request, response, new ApiException(500, "server.internal_error",
                "Something went wrong on our side. Quote request id " + rid + " if you contact support."));
    }
}
