package io.lectern.server.identity.internal;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.lectern.server.platform.http.ClientIp;

/** Reads who is calling from a request: address (proxy-aware when configured) and client name. */
public final class Requests {

    private final boolean trustForwardedFor;

    public Requests(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public Origin origin(ServerRequest req) {
        return new Origin(ClientIp.of(req, trustForwardedFor), req.headers().first(HeaderNames.USER_AGENT).orElse(null));
    }
}
