package io.lectern.server.platform.http;

import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** The client's address: the socket peer, or the first {@code X-Forwarded-For} hop behind a trusted proxy. */
public final class ClientIp {

    private ClientIp() {
    }

    public static String of(ServerRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.headers().first(io.helidon.http.HeaderNames.X_FORWARDED_FOR).orElse("");
            String first = forwarded.split(",")[0].strip();
            if (!first.isEmpty() && first.length() <= 64) {
                return first;
            }
        }
        SocketAddress peer = request.remotePeer().address();
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return "unknown";
    }
}
