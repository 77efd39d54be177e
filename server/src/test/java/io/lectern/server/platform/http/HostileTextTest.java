package io.lectern.server.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.logging.LineFormatter;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text no request needs is refused with a 400 that names where it was, never a 500 and never stored mangled: NUL bytes
 * and lone surrogates in paths, queries and JSON strings; an empty string (or a string at all) where a number belongs.
 * No log line carries client text that could pass for a line of its own, and one-time codes never reach the log.
 */
class HostileTextTest {

    private static final List<String> LOG = new ArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        private final LineFormatter format = new LineFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (LOG) {
                LOG.add(format.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static LecternServer server;
    private static Http http;
    private static Studio studio;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        Logger.getLogger("").addHandler(CAPTURE); // after start: Helidon reads its logging configuration anew
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
    }

    @AfterAll
    static void stop() {
        server.close();
        Logger.getLogger("").removeHandler(CAPTURE);
    }

    @Test
    void nulBytesAreRefusedInPathsQueriesAndJson() {
        assertProblem(raw("GET /api/v1/courses/abc%00def HTTP/1.1"), 400, "request.bad_character");
        assertProblem(raw("GET /api/v1/courses?q=data%00base HTTP/1.1"), 400, "request.bad_character");
        assertProblem(raw("GET /api/v1/instructors?q=%0d%0aX-Forged:%20yes HTTP/1.1"), 400, "request.bad_character");
        Http.Response json = http.post("/api/v1/auth/register", "{\"email\":\"nul@example.com\",\"password\":"
                + "\"a long passphrase\",\"displayName\":\"Nul\\u0000Byte\"}");
        assertEquals(400, json.status(), json.raw().body());
        assertEquals("displayName", json.json().path("errors").get(0).path("field").asText());
        assertEquals("characters", json.json().path("errors").get(0).path("rule").asText());
    }

    @Test
    void loneSurrogatesAreRefusedNotStoredAsQuestionMarks() {
        String ada = studio.user("ada.text@example.com", "Ada Text", Role.INSTRUCTOR);
        Http.Response patch = http.call("PATCH", "/api/v1/me", "{\"displayName\":\"Ada \\ud83d\"}", ada);
        assertEquals(400, patch.status(), patch.raw().body());
        assertEquals("displayName", patch.json().path("errors").get(0).path("field").asText());
        assertEquals("Ada Text", http.get("/api/v1/me", ada).json().path("displayName").asText(), "nothing was stored");
        Http.Response pair = http.call("PATCH", "/api/v1/me", "{\"displayName\":\"Ada \\ud83d\\ude00\"}", ada);
        assertEquals(200, pair.status(), "a whole pair is a character (an emoji) and is kept");
        assertEquals("Ada \uD83D\uDE00", pair.json().path("displayName").asText());
        assertProblem(raw("GET /api/v1/courses?q=%ED%A0%80 HTTP/1.1"), 400, "request.bad_encoding");
        assertProblem(raw("GET /api/v1/courses?q=%C0%AF HTTP/1.1"), 400, "request.bad_encoding");
    }

    @Test
    void aNumberMustBeANumber() {
        studio.categories("maths");
        String ada = studio.user("ada.coupon@example.com", "Ada Coupon", Role.INSTRUCTOR);
        String course = studio.publishedCourse(ada, "Fractions", "maths", 1, "pricing", "ONE_TIME", "priceMinor", 1000)
                .path("id").asText();
        for (String maxUses : List.of("\"\"", "\"5\"", "\" \"")) {
            Http.Response r = http.post("/api/v1/coupons", "{\"code\":\"HALF" + maxUses.length() + "\",\"kind\":\"PERCENT\","
                    + "\"value\":50,\"courseId\":\"" + course + "\",\"maxUses\":" + maxUses + "}", ada);
            assertEquals(400, r.status(), maxUses + ": " + r.raw().body());
            assertEquals("maxUses", r.json().path("errors").get(0).path("field").asText(), r.raw().body());
        }
        Http.Response ok = http.post("/api/v1/coupons", "{\"code\":\"HALF\",\"kind\":\"PERCENT\",\"value\":50,"
                + "\"courseId\":\"" + course + "\",\"maxUses\":5}", ada);
        assertEquals(201, ok.status(), ok.raw().body());
        assertEquals(5, ok.json().path("maxUses").asInt());
    }

    @Test
    void logLinesCarryNoForgedLinesAndNoCodes() {
        synchronized (LOG) {
            LOG.clear();
        }
        String forged = "\n2099-01-01T00:00:00.000Z INFO    io.lectern.access - rid=forged status=200";
        http.post("/api/v1/auth/login", Http.json("email", "forger@example.com", "password", "x" + forged));
        http.post("/api/v1/auth/otp/request", Http.json("email", "forger" + forged.replace("\n", "\r") + "@example.com"));
        Accounts accounts = Accounts.of(http);
        accounts.createVerifiedDirectly(server, "coded@example.com", "the right passphrase");
        int before = accounts.mailCount("coded@example.com");
        assertEquals(202, http.post("/api/v1/auth/otp/request", Http.json("email", "coded@example.com")).status());
        String code = accounts.codeAfter("coded@example.com", "sign-in code", before);
        List<String> lines;
        synchronized (LOG) {
            lines = LOG.stream().flatMap(String::lines).toList();
        }
        assertFalse(lines.isEmpty());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("2099-")), "no forged line: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.contains(code)), "the code is not in the log: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Dev mailbox") && l.contains("c***@example.com")), lines
                .toString());
    }

    @Test
    void theDevMailboxKeepsEachMailInAFileOnlyTheServerReads() throws IOException {
        Accounts accounts = Accounts.of(http);
        accounts.createVerifiedDirectly(server, "filed@example.com", "the right passphrase");
        int before = accounts.mailCount("filed@example.com");
        assertEquals(202, http.post("/api/v1/auth/otp/request", Http.json("email", "filed@example.com")).status());
        String code = accounts.codeAfter("filed@example.com", "sign-in code", before);
        Path folder = server.platform().config().dataDir().resolve("mailbox");
        Path mail;
        try (var files = Files.list(folder)) {
            mail = files.filter(f -> read(f).contains("filed@example.com")).findFirst().orElseThrow();
        }
        assertTrue(read(mail).contains(code));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(mail)));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A request written by hand, so bytes no HTTP client would send can be sent; returns head and body. */
    private static String raw(String requestLine) {
        try (Socket s = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            var in = new java.io.BufferedInputStream(s.getInputStream());
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            return head + new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertProblem(String response, int status, String code) {
        assertTrue(response.startsWith("HTTP/1.1 " + status), response);
        assertTrue(response.contains("application/problem+json"), response);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        JsonNode problem;
        try {
            problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError(response, e);
        }
        assertEquals(code, problem.path("code").asText(), response);
    }
}
