package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.catalog.CatalogClient;
import io.lectern.desktop.core.commerce.WalletClient;
import io.lectern.desktop.learner.CatalogViewModel;
import io.lectern.desktop.learner.CourseViewModel;
import io.lectern.desktop.learner.WalletViewModel;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.identity.NewAccount;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Wallets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learner app's catalog, course page and wallet view models against a real server: search with a typo and a
 * filter, open a paid course, be told the wallet is short, redeem a voucher (a typo caught as it is typed), enroll.
 */
class LearnerCatalogTest {

    private static LecternServer server;
    private static Studio studio;
    private static Wallets wallets;
    private static String voucher;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        Http http = new Http(server.baseUri());
        studio = new Studio(server, http);
        wallets = new Wallets(http, studio.accounts());
        studio.categories("music");
        String ada = studio.user("ada.desk@example.com", "Ada Desk", Role.INSTRUCTOR);
        studio.publishedCourse(ada, "Jazz harmony", "music", 2, "level", "INTERMEDIATE", "pricing", "ONE_TIME",
                "priceMinor", 1500, "subtitle", "Chords that swing");
        studio.publishedCourse(ada, "Folk guitar", "music", 2, "level", "BEGINNER");
        server.modules().identity().createAccount(new NewAccount("lea.desk@example.com", "Lea Desk", Role.STUDENT,
                "desk passphrase 1"));
        voucher = wallets.codes(wallets.batch(1, 2000)).getFirst();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Session session() throws Exception {
        AuthClient auth = new AuthClient(new ApiClient(server.baseUri()));
        return new Session(auth, auth.login("lea.desk@example.com", "desk passphrase 1", null));
    }

    @Test
    void searchOpenEnrollTopUpAndEnrollAgain() throws Exception {
        Session session = session();
        ApiClient api = new ApiClient(server.baseUri());
        CatalogViewModel catalog = new CatalogViewModel(new CatalogClient(api, session), Runnable::run, Runnable::run);
        catalog.query().set("jaz harmoni");
        catalog.search();
        assertEquals(1, catalog.results().size(), catalog.status().get());
        assertTrue(catalog.correction().get().contains("jazz harmony"), catalog.correction().get());
        catalog.query().set("");
        assertTrue(catalog.facets().stream().anyMatch(f -> f.param().equals("level") && f.values().stream()
                .anyMatch(v -> v.count() == 1)), "level counts: " + catalog.facets());
        catalog.choose("level", "beginner");
        assertEquals(1, catalog.results().size());
        assertEquals("Folk guitar", catalog.results().getFirst().title());
        catalog.choose("level", "beginner");
        assertEquals(2, catalog.results().size(), "choosing it again clears the filter");
        catalog.query().set("xylophone quantum");
        catalog.search();
        assertTrue(catalog.status().get().startsWith("No courses match"), catalog.status().get());

        CourseViewModel course = new CourseViewModel(new CatalogClient(api, session), Runnable::run, Runnable::run);
        course.load("jazz-harmony");
        assertEquals("Jazz harmony", course.course().get().title());
        assertEquals("15.00 USD", course.priceText());
        assertFalse(course.syllabus().isEmpty());
        course.enroll();
        assertTrue(course.needsTopUp().get(), course.message().get());
        assertTrue(course.message().get().contains("short by 15.00 USD"), course.message().get());

        WalletViewModel wallet = new WalletViewModel(new WalletClient(api, session), Runnable::run, Runnable::run);
        wallet.refresh();
        assertEquals("0.00 USD", wallet.balance().get());
        String typo = voucher.substring(0, voucher.length() - 1) + (voucher.endsWith("A") ? "B" : "A");
        wallet.code().set(typo);
        assertEquals("This code has a typo; check it against the card.", wallet.codeProblem().get());
        assertFalse(wallet.canRedeem().get());
        wallet.code().set(voucher.toLowerCase());
        assertEquals("", wallet.codeProblem().get());
        wallet.redeem();
        assertEquals("20.00 USD", wallet.balance().get(), wallet.message().get());
        assertEquals(1, wallet.history().size());

        course.enroll();
        assertTrue(course.enrolled().get(), course.message().get());
        assertTrue(course.message().get().contains("15.00 USD was paid"), course.message().get());
    }
}
