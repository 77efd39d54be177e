package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.learning.CertificateClient;
import io.lectern.desktop.learner.CertificatesViewModel;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's certificates: completing a course shows its certificate, saved as a PDF, with its link. */
class CertificatesTest {

    @TempDir
    Path temp;

    @Test
    void aCompletedCourseShowsItsCertificateWhichSavesAsPdf() throws Exception {
        try (LecternServer server = TestServer.start(TestServer.relaxedConfig(), routes -> { })) {
            Http http = new Http(server.baseUri());
            Studio studio = new Studio(server, http);
            studio.categories("art");
            String ada = studio.user("ada.certdesk@example.com", "Ada Cert", Role.INSTRUCTOR);
            String course = studio.publishedCourse(ada, "Ink drawing", "art", 1).path("id").asText();
            String lesson = http.get("/api/v1/courses/" + course).json().path("sections").get(0).path("lessons").get(0)
                    .path("id").asText();
            String lea = studio.user("lea.certdesk@example.com", "Lea Cert", Role.STUDENT);
            http.post("/api/v1/courses/" + course + "/enroll", "{}", lea);
            http.post("/api/v1/lessons/" + lesson + "/complete", null, lea);
            Accounts.waitFor(() -> http.get("/api/v1/me/certificates", lea).json().path("items").isEmpty() ? null : true,
                    "the certificate");

            ApiClient api = new ApiClient(server.baseUri());
            AuthClient auth = new AuthClient(api);
            Session session = new Session(auth, auth.login("lea.certdesk@example.com", "passphrase for Lea Cert", null));
            CertificatesViewModel vm = new CertificatesViewModel(new CertificateClient(api, session), Runnable::run,
                    Runnable::run);
            vm.load();
            assertEquals(1, vm.items().size(), vm.message().get());
            assertEquals("Ink drawing", vm.items().getFirst().courseTitle());
            Path file = temp.resolve("certificate.pdf");
            vm.save(vm.items().getFirst(), file);
            assertTrue(new String(Files.readAllBytes(file), 0, 5).startsWith("%PDF-"), vm.message().get());
            assertTrue(vm.verificationLink(vm.items().getFirst()).contains("/api/v1/certificates/verify/LEC-"));
        }
    }
}
