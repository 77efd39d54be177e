package io.lectern.server.media.internal.upload;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** ClamAV's {@code clamd} over TCP (the INSTREAM command), when {@code LECTERN_MEDIA_CLAMD} names one. */
public final class VirusScanner {

    private static final int CHUNK = 64 * 1024;

    private final String host;
    private final int port;

    public VirusScanner(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        this.host = hostAndPort.substring(0, colon);
        this.port = Integer.parseInt(hostAndPort.substring(colon + 1));
    }

    /** Whether clamd reports the file infected; an unreachable scanner is an error (the upload is refused). */
    boolean infected(Path file) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5_000);
            s.setSoTimeout(120_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[CHUNK];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.writeInt(n);
                    out.write(buf, 0, n);
                }
            }
            out.writeInt(0);
            out.flush();
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).replace("\0", "").strip();
            if (reply.endsWith("OK")) {
                return false;
            }
            if (reply.endsWith("FOUND")) {
                return true;
            }
            throw new IOException("clamd answered: " + reply);
        }
    }
}
