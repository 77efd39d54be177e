package io.lectern.server.identity.internal.accounts;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.identity.Profile;
import io.lectern.model.identity.ProfileUpdate;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.AccountDeleted;
import io.lectern.server.identity.AvatarCheck;
import io.lectern.server.identity.internal.Deps;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.signin.EmailCodes;
import io.lectern.server.identity.internal.signin.SignIn;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.privacy.PersonalData;
import io.lectern.server.platform.security.Principal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The user's own data: profile, the export of everything held about them, and deleting the account. */
public final class AccountData {

    /**
     * The confirmation a deletion needs.
     *
     * @param password the current password (accounts with one)
     * @param code     a sign-in code from {@code /auth/otp/request} (accounts without a password)
     */
    public record DeleteConfirmation(String password, String code) {
    }

    private final Deps d;
    private final List<PersonalData> personalData;
    private final Supplier<AvatarCheck> avatars;

    public AccountData(Deps d, List<PersonalData> personalData, Supplier<AvatarCheck> avatars) {
        this.d = d;
        this.personalData = personalData;
        this.avatars = avatars;
    }

    public Profile profile(Principal p) {
        return user(p).profile();
    }

    public Profile update(Principal p, ProfileUpdate req, Origin origin) {
        Validation v = new Validation().maxLength("displayName", req.displayName(), 80).maxLength("bio", req.bio(), 2000)
                .check(req.displayName() == null || !req.displayName().isBlank(), "displayName", "required",
                        "displayName must not be empty.")
                .maxLength("timezone", req.timezone(), 64).maxLength("locale", req.locale(), 16);
        v.check(req.timezone() == null || validZone(req.timezone()), "timezone", "format",
                "timezone must be an IANA time zone such as Europe/Berlin.");
        v.check(req.locale() == null || d.mail().supportsLocale(req.locale()), "locale", "one_of",
                "locale must be one of: en, de.");
        v.throwIfInvalid();
        ProfileUpdate clean = new ProfileUpdate(req.displayName() == null ? null : req.displayName().strip(),
                req.bio(), req.avatarMediaId(), req.timezone(), req.locale());
        return d.db().inTransaction(tx -> {
            UserRecord current = d.users().findById(tx, p.userId()).orElseThrow(() -> ApiException.notFound("This account"));
            if (clean.avatarMediaId() != null && !clean.avatarMediaId().equals(current.avatarMediaId())) {
                avatars.get().refusal(tx, p.userId(), clean.avatarMediaId()).ifPresent(refused -> {
                    throw ApiException.invalid(java.util.List.of(refused));
                });
            }
            d.users().updateProfile(tx, p.userId(), clean);
            d.audit().record(tx, AuditRecord.of(p.userId(), "account.profile.updated", p.userId(), origin.ip()));
            return d.users().findById(tx, p.userId()).orElseThrow().profile();
        });
    }

    /** Everything Lectern holds about the user, as one JSON document: a section per module. */
    public Map<String, Object> export(Principal p) {
        UserRecord user = user(p);
        PersonalData.Person person = new PersonalData.Person(user.id(), user.email());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exportedAt", d.clock().instant().toString());
        DbExecute db = d.db().execute();
        personalData.forEach(section -> out.put(section.section(), section.export(db, person)));
        return out;
    }

    /**
     * Erases the account: every module erases or anonymises what it keeps about the person, in one transaction;
     * financial records keep the (now anonymous) id.
     */
    public void delete(Principal p, DeleteConfirmation req, Origin origin) {
        UserRecord user = user(p);
        new Validation().maxLength("password", req.password(), PasswordPolicy.MAX).maxLength("code", req.code(), 6)
                .check(user.passwordHash() == null || req.password() != null, "password", "required",
                        "Enter your password to delete your account.")
                .check(user.passwordHash() != null || req.code() != null, "code", "required",
                        "Enter a sign-in code from your mail to delete your account.").throwIfInvalid();
        if (user.passwordHash() != null && !d.hasher().verify(req.password(), user.passwordHash())) {
            throw new ApiException(403, "auth.password_wrong", "The password is not right.");
        }
        PersonalData.Person person = new PersonalData.Person(user.id(), user.email());
        d.db().doInTransaction(tx -> {
            if (user.passwordHash() == null
                    && d.codes().check(tx, user.id(), EmailCodes.Purpose.LOGIN, req.code()) != EmailCodes.Check.OK) {
                throw SignIn.invalidCode();
            }
            personalData.forEach(section -> section.erase(tx, person));
            d.events().publish(tx, new AccountDeleted(user.id()));
            d.audit().record(tx, AuditRecord.of(user.id(), "account.deleted", user.id(), null));
        });
        d.revocations().deactivate(user.id());
    }

    private UserRecord user(Principal p) {
        return d.users().findById(d.db().execute(), p.userId())
                .orElseThrow(() -> new ApiException(401, "auth.token_invalid", "Sign in again."));
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return zone.contains("/") || zone.equals("UTC");
        } catch (DateTimeException e) {
            return false;
        }
    }
}
