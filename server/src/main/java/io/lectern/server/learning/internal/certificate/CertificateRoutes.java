package io.lectern.server.learning.internal.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.identity.Role;
import io.lectern.model.learning.CertificateTemplate;
import io.lectern.model.learning.CertificateVerification;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Certificates: the learner's list and PDFs, the public verification page, the public key, revocation, templates. */
public final class CertificateRoutes {

    private final Json json;
    private final Certificates certificates;
    private final CertificateKeys keys;

    public CertificateRoutes(Json json, Certificates certificates, CertificateKeys keys) {
        this.json = json;
        this.certificates = certificates;
        this.keys = keys;
    }

    public void register(ApiRoutes routes) {
        routes.get("/api/v1/me/certificates", Access.USER, (req, res) -> json.write(res, 200,
                        Map.of("items", certificates.mine(Authz.principal(req)))))
                .get("/api/v1/certificates/public-key", Access.PUBLIC, (req, res) -> json.write(res, 200,
                        Map.of("algorithm", "Ed25519", "format", "X.509 SubjectPublicKeyInfo, Base64",
                                "publicKey", keys.current().publicKey())))
                .get("/api/v1/certificates/{file}", Access.USER, this::pdf)
                .get("/api/v1/certificates/verify/{code}", Access.PUBLIC, this::verify)
                .post("/api/v1/admin/certificates/{id}/revoke", Access.roles(Role.ADMIN), (req, res) -> json.write(res,
                        200, certificates.revoke(Authz.principal(req), PathParams.uuid(req, "id", "This certificate"),
                                json.read(req, JsonNode.class).path("reason").asText(""))))
                .get("/api/v1/courses/{id}/certificate-template", Access.roles(Role.INSTRUCTOR, Role.ADMIN),
                        (req, res) -> json.write(res, 200, certificates.template(Authz.principal(req),
                                PathParams.uuid(req, "id", "This course"))))
                .put("/api/v1/courses/{id}/certificate-template", Access.roles(Role.INSTRUCTOR, Role.ADMIN),
                        (req, res) -> json.write(res, 200, certificates.saveTemplate(Authz.principal(req),
                                PathParams.uuid(req, "id", "This course"), json.read(req, CertificateTemplate.class))));
    }

    private void pdf(ServerRequest req, ServerResponse res) {
        String file = PathParams.text(req, "file");
        if (!file.endsWith(".pdf")) {
            throw ApiException.notFound("This certificate");
        }
        UUID id;
        try {
            id = UUID.fromString(file.substring(0, file.length() - 4));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("This certificate");
        }
        byte[] pdf = certificates.pdf(Authz.principal(req), id);
        res.header(HeaderNames.CONTENT_TYPE, "application/pdf");
        res.header(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"certificate.pdf\"");
        res.header(HeaderNames.CACHE_CONTROL, "private, no-store");
        res.send(pdf);
    }

    /** JSON for programs; a small page for people (the QR code's target, opened in a browser). */
    private void verify(ServerRequest req, ServerResponse res) {
        CertificateVerification v = certificates.verify(PathParams.text(req, "code"));
        boolean browser = req.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("text/html")).orElse(false);
        if (!browser) {
            json.write(res, 200, v);
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header(HeaderNames.create("Content-Security-Policy"), "default-src 'none'; style-src 'unsafe-inline'");
        res.send(VerifyPage.html(v).getBytes(StandardCharsets.UTF_8));
    }
}
