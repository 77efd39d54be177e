package io.lectern.server.platform.http;

import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of one request: taken from a sane incoming {@code X-Request-Id} (so a proxy's id survives), else new.
 * It is echoed in the response header, every log line of the request and every problem document.
 *
 * @param value the id
 */
public record RequestId(String value) {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    static RequestId fromHeader(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? new RequestId(incoming)
                : new RequestId(UUID.randomUUID().toString());
    }

    public static String of(ServerRequest request) {
        return request.context().get(RequestId.class).map(RequestId::value).orElse("unknown");
    }
}
