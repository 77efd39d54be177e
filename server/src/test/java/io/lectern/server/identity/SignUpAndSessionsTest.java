package io.lectern.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.lectern.server.LecternServer;
import io.lectern.server.notify.MailSettings;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole sign-up and session life cycle through the real HTTP API, with mail delivered over real SMTP
 * (GreenMail): register → code by mail → verify → login → refresh rotates → reuse detected → logout; passwordless
 * code login; password reset.
 */
class SignUpAndSessionsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static final Pattern CODE = Pattern.compile("(?m)^\\s{4}(\\d{6})\\s*$");
    private static LecternServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        LecternConfig c = TestServer.relaxedConfig();
        c = c.withModule(new MailSettings(Optional.of(new MailSettings.Smtp("127.0.0.1", SMTP.getSmtp().getPort(),
                Optional.empty(), "", MailSettings.Security.NONE)), "Lectern <no-reply@lectern.test>"));
        server = TestServer.start(c, routes -> { });
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String codeMailedTo(String email, String subjectPart) {
        return Accounts.waitFor(() -> Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> to(m).equalsIgnoreCase(email) && subject(m).contains(subjectPart))
                .reduce((a, b) -> b)
                .map(m -> {
                    Matcher matcher = CODE.matcher(GreenMailUtil.getBody(m).replace("\r", ""));
                    return matcher.find() ? matcher.group(1) : null;
                }).orElse(null), "mail '" + subjectPart + "' to " + email);
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    @Test
    void registerVerifyLoginRefreshReuseLogout() throws Exception {
        String email = "ada.student@example.com";
        Http.Response reg = http.post("/api/v1/auth/register", Http.json("email", email,
                "password", "correct horse battery", "displayName", "Ada"));
        assertEquals(201, reg.status(), reg.raw().body());
        String code = codeMailedTo(email, "verification code");
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(email)).findFirst().orElseThrow();
        assertTrue(mail.getMessageID().endsWith("@lectern>"), "Message-ID is derived from the outbox row");

        Http.Response early = http.post("/api/v1/auth/login", Http.json("email", email, "password", "correct horse battery"));
        assertEquals(403, early.status());
        assertEquals("auth.email_unverified", early.json().path("code").asText());

        Http.Response verified = http.post("/api/v1/auth/verify-email", Http.json("email", email, "code", code));
        assertEquals(200, verified.status(), verified.raw().body());
        assertEquals("STUDENT", verified.json().path("user").path("role").asText());

        JsonNode login = http.post("/api/v1/auth/login", Http.json("email", email, "password", "correct horse battery")).json();
        String access = login.path("accessToken").asText();
        String refresh1 = login.path("refreshToken").asText();
        assertEquals(200, http.get("/api/v1/me", access).status());

        JsonNode rotated = http.post("/api/v1/auth/refresh", Http.json("refreshToken", refresh1)).json();
        String refresh2 = rotated.path("refreshToken").asText();
        assertNotEquals(refresh1, refresh2, "the refresh token rotates");
        String access2 = rotated.path("accessToken").asText();
        assertEquals(200, http.get("/api/v1/me", access2).status());

        Http.Response reuse = http.post("/api/v1/auth/refresh", Http.json("refreshToken", refresh1));
        assertEquals(401, reuse.status());
        assertEquals("auth.refresh_reused", reuse.json().path("code").asText());
        Http.Response familyGone = http.post("/api/v1/auth/refresh", Http.json("refreshToken", refresh2));
        assertEquals("auth.refresh_invalid", familyGone.json().path("code").asText(), "the whole family is revoked");
        assertEquals("auth.token_revoked", http.get("/api/v1/me", access2).json().path("code").asText());

        String admin = Accounts.of(http).adminToken();
        JsonNode audit = http.get("/api/v1/admin/audit?action=auth.refresh_reused", admin).json();
        assertEquals(1, audit.path("items").size(), audit.toString());

        JsonNode again = http.post("/api/v1/auth/login", Http.json("email", email, "password", "correct horse battery")).json();
        assertEquals(204, http.post("/api/v1/auth/logout",
                Http.json("refreshToken", again.path("refreshToken").asText())).status());
        assertEquals(401, http.get("/api/v1/me", again.path("accessToken").asText()).status(), "logout ends the session at once");
        assertEquals("auth.refresh_invalid", http.post("/api/v1/auth/refresh",
                Http.json("refreshToken", again.path("refreshToken").asText())).json().path("code").asText());
    }

    @Test
    void passwordlessCodeLogin() {
        Accounts.of(http).createVerifiedDirectly(server, "otp.user@example.com", "otp user password 1");
        assertEquals(202, http.post("/api/v1/auth/otp/request", Http.json("email", "otp.user@example.com")).status());
        String code = codeMailedTo("otp.user@example.com", "sign-in code");
        Http.Response ok = http.post("/api/v1/auth/otp/verify", Http.json("email", "otp.user@example.com", "code", code));
        assertEquals(200, ok.status(), ok.raw().body());
        assertEquals(200, http.get("/api/v1/me", ok.json().path("accessToken").asText()).status());
        Http.Response replay = http.post("/api/v1/auth/otp/verify", Http.json("email", "otp.user@example.com", "code", code));
        assertEquals("auth.code_invalid", replay.json().path("code").asText(), "a code works once");
    }

    @Test
    void forgottenPasswordIsResetByMailedCodeAndEndsSessions() {
        String email = "reset.user@example.com";
        Accounts.of(http).createVerifiedDirectly(server, email, "old password here 1");
        JsonNode before = Accounts.of(http).login(email, "old password here 1");
        assertEquals(202, http.post("/api/v1/auth/password/forgot", Http.json("email", email)).status());
        String code = codeMailedTo(email, "Reset your Lectern password");
        Http.Response weak = http.post("/api/v1/auth/password/reset", Http.json("email", email, "code", code,
                "newPassword", "password123"));
        assertEquals(400, weak.status());
        assertEquals("common", weak.json().path("errors").get(0).path("rule").asText());
        assertEquals(204, http.post("/api/v1/auth/password/reset", Http.json("email", email, "code", code,
                "newPassword", "a brand new passphrase")).status());
        assertEquals(401, http.post("/api/v1/auth/login", Http.json("email", email, "password", "old password here 1")).status());
        Accounts.of(http).login(email, "a brand new passphrase");
        assertEquals(401, http.get("/api/v1/me", before.path("accessToken").asText()).status(), "old sessions end");
        assertEquals("auth.refresh_invalid", http.post("/api/v1/auth/refresh",
                Http.json("refreshToken", before.path("refreshToken").asText())).json().path("code").asText());
    }
}
