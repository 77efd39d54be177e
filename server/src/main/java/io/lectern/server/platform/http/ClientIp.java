package io.lectern.server.platform.http;

import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The client's address: the socket peer, or, behind one trusted proxy, the address that proxy appended to
 * {@code X-Forwarded-For} (its last entry: the ones before it came from the client and can say anything).
 */
public final class ClientIp {

    private ClientIp() {
    }

    public static String of(ServerRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.headers().first(io.helidon.http.HeaderNames.X_FORWARDED_FOR).orElse("");
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        SocketAddress peer = request.remotePeer().address();
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return "unknown";
    }
}
