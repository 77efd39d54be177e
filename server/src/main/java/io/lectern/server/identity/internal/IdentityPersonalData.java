package io.lectern.server.identity.internal;

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

    private final Deps d;
    private final OidcLinkStore links = new OidcLinkStore();

    public IdentityPersonalData(Deps d) {
        this.d = d;
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
        UserRecord user = d.users().findById(db, person.id()).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("profile", user.profile());
        out.put("lastLoginAt", user.lastLoginAt());
        out.put("sessions", d.sessions().export(db, person.id()));
        out.put("signInProviders", links.export(db, person.id()));
        out.put("pendingCodes", d.codes().purposes(db, person.id()));
        return out;
    }

    @Override
    public void erase(DbExecute tx, Person person) {
        d.sessions().revokeAll(tx, person.id(), null, "account_deleted").forEach(d.revocations()::revokeSession);
        d.sessions().forgetOrigins(tx, person.id());
        d.codes().deleteAll(tx, person.id());
        d.totp().deleteRecoveryCodes(tx, person.id());
        links.deleteAll(tx, person.id());
        d.users().anonymise(tx, person.id());
    }
}
