package io.lectern.desktop.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.model.common.ApiProblem;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Session logic that needs no server: the server URL points at a closed port, so any network call fails. */
class SessionTest {

    private static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");
    private static final UserView ANN = new UserView(UUID.randomUUID(), "ann@example.com", "Ann", Role.STUDENT);

    private final AuthClient unreachable = new AuthClient(new ApiClient(URI.create("http://127.0.0.1:1")));

    private Session session(long expiresIn) {
        return new Session(unreachable, new AuthTokens("access-1", "refresh-1", expiresIn, ANN),
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void refreshIsDueAMinuteBeforeExpiryOrHalfwayForShortTokens() {
        Session longLived = session(900);
        assertFalse(longLived.needsRefresh(T0.plusSeconds(839)));
        assertTrue(longLived.needsRefresh(T0.plusSeconds(840)));
        Session shortLived = session(60);
        assertFalse(shortLived.needsRefresh(T0.plusSeconds(29)));
        assertTrue(shortLived.needsRefresh(T0.plusSeconds(30)));
    }

    @Test
    void freshAccessTokenComesWithoutAskingTheServer() throws Exception {
        Session session = session(900);
        assertEquals("access-1", session.accessToken());
        assertEquals("Ann", session.user().displayName());
        assertEquals("seen access-1", session.call(token -> "seen " + token));
    }

    @Test
    void expiringTokenIsRefreshedFirstAndAFailedRefreshKeepsTheSession() {
        Session session = session(0);
        assertThrows(ServerUnreachableException.class, session::accessToken, "tried /auth/refresh");
        assertTrue(session.active(), "a network failure does not end the session");
    }

    @Test
    void tokenExpiredAnswerTriggersARefreshOtherErrorsDoNot() {
        Session session = session(900);
        AtomicInteger calls = new AtomicInteger();
        assertThrows(ServerUnreachableException.class, () -> session.call(token -> {
            calls.incrementAndGet();
            throw error(401, "auth.token_expired");
        }), "refreshing went to the (unreachable) server");
        assertEquals(1, calls.get());
        ApiError forbidden = error(403, "course.not_enrolled");
        ApiError thrown = assertThrows(ApiError.class, () -> session.call(token -> {
            throw forbidden;
        }));
        assertSame(forbidden, thrown);
    }

    @Test
    void logoutEndsTheSessionEvenWhenTheServerCannotBeReached() throws Exception {
        Session session = session(900);
        assertThrows(ServerUnreachableException.class, session::logout);
        assertFalse(session.active());
        SessionEndedException ended = assertThrows(SessionEndedException.class, session::accessToken);
        assertEquals("Your session has ended. Sign in again to continue.", ended.getMessage());
        session.logout();
    }

    private static ApiError error(int status, String code) {
        return new ApiError(new ApiProblem("about:blank", "Error", status, "detail", code, null, List.of()));
    }
}
