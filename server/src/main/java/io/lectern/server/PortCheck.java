package io.lectern.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Tells a user plainly that the HTTP port is taken, instead of a listener failure deep in the log. */
final class PortCheck {

    private PortCheck() {
    }

    static void ensureFree(String host, int port) {
        if (port <= 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new PortInUseException(port);
        }
    }

    /** The configured port cannot be listened on. */
    static final class PortInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortInUseException(int port) {
            super("port " + port + " is already in use. Stop the program using it, or set LECTERN_PORT to a free port.");
        }
    }
}
