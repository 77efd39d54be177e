package io.lectern.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.Session;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HomeViewModelTest {

    @Test
    void signingOutEndsTheSessionEvenWhenTheServerIsDown() {
        AuthClient auth = new AuthClient(new ApiClient(URI.create("http://127.0.0.1:1")));
        Session session = new Session(auth, new AuthTokens("a", "r", 900,
                new UserView(UUID.randomUUID(), "ann@example.com", "Ann", Role.STUDENT)));
        List<Runnable> queued = new ArrayList<>();
        HomeViewModel home = new HomeViewModel(session, queued::add, Runnable::run);
        home.signOut();
        assertTrue(home.busy().get());
        assertFalse(home.signedOut().get());
        queued.forEach(Runnable::run);
        assertFalse(home.busy().get());
        assertTrue(home.signedOut().get());
        assertFalse(session.active());
    }
}
