package io.lectern.server.identity;

import io.lectern.server.identity.internal.signin.Reauthentication;
import io.lectern.server.audit.AuditService;
import io.lectern.server.identity.internal.tokens.AccessTokens;
import io.lectern.server.identity.internal.accounts.AccountData;
import io.lectern.server.identity.internal.accounts.AccountFlows;
import io.lectern.server.identity.internal.accounts.AdminUserRoutes;
import io.lectern.server.identity.internal.signin.AuthRoutes;
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
                                           Json json, Redis redis, IdentitySettings auth, SecretBox secrets,
                                           RateLimiter limits, boolean trustForwardedFor, MailService mail,
                                           AuditService audit) {
        SigningKeys keys = new SigningKeys(db, clock, ids, secrets, auth.keyRotation(),
                auth.accessTokenTtl());
        keys.keepCurrent(); // loaded (or made) now: signing never touches the database
        AccessTokens tokens = new AccessTokens(keys, clock, auth.accessTokenTtl());
        UserStore users = new UserStore();
        SessionStore sessions = new SessionStore(ids, clock, auth.refreshTokenTtl());
        Revocations revocations = new Revocations(redis, db, sessions, users, auth.accessTokenTtl(),
                clock);
        PasswordHasher hasher = new PasswordHasher();
        EmailCodes codes = new EmailCodes(secrets, clock);
        Totp totp = new Totp(secrets);
        PasswordPolicy.warmUp();
        List<PersonalData> personalData = new CopyOnWriteArrayList<>();
        AtomicReference<AvatarCheck> avatars = new AtomicReference<>(AvatarCheck.NONE);
        Requests requests = new Requests(trustForwardedFor);
        LoginFlows login = new LoginFlows(db, clock, users, hasher, codes, sessions, tokens, totp, secrets, limits, mail, audit);
        AccountFlows accounts = new AccountFlows(db, clock, ids, events, users, hasher, codes, sessions, tokens,
                                                 revocations, limits, mail, audit);
        new AuthRoutes(json, requests, login, accounts, new SessionFlows(db, clock, users, sessions, tokens,
                       revocations, limits, audit), keys,
                auth.oidc().map(o -> new OidcLogin(db, clock, ids, events, json, users, sessions, tokens, audit,
                          o))).register(routes);
        new MeRoutes(json, requests, new AccountData(db, clock, events, users, hasher, codes, revocations, mail, audit,
                     personalData, avatars::get), accounts, new TotpFlows(db, clock, users, totp, secrets, limits, audit))
                .register(routes);
        new AdminUserRoutes(json, requests, new StaffAdmin(db, clock, ids, events, users, codes, sessions, revocations,
                            mail, audit)).register(routes);
        IdentityService service = new IdentityService(db, clock, ids, events, auth, users, hasher,
                                                      new TokenGuard(tokens, revocations, auth.requireAdminTotp()),
                keys, new Reauthentication(db, clock, users, hasher, sessions, totp, secrets, limits, audit), personalData,
                avatars);
        service.addPersonalData(new IdentityPersonalData(users, codes, sessions, revocations, totp));
        revocations.reload();
        if (!auth.requireAdminTotp()) {
            java.util.logging.Logger.getLogger(IdentityModule.class.getName()).warning("Admins may sign in without a "
                    + "second factor (auth.require-admin-totp=false): keep this to a single-user install.");
        }
        return service;
    }
}
