package io.lectern.server.identity.internal.tokens;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.lectern.model.identity.Role;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.AccessGuard;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Authz;
import io.lectern.server.platform.security.Principal;
import java.util.Optional;

/**
 * The one authentication filter: reads {@code Authorization: Bearer}, verifies the token, checks it was not
 * revoked (logout, deactivation, password or role change), puts the {@link Principal} in the request context,
 * then enforces the route's declared {@link Access}. A bad token is refused even on public routes. An admin who did
 * not sign in with a second factor may only manage their own account (to enrol one) while 2FA is required.
 */
public final class TokenGuard implements AccessGuard {

    private final AccessTokens tokens;
    private final Revocations revocations;
    private final boolean requireAdminTotp;

    public TokenGuard(AccessTokens tokens, Revocations revocations, boolean requireAdminTotp) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.requireAdminTotp = requireAdminTotp;
    }

    @Override
    public void check(ServerRequest request, Access access) {
        Optional<Principal> principal = authenticate(request);
        principal.ifPresent(p -> request.context().register(Principal.class, p));
        if (!access.authenticated()) {
            return;
        }
        Principal p = principal.orElseThrow(() -> new ApiException(401, "auth.required", "Sign in to use this.",
                java.util.List.of(), java.util.Map.of("WWW-Authenticate", "Bearer")));
        if (!access.roles().isEmpty() && !access.roles().contains(p.role())) {
            throw Authz.forbidden();
        }
        if (requireAdminTotp && p.role() == Role.ADMIN && !p.mfa() && !request.path().path().startsWith("/api/v1/me")) {
            throw new ApiException(403, "auth.totp_enrollment_required", "Admin accounts need 2FA: turn on an "
                    + "authenticator app (POST /api/v1/me/totp, then /api/v1/me/totp/confirm), then sign in again with "
                    + "its code.");
        }
    }

    private Optional<Principal> authenticate(ServerRequest request) {
        Optional<String> header = request.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || value.length() > 4096) {
            throw new ApiException(401, "auth.token_invalid", "Send the access token as 'Authorization: Bearer <token>'.");
        }
        AccessTokens.Verified verified = tokens.verify(value.substring(7).strip());
        Principal p = verified.principal();
        if (revocations.isRevoked(p.userId(), p.sessionId(), verified.issuedAt())) {
            throw new ApiException(401, "auth.token_revoked", "This session has ended; sign in again.");
        }
        return Optional.of(p);
    }
}
