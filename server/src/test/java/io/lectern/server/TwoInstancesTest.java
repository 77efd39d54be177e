package io.lectern.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.lectern.server.platform.config.ConfigLoader;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.HaProxy;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Load;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Processes;
import io.lectern.server.testing.TestInfra;
import io.lectern.server.testing.Tus;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scale-out as an operator would run it: two stateless instances on one PostgreSQL, one Redis, one SMTP server and one
 * shared media directory, behind HAProxy (health-checked with its default HTTP/1.0 probe). One instance is a separate
 * process that is killed with {@code kill -9} in the middle of load. Sessions, rate limits, jobs, outbox mail and a
 * resumable upload must all carry across; nothing acknowledged may be lost.
 */
class TwoInstancesTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String ADMIN_PASSWORD = "admin-password-for-two";

    @Test
    void twoInstancesBehindALoadBalancerShareEverythingAndSurviveLosingOne() throws Exception {
        LecternConfig.DatabaseSettings db = TestInfra.get().newDatabase();
        Path shared = TestInfra.tempDir("lectern-shared-");
        Map<String, String> env = new HashMap<>(Map.of("LECTERN_DB_URL", db.url(), "LECTERN_DB_USER", db.username(),
                "LECTERN_DB_PASSWORD", db.password(), "LECTERN_REDIS_URL", TestInfra.get().redisUrl(),
                "LECTERN_REDIS_KEY_PREFIX", "two-" + System.nanoTime() + ":", "LECTERN_SECRET_KEY", secretKey(),
                "LECTERN_MANAGEMENT_PORT", "-1", "LECTERN_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "LECTERN_AUTH_REQUIRE_ADMIN_TOTP", "false", "LECTERN_MEDIA_SHARED_DIR", shared.toString()));
        env.putAll(Map.of("LECTERN_MAIL_SMTP_HOST", "127.0.0.1", "LECTERN_MAIL_SMTP_PORT",
                String.valueOf(SMTP.getSmtp().getPort()), "LECTERN_MAIL_SMTP_SECURITY", "none",
                "LECTERN_SEED_DEMO", "false"));
        Map<String, String> envA = with(env, "LECTERN_PORT", "0", "LECTERN_DATA_DIR", TestInfra.tempDir("lectern-a-"));
        try (LecternServer a = LecternServer.create(ConfigLoader.load(envA, LecternServer.SETTINGS))) {
            a.start();
            a.modules().catalog().ensureCategories(Map.of(Load.CATEGORY, "Faults"));
            int portB = Processes.freePort();
            Process b = Processes.server(with(env, "LECTERN_PORT", String.valueOf(portB), "LECTERN_DATA_DIR",
                    TestInfra.tempDir("lectern-b-")), TestInfra.tempDir("lectern-b-log-").resolve("server.log"));
            try (HaProxy lb = HaProxy.start(a.port(), portB)) {
                URI urlA = a.baseUri();
                URI urlB = URI.create("http://127.0.0.1:" + portB);
                Http viaA = new Http(urlA);
                Http viaB = new Http(urlB);
                Http viaLb = new Http(lb.uri());
                Accounts.waitFor(() -> Processes.ready(viaB) ? true : null, "instance B", Duration.ofSeconds(120));
                lb.awaitBothUp();

                sessionsCarryAcross(viaA, viaB);
                Accounts.of(viaA).createVerifiedDirectly(a, "guessed@example.com", "the-right-password-1");
                rateLimitsAreShared(viaA, viaB, "guessed@example.com");
                String token = new Accounts(viaLb, "admin@lectern.local", ADMIN_PASSWORD).adminToken();
                jobsRunOnce(viaLb, lb.uri(), token, db);
                HalfUpload upload = halfAnUploadOn(viaB, urlB, token);

                loseOneMidLoad(lb, b, viaLb, viaA, token);
                uploadResumesOnTheOther(viaLb, lb.uri(), token, upload);
            } finally {
                b.destroyForcibly();
            }
        }
    }

    /** Load through HAProxy; B is killed with -9 in the middle; nothing acknowledged is lost, mail goes out once. */
    private static void loseOneMidLoad(HaProxy lb, Process b, Http viaLb, Http viaA, String token) throws Exception {
        try (Load load = new Load(viaLb, lb.uri(), token, 4)) {
            List<String> mailed = register(viaLb, 3, "before");
            Thread.sleep(1500);
            List<Long> served = lb.requestsPerBackend();
            assertTrue(served.get(0) > 20 && served.get(1) > 20, "both instances served the load: " + served);
            b.toHandle().destroyForcibly(); // kill -9 of instance B, mid-load
            long killed = System.nanoTime();
            lb.awaitDown(1);
            long downAt = System.nanoTime();
            System.out.printf("HAProxy saw B down %d ms after the kill%n", (System.nanoTime() - killed) / 1_000_000);
            mailed.addAll(register(viaLb, 3, "after"));
            Thread.sleep(3000);
            load.close();
            List<Load.Outcome> failed = load.outcomes().stream().filter(o -> !o.ok()).toList();
            assertTrue(failed.size() <= 4, "only requests in flight on B when it died may fail: " + failed);
            System.out.printf("Two instances: %d requests, %d failed when B was killed (served before: %s)%n",
                    load.outcomes().size(), failed.size(), served);
            assertEquals(List.of(), load.since(downAt).stream().filter(o -> !o.ok()).toList(),
                    "once HAProxy saw B down, every request succeeds");
            List<String> lost = load.outcomes().stream().filter(o -> o.createdId() != null)
                    .map(Load.Outcome::createdId)
                    .filter(id -> viaA.get("/api/v1/courses/" + id + "/draft", token).status() != 200).toList();
            assertEquals(List.of(), lost, "courses acknowledged with 201 are all there");
            mailDeliveredOnce(mailed);
        }
    }

    /** Signed in on A, the same tokens work on B: one signing key ring in PostgreSQL, one revocation list. */
    private static void sessionsCarryAcross(Http viaA, Http viaB) {
        var tokens = new Accounts(viaA, "admin@lectern.local", ADMIN_PASSWORD).login("admin@lectern.local",
                ADMIN_PASSWORD);
        assertEquals(200, viaB.get("/api/v1/me", tokens.path("accessToken").asText()).status());
        Http.Response refreshed = viaB.post("/api/v1/auth/refresh", Http.json("refreshToken",
                tokens.path("refreshToken").asText()));
        assertEquals(200, refreshed.status(), refreshed.raw().body());
        assertEquals(204, viaA.post("/api/v1/auth/logout", Http.json("refreshToken",
                refreshed.json().path("refreshToken").asText())).status());
        assertEquals(401, viaB.get("/api/v1/me", refreshed.json().path("accessToken").asText()).status(),
                "signed out on A, refused on B");
    }

    /** Five wrong passwords spread over both instances lock the account on both. */
    private static void rateLimitsAreShared(Http viaA, Http viaB, String email) {
        for (int i = 0; i < 5; i++) {
            Http via = i % 2 == 0 ? viaA : viaB;
            assertEquals(401, via.post("/api/v1/auth/login", Http.json("email", email, "password",
                    "wrong-password-" + i)).status());
        }
        for (Http via : List.of(viaA, viaB)) {
            Http.Response locked = via.post("/api/v1/auth/login", Http.json("email", email,
                    "password", "wrong-password-again"));
            assertEquals(429, locked.status(), locked.raw().body());
        }
    }

    /** Ten processing jobs enqueued through both instances: each runs exactly once. */
    private static void jobsRunOnce(Http viaLb, URI lb, String token, LecternConfig.DatabaseSettings db)
            throws Exception {
        Tus tus = new Tus(viaLb, lb);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(tus.uploadReady(token, "handout-" + i + ".pdf", MediaFiles.pdf(1 + i % 3), "DOCUMENT"));
        }
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             var st = c.prepareStatement("SELECT task_instance, status, attempts FROM platform.job_log "
                     + "WHERE task_name = 'media.process'");
             ResultSet rs = st.executeQuery()) {
            Map<String, String> runs = new HashMap<>();
            while (rs.next()) {
                runs.put(rs.getString(1), rs.getString(2) + "/" + rs.getInt(3));
            }
            for (String id : ids) {
                assertEquals("DONE/1", runs.get(id), "the processing job of " + id + " ran once");
            }
        }
    }

    /** An upload and the file it is of. */
    private record HalfUpload(String id, byte[] file) {
    }

    /** Starts an upload on B and sends half of it. */
    private static HalfUpload halfAnUploadOn(Http viaB, URI urlB, String token) {
        Tus tus = new Tus(viaB, urlB);
        byte[] file = MediaFiles.pdf(12);
        String id = tus.createId(token, "resumed.pdf", file, "DOCUMENT");
        assertEquals(204, tus.patch(token, id, 0, Arrays.copyOf(file, file.length / 2), null).status());
        return new HalfUpload(id, file);
    }

    /** B is gone: the upload it took half of resumes through the load balancer, on A, and is processed. */
    private static void uploadResumesOnTheOther(Http viaLb, URI lb, String token, HalfUpload upload) {
        Tus tus = new Tus(viaLb, lb);
        String id = upload.id();
        byte[] file = upload.file();
        long offset = tus.offset(token, id);
        assertEquals(file.length / 2, offset, "the half B received is kept");
        assertEquals(204, tus.patch(token, id, offset, Arrays.copyOfRange(file, (int) offset, file.length), null)
                .status());
        Accounts.waitFor(() -> "READY".equals(viaLb.get("/api/v1/media/" + id, token).json().path("status").asText())
                ? true : null, "the resumed upload to be processed", Duration.ofSeconds(60));
    }

    private static List<String> register(Http via, int count, String tag) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "two-" + tag + "-" + i + "-" + System.nanoTime() % 100_000 + "@example.com";
            Http.Response r = via.post("/api/v1/auth/register", Http.json("email", email, "password",
                    "a-long-password-" + i, "displayName", "Learner " + i));
            assertEquals(201, r.status(), r.raw().body());
            emails.add(email);
        }
        return emails;
    }

    /** Every registration's mail arrived, and never as two different messages (the outbox delivered it once). */
    private static void mailDeliveredOnce(List<String> emails) {
        Accounts.waitFor(() -> addressees().containsAll(emails) ? true : null, "the sign-up mails",
                Duration.ofSeconds(30));
        for (String email : emails) {
            Set<String> messageIds = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(email))
                    .map(TwoInstancesTest::messageId).collect(Collectors.toSet());
            assertEquals(1, messageIds.size(), "mails to " + email + ": " + messageIds);
        }
    }

    private static Set<String> addressees() {
        return Arrays.stream(SMTP.getReceivedMessages()).map(TwoInstancesTest::to).collect(Collectors.toSet());
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> with(Map<String, String> env, String k1, String v1, String k2, Object v2) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(k1, v1);
        copy.put(k2, v2.toString());
        return copy;
    }

    private static String secretKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
