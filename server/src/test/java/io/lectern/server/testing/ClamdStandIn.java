package io.lectern.server.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A local stand-in for ClamAV's clamd speaking its documented INSTREAM protocol ({@code zINSTREAM\0}, then
 * length-prefixed chunks ending with a zero length; the answer {@code stream: OK} or {@code stream: <name> FOUND}).
 * It flags the EICAR test string, as clamd does.
 */
public final class ClamdStandIn implements AutoCloseable {

    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private final ServerSocket server;
    private final Thread thread;

    public ClamdStandIn() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(this::serve);
    }

    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] command = new byte[10];
                in.readFully(command);
                if (!new String(command, StandardCharsets.US_ASCII).equals("zINSTREAM\0")) {
                    continue;
                }
                StringBuilder seen = new StringBuilder();
                for (int n; (n = in.readInt()) > 0; ) {
                    byte[] chunk = new byte[n];
                    in.readFully(chunk);
                    seen.append(new String(chunk, StandardCharsets.ISO_8859_1));
                }
                OutputStream out = s.getOutputStream();
                out.write((seen.indexOf(EICAR) >= 0 ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // closed, or a client that went away
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
