package io.lectern.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Completing a course issues a certificate: a PDF with the learner, course, instructors, date and a QR code that
 * resolves on the public verification page; its Ed25519 signature verifies offline with the published key and
 * fails for altered text; an admin's revocation shows on the page.
 */
class CertificateTest {

    private static LecternServer server;
    private static Http http;
    private static Studio studio;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = TestServer.start(TestServer.relaxedConfig().withPort(port), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
        studio.categories("art");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void completingACourseIssuesAVerifiableCertificate() throws Exception {
        String ada = studio.user("ada.cert@example.com", "Ada Lovelace", Role.INSTRUCTOR);
        String course = studio.course(ada, "title", "Watercolour Landscapes", "category", "art", "description",
                "Paint skies, water and trees, step by step.").path("id").asText();
        String section = studio.section(ada, course, "Skies").path("id").asText();
        String lesson = studio.article(ada, section, "Wet on wet", "Wet the paper first.", true).path("id").asText();
        studio.publish(ada, course);
        assertEquals(400, http.call("PUT", "/api/v1/courses/" + course + "/certificate-template", Studio.toJson(Map.of(
                "accent", "green")), ada).status());
        assertEquals(200, http.call("PUT", "/api/v1/courses/" + course + "/certificate-template", Studio.toJson(Map.of(
                "accent", "#7a3b69", "wording", "has painted their way through", "signerName", "Ada Lovelace",
                "signerTitle", "Instructor")), ada).status());

        String zoe = studio.user("zoe.cert@example.com", "Zoë Østergaard", Role.STUDENT);
        http.post("/api/v1/courses/" + course + "/enroll", "{}", zoe);
        http.post("/api/v1/lessons/" + lesson + "/complete", null, zoe);
        JsonNode cert = Accounts.waitFor(() -> {
            JsonNode items = http.get("/api/v1/me/certificates", zoe).json().path("items");
            return items.isEmpty() ? null : items.get(0);
        }, "the certificate");
        String code = cert.path("code").asText();
        assertTrue(code.matches("LEC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), code);

        byte[] pdf = bytes(cert.path("pdfUrl").asText(), zoe);
        Files.write(Path.of("target", "certificate-sample.pdf"), pdf);
        String qr;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            for (String s : new String[] {"Zoë Østergaard", "Watercolour Landscapes", "has painted their way through",
                    "Ada Lovelace", code}) {
                assertTrue(text.contains(s), s + " in " + text);
            }
            qr = decode(new PDFRenderer(doc).renderImageWithDPI(0, 150));
        }
        assertEquals(cert.path("verifyUrl").asText(), qr);
        assertTrue(qr.startsWith(server.baseUri().toString().replace("127.0.0.1", "localhost").replaceAll("/$", "")),
                qr);

        JsonNode v = http.get(URI.create(qr).getPath(), null).json();
        assertTrue(v.path("valid").asBoolean(), v.toString());
        assertEquals("Zoë Østergaard", v.path("learnerName").asText());
        String publicKey = http.get("/api/v1/certificates/public-key", null).json().path("publicKey").asText();
        assertEquals(publicKey, v.path("publicKey").asText());
        assertTrue(offline(publicKey, v.path("signedText").asText(), v.path("signature").asText()));
        assertFalse(offline(publicKey, v.path("signedText").asText().replace("Zoë", "Zed"), v.path("signature").asText()),
                "an altered name does not verify");
        assertTrue(http.get("/api/v1/me/certificates", ada).json().path("items").isEmpty(), "only the learner's own");
        assertEquals(404, http.get(cert.path("pdfUrl").asText(), ada).status(), "someone else's certificate");

        HttpResponse<String> page = http.client().send(HttpRequest.newBuilder(server.baseUri().resolve(URI.create(qr)
                .getPath())).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("Valid: issued by Lectern") && page.body().contains("Zoë Østergaard"));
        String admin = studio.accounts().adminToken();
        assertEquals(200, http.post("/api/v1/admin/certificates/" + cert.path("id").asText() + "/revoke",
                Studio.toJson(Map.of("reason", "Issued by mistake")), admin).status());
        JsonNode revoked = http.get(URI.create(qr).getPath(), null).json();
        assertFalse(revoked.path("valid").asBoolean());
        assertEquals("Issued by mistake", revoked.path("revokedReason").asText());
        assertEquals(404, http.get("/api/v1/certificates/verify/LEC-0000-0000-0000", null).status());
    }

    private static byte[] bytes(String path, String token) throws Exception {
        HttpResponse<byte[]> r = http.client().send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(
                image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    /** What anyone can do with the JDK alone: check the signature against the published key. */
    private static boolean offline(String publicKey, String text, String signature) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(publicKey))));
        s.update(text.getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getUrlDecoder().decode(signature));
    }
}
