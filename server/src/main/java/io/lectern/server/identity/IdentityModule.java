package io.lectern.server.identity;

import io.lectern.server.audit.AuditService;
import io.lectern.server.identity.internal.tokens.AccessTokens;
import io.lectern.server.identity.internal.accounts.AccountData;
import io.lectern.server.identity.internal.accounts.AccountFlows;
import io.lectern.server.identity.internal.accounts.AdminUserRoutes;
import io.lectern.server.identity.internal.signin.AuthRoutes;
import io.lectern.server.identity.internal.Deps;
import io.lectern.server.identity.internal.signin.EmailCodes;
import io.lectern.server.identity.internal.IdentityPersonalData;
import io.lectern.server.platform.privacy.PersonalData;
import io.lectern.server.identity.internal.signin.LoginFlows;
import io.lectern.server.identity.internal.accounts.MeRoutes;
import io.lectern.server.identity.internal.oidc.OidcLogin;
import io.lectern.server.identity.internal.accounts.PasswordHasher;
import io.lectern.server.identity.internal.accounts.PasswordPolicy;
import io.lectern.server.identity.internal.Requests;
import io.lectern.server.identity.internal.tokens.Revocations;
import io.lectern.server.identity.internal.signin.SessionFlows;
import io.lectern.server.identity.internal.signin.SessionStore;
import io.lectern.server.identity.internal.tokens.SigningKeys;
import io.lectern.server.identity.internal.accounts.StaffAdmin;
import io.lectern.server.identity.internal.tokens.TokenGuard;
import io.lectern.server.identity.internal.mfa.Totp;
import io.lectern.server.identity.internal.mfa.TotpFlows;
import io.lectern.server.identity.internal.accounts.UserStore;
import io.lectern.server.notify.MailService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.redis.Redis;
import java.nio.file.Path;
import io.lectern.server.platform.config.AuthSettings;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Wires the identity module: sign-in flows, tokens, the route guard, and the auth, me and admin routes. */
public final class IdentityModule {

    public static final String SCHEMA = "identity";

    private IdentityModule() {
    }

    public static IdentityService register(ApiRoutes routes, Database db, Clock clock, Ids ids, EventBus events,
                                           Json json, Redis redis,
                                           AuthSettings auth, boolean trustForwardedFor, Path dataDir,
                                                   MailService mail, AuditService audit) {
        SecretBox secrets = SecretBox.open(auth.secretKey(), dataDir);
        SigningKeys keys = new SigningKeys(db, clock, ids, secrets, auth.keyRotation(),
                auth.accessTokenTtl());
        keys.keepCurrent(); // loaded (or made) now: signing never touches the database
        AccessTokens tokens = new AccessTokens(keys, clock, auth.accessTokenTtl());
        UserStore users = new UserStore();
        SessionStore sessions = new SessionStore(ids, clock, auth.refreshTokenTtl());
        Revocations revocations = new Revocations(redis, db, sessions, users, auth.accessTokenTtl(),
                clock);
        Deps d = new Deps(db, clock, ids, events, json, auth, users, new PasswordHasher(), new EmailCodes(secrets,
                          clock), sessions,
                tokens, revocations,
                new Totp(secrets), secrets, new RateLimiter(redis, auth.rateLimitFactor()), mail, audit);
        PasswordPolicy.warmUp();
        List<PersonalData> personalData = new CopyOnWriteArrayList<>();
        AtomicReference<AvatarCheck> avatars = new AtomicReference<>(AvatarCheck.NONE);
        Requests requests = new Requests(trustForwardedFor);
        LoginFlows login = new LoginFlows(d);
        AccountFlows accounts = new AccountFlows(d);
        new AuthRoutes(json, requests, login, accounts, new SessionFlows(d), keys,
                auth.oidc().map(o -> new OidcLogin(d, o))).register(routes);
        new MeRoutes(json, requests, new AccountData(d, personalData, avatars::get), accounts, new TotpFlows(d))
                .register(routes);
        new AdminUserRoutes(json, requests, new StaffAdmin(d)).register(routes);
        IdentityService service = new IdentityService(d, new TokenGuard(tokens, revocations, auth.requireAdminTotp()),
                keys, personalData, avatars);
        service.addPersonalData(new IdentityPersonalData(d));
        revocations.reload();
        if (!auth.requireAdminTotp()) {
            java.util.logging.Logger.getLogger(IdentityModule.class.getName()).warning("Admins may sign in without a "
                    + "second factor (auth.require-admin-totp=false): keep this to a single-user install.");
        }
        return service;
    }
}
