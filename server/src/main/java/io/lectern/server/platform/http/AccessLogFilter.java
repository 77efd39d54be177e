package io.lectern.server.platform.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.logging.Logger;

/**
 * Gives every request its id (response header and context) and writes one structured access-log line per
 * request: {@code rid method path status ms}. Query strings are left out: they may hold codes or tokens.
 */
public final class AccessLogFilter implements Filter {

    private static final Logger LOG = Logger.getLogger("io.lectern.access");

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        RequestId rid = RequestId.fromHeader(request.headers().first(HeaderNames.create(RequestId.HEADER)).orElse(null));
        request.context().register(rid);
        response.header(HeaderNames.create(RequestId.HEADER), rid.value());
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long micros = (System.nanoTime() - start) / 1000;
            LOG.info(() -> "rid=" + rid.value() + " method=" + request.prologue().method().text() + " path="
                    + request.path().rawPath() + " status=" + response.status().code() + " ms="
                    + (micros / 1000) + "." + String.valueOf(1000 + micros % 1000).substring(1)); // 3 digits
        }
    }
}
