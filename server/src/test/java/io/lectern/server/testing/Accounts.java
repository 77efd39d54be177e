package io.lectern.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test users made through the real API: registration, the mailed code read back from the dev mailbox (through
 * the admin endpoint), verification and sign-in.
 */
public final class Accounts {

    private static final Pattern CODE = Pattern.compile("(?m)^\\s{4}(\\S+)\\s*$");

    private final Http http;
    private final String adminEmail;
    private final String adminPassword;
    private String adminToken;

    public Accounts(Http http, String adminEmail, String adminPassword) {
        this.http = http;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    public static Accounts of(Http http) {
        return new Accounts(http, "admin@lectern.local", "admin-password-for-tests");
    }

    public String adminToken() {
        if (adminToken == null) {
            adminToken = login(adminEmail, adminPassword).path("accessToken").asText();
        }
        return adminToken;
    }

    /** Forgets the admin's token (after a test moved the server's clock past its expiry). */
    public void signInAgain() {
        adminToken = null;
    }

    public JsonNode login(String email, String password) {
        Http.Response r = http.post("/api/v1/auth/login", Http.json("email", email, "password", password));
        assertEquals(200, r.status(), () -> "login of " + email + ": " + r.raw().body());
        return r.json();
    }

    /** Registers, reads the code from the dev mailbox, verifies; returns the token pair. */
    public JsonNode registerVerified(String email, String password, String name) {
        int before = mailCount(email);
        Http.Response reg = http.post("/api/v1/auth/register", Http.json("email", email, "password", password,
                "displayName", name));
        assertEquals(201, reg.status(), () -> reg.raw().body());
        waitFor(() -> mailCount(email) > before ? true : null, "the verification mail to " + email);
        String code = latestCode(email, "verification code");
        Http.Response ok = http.post("/api/v1/auth/verify-email", Http.json("email", email, "code", code));
        assertEquals(200, ok.status(), () -> ok.raw().body());
        return ok.json();
    }

    /** The code in the newest dev-mailbox mail to {@code email} whose subject contains {@code subjectPart}. */
    public String latestCode(String email, String subjectPart) {
        return waitFor(() -> {
            JsonNode items = http.get("/api/v1/admin/dev-mailbox?to=" + email, adminToken()).json().path("items");
            for (JsonNode mail : items) {
                if (mail.path("subject").asText().contains(subjectPart)) {
                    Matcher m = CODE.matcher(mail.path("body").asText());
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            return null;
        }, "a mail '" + subjectPart + "' to " + email);
    }

    /** The body of the newest dev-mailbox mail to {@code email} whose subject contains {@code subjectPart}. */
    public String latestMail(String email, String subjectPart) {
        return waitFor(() -> {
            for (JsonNode mail : http.get("/api/v1/admin/dev-mailbox?to=" + email, adminToken()).json().path("items")) {
                if (mail.path("subject").asText().contains(subjectPart)) {
                    return mail.path("body").asText();
                }
            }
            return null;
        }, "a mail '" + subjectPart + "' to " + email);
    }

    /** As {@link #latestCode}, waiting first for a mail to {@code email} beyond the {@code before} already there. */
    public String codeAfter(String email, String subjectPart, int before) {
        waitFor(() -> mailCount(email) > before ? true : null, "a new mail to " + email);
        return latestCode(email, subjectPart);
    }

    /** A verified learner made through the identity facade (when the test is not about registering). */
    public void createVerifiedDirectly(io.lectern.server.LecternServer server, String email, String password) {
        server.modules().identity().createAccount(new io.lectern.server.identity.NewAccount(email,
                email.split("@")[0], io.lectern.model.identity.Role.STUDENT, password));
    }

    public int mailCount(String email) {
        return http.get("/api/v1/admin/dev-mailbox?to=" + email, adminToken()).json().path("items").size();
    }

    public static <T> T waitFor(Supplier<T> probe, String what) {
        return waitFor(probe, what, Duration.ofSeconds(15));
    }

    /** Polls {@code probe} until it returns non-null, or fails after {@code timeout}. */
    public static <T> T waitFor(Supplier<T> probe, String what, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
