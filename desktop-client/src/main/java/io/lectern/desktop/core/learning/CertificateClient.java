package io.lectern.desktop.core.learning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.model.learning.Certificate;
import java.util.List;

/** The learner's certificates and their PDFs. */
public final class CertificateClient {

    /** The list answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Certificates(List<Certificate> items) {
    }

    private final ApiClient api;
    private final Session session;

    public CertificateClient(ApiClient api, Session session) {
        this.api = api;
        this.session = session;
    }

    public List<Certificate> mine() throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/me/certificates", Certificates.class, token)).items();
    }

    public byte[] pdf(Certificate c) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.bytes(c.pdfUrl(), token));
    }
}
