package io.lectern.desktop.core.auth;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.UserView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The signed-in user's tokens, kept in memory only. {@link #accessToken()} refreshes the access token through
 * {@code /auth/refresh} shortly before it expires, and {@link #call} refreshes and retries once when the server
 * answers {@code auth.token_expired}. Refreshing is serialized: the refresh token rotates on every use and
 * using an old one ends the whole session on the server. Methods that may refresh block on the network, so
 * call them off the UI thread.
 */
public final class Session {

    /** Refresh when less than this is left of the access token's life (or half its life, if that is shorter). */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    static final String TOKEN_EXPIRED = "auth.token_expired";

    private final AuthClient auth;
    private final Clock clock;
    private final List<Runnable> expiredListeners = new CopyOnWriteArrayList<>();
    private AuthTokens tokens;
    private Instant expiresAt;
    private boolean ended;

    public Session(AuthClient auth, AuthTokens tokens) {
        this(auth, tokens, Clock.systemUTC());
    }

    private final java.util.List<java.util.function.Consumer<AuthTokens>> rotatedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public Session(AuthClient auth, AuthTokens tokens, Clock clock) {
        this.auth = auth;
        this.clock = clock;
        accept(tokens);
    }

    /** A call made with an access token. */
    @FunctionalInterface
    public interface AuthorizedCall<T> {
        T call(String accessToken) throws ApiError, ServerUnreachableException;
    }

    /** The current token pair (for the vault). */
    public synchronized AuthTokens tokens() {
        return tokens;
    }

    public synchronized UserView user() {
        return tokens.user();
    }

    /** False once signed out or once the server refused to refresh the session. */
    public synchronized boolean active() {
        return !ended;
    }

    /** Runs {@code listener} (on the refreshing thread) when the server ends the session by refusing a refresh. */
    public void onExpired(Runnable listener) {
        expiredListeners.add(listener);
    }

    /** A valid access token, refreshed first when it expires soon. */
    public synchronized String accessToken() throws ApiError, ServerUnreachableException, SessionEndedException {
        ensureActive();
        if (needsRefresh(clock.instant())) {
            refresh();
        }
        return tokens.accessToken();
    }

    /** Runs {@code call} with the access token; when the server says it expired, refreshes and tries once more. */
    public <T> T call(AuthorizedCall<T> call) throws ApiError, ServerUnreachableException, SessionEndedException {
        String token = accessToken();
        try {
            return call.call(token);
        } catch (ApiError e) {
            if (!TOKEN_EXPIRED.equals(e.code())) {
                throw e;
            }
            return call.call(refreshedAfter(token));
        }
    }

    /** Gets a new token pair now. A 401 answer ends the session and throws {@link SessionEndedException}. */
    public synchronized void refresh() throws ApiError, ServerUnreachableException, SessionEndedException {
        ensureActive();
        try {
            accept(auth.refresh(tokens.refreshToken()));
        } catch (ApiError e) {
            if (e.problem().status() != 401) {
                throw e;
            }
            ended = true;
            expiredListeners.forEach(Runnable::run);
            throw new SessionEndedException();
        }
    }

    /**
     * Signs out: forgets the tokens at once, then asks the server to revoke the refresh token. The session is
     * over locally even when the server cannot be reached (then the refresh token simply runs out on its own).
     */
    public void logout() throws ServerUnreachableException {
        String refreshToken;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            refreshToken = tokens.refreshToken();
        }
        try {
            auth.logout(refreshToken);
        } catch (ApiError ignored) {
            // the server no longer knows this session: signed out either way
        }
    }

    /** True when the access token has less than the refresh margin left at {@code now}. */
    synchronized boolean needsRefresh(Instant now) {
        Duration life = Duration.ofSeconds(Math.max(0, tokens.expiresIn()));
        Duration margin = REFRESH_MARGIN.compareTo(life.dividedBy(2)) < 0 ? REFRESH_MARGIN : life.dividedBy(2);
        return !now.isBefore(expiresAt.minus(margin));
    }

    private synchronized String refreshedAfter(String stale)
            throws ApiError, ServerUnreachableException, SessionEndedException {
        ensureActive();
        if (tokens.accessToken().equals(stale)) {
            refresh();
        }
        return tokens.accessToken();
    }

    private void ensureActive() throws SessionEndedException {
        if (ended) {
            throw new SessionEndedException();
        }
    }

    private void accept(AuthTokens fresh) {
        tokens = fresh;
        expiresAt = clock.instant().plusSeconds(Math.max(0, fresh.expiresIn()));
        rotatedListeners.forEach(l -> l.accept(fresh));
    }

    /** Runs {@code listener} with every new token pair (the vault keeps the rotated refresh token). */
    public void onRotated(java.util.function.Consumer<AuthTokens> listener) {
        rotatedListeners.add(listener);
    }
}
