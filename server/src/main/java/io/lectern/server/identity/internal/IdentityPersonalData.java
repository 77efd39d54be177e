package io.lectern.server.identity.internal;

import io.lectern.server.identity.internal.mfa.Totp;
import io.lectern.server.identity.internal.tokens.Revocations;
import io.lectern.server.identity.internal.signin.SessionStore;
import io.lectern.server.identity.internal.signin.EmailCodes;
import io.lectern.server.identity.internal.accounts.UserStore;
import io.helidon.dbclient.DbExecute;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.identity.internal.oidc.OidcLinkStore;
import io.lectern.server.platform.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Identity's part of the export and of deletion: the profile, sign-in sessions (address and device) and linked
 * sign-in providers. Deleting ends every session, forgets addresses, devices, codes, recovery codes and provider
 * links, and anonymises the account row (it stays, so ids in financial records still point at something).
 */
public final class IdentityPersonalData implements PersonalData {

    private final UserStore users;
    private final EmailCodes emailCodes;
    private final SessionStore sessionStore;
    private final Revocations revocations;
    private final Totp totp;
    private final OidcLinkStore links = new OidcLinkStore();

    public IdentityPersonalData(UserStore users, EmailCodes emailCodes, SessionStore sessionStore,
                                Revocations revocations, Totp totp) {
        this.users = users;
        this.emailCodes = emailCodes;
        this.sessionStore = sessionStore;
        this.revocations = revocations;
        this.totp = totp;
    }

    @Override
    public String section() {
        return "identity";
    }

    @Override
    public Set<String> tables() {
        return Set.of("identity.users", "identity.email_codes", "identity.sessions", "identity.refresh_tokens",
                "identity.recovery_codes", "identity.oidc_links");
    }

    @Override
    public Object export(DbExecute db, Person person) {
        UserRecord user = users.findById(db, person.id()).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("profile", user.profile());
        out.put("lastLoginAt", user.lastLoginAt());
        out.put("sessions", sessionStore.export(db, person.id()));
        out.put("signInProviders", links.export(db, person.id()));
        out.put("pendingCodes", emailCodes.purposes(db, person.id()));
        return out;
    }

    @Override
    public void erase(DbExecute tx, Person person) {
        sessionStore.revokeAll(tx, person.id(), null, "account_deleted").forEach(revocations::revokeSession);
        sessionStore.forgetOrigins(tx, person.id());
        emailCodes.deleteAll(tx, person.id());
        totp.deleteRecoveryCodes(tx, person.id());
        links.deleteAll(tx, person.id());
        users.anonymise(tx, person.id());
    }
}
