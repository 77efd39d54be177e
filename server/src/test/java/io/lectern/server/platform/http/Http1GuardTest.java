package io.lectern.server.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.HttpSettings;
import io.lectern.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Odd and slow clients on a raw socket: HTTP/1.0 requests are answered (and the connection closed, as HTTP/1.0
 * expects), {@code Connection: close} closes, and a connection that trickles its request head is cut off.
 */
class Http1GuardTest {

    private static LecternServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config().withHttp(HttpSettings.DEFAULTS.withManagementPort(-1)
                .withHeaderTimeout(Duration.ofSeconds(1))), routes -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void http10GetIsAnsweredAndClosed() throws IOException {
        Exchange e = exchange("GET /health HTTP/1.0\r\n\r\n");
        assertTrue(e.response.startsWith("HTTP/1.1 200 "), e.response);
        assertTrue(e.response.endsWith("{\"status\":\"UP\"}"), e.response);
        assertTrue(e.closedBy < 2000, "closed after " + e.closedBy + " ms");
    }

    @Test
    void http10KeepAliveStillGetsOneAnswerAndAClose() throws IOException {
        Exchange e = exchange("GET /api/v1/courses?limit=1 HTTP/1.0\r\nConnection: keep-alive\r\nHost: x\r\n\r\n");
        assertTrue(e.response.startsWith("HTTP/1.1 200 "), e.response);
        assertTrue(e.response.contains("\"items\""), e.response);
        assertTrue(e.closedBy < 2000, "closed after " + e.closedBy + " ms");
    }

    @Test
    void http10PostBodyIsRead() throws IOException {
        String body = "{\"email\":\"nobody@example.com\",\"password\":\"not-the-password\"}";
        Exchange e = exchange("POST /api/v1/auth/login HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
        assertTrue(e.response.startsWith("HTTP/1.1 401 "), "the body reached the handler: " + e.response);
        assertTrue(e.closedBy < 2000, "closed after " + e.closedBy + " ms");
    }

    @Test
    void connectionCloseIsHonoured() throws IOException {
        Exchange e = exchange("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(e.response.startsWith("HTTP/1.1 200 "), e.response);
        assertTrue(e.closedBy < 2000, "closed after " + e.closedBy + " ms");
    }

    @Test
    void keepAliveStillServesSeveralRequests() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            for (int i = 0; i < 3; i++) {
                s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] buf = new byte[4096];
                int n = s.getInputStream().read(buf);
                assertTrue(new String(buf, 0, n, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200 "));
            }
        }
    }

    @Test
    void aTricklingRequestHeadIsCutOff() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            long start = System.nanoTime();
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            int read;
            try {
                read = s.getInputStream().read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the slow head was not cut off within 10 s", e);
            } catch (IOException reset) {
                read = -1;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(-1, read, "the server closed the connection without an answer");
            assertTrue(millis >= 900 && millis < 4000, "cut off after " + millis + " ms, with a 1 s header timeout");
        }
    }

    private record Exchange(String response, long closedBy) {
    }

    /** Sends {@code request} and reads until the server closes the connection. */
    private static Exchange exchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            try {
                in.transferTo(out);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the connection stayed open: " + out.toString(StandardCharsets.ISO_8859_1), e);
            }
            return new Exchange(out.toString(StandardCharsets.ISO_8859_1), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
