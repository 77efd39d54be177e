package io.lectern.server.identity.internal.accounts;

import io.lectern.server.audit.AuditService;
import io.lectern.server.notify.MailService;
import io.lectern.server.identity.internal.tokens.Revocations;
import io.lectern.server.platform.events.EventBus;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import io.helidon.dbclient.DbExecute;
import io.lectern.model.identity.Profile;
import io.lectern.model.identity.ProfileUpdate;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.AccountDeleted;
import io.lectern.server.identity.AvatarCheck;
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

    private final Database database;
    private final Clock clock;
    private final EventBus events;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final EmailCodes codes;
    private final Revocations revocations;
    private final MailService mailer;
    private final AuditService audit;
    private final List<PersonalData> personalData;
    private final Supplier<AvatarCheck> avatars;

    public AccountData(Database database, Clock clock, EventBus events, UserStore users, PasswordHasher hasher,
                       EmailCodes codes, Revocations revocations, MailService mailer, AuditService audit,
                       List<PersonalData> personalData, Supplier<AvatarCheck> avatars) {
        this.database = database;
        this.clock = clock;
        this.events = events;
        this.users = users;
        this.hasher = hasher;
        this.codes = codes;
        this.revocations = revocations;
        this.mailer = mailer;
        this.audit = audit;
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
        v.check(req.locale() == null || mailer.supportsLocale(req.locale()), "locale", "one_of",
                "locale must be one of: en, de.");
        v.throwIfInvalid();
        ProfileUpdate clean = new ProfileUpdate(req.displayName() == null ? null : req.displayName().strip(),
                req.bio(), req.avatarMediaId(), req.timezone(), req.locale());
        return database.inTransaction(tx -> {
            UserRecord current = users.findById(tx, p.userId()).orElseThrow(() -> ApiException.notFound("This account"));
            if (clean.avatarMediaId() != null && !clean.avatarMediaId().equals(current.avatarMediaId())) {
                avatars.get().refusal(tx, p.userId(), clean.avatarMediaId()).ifPresent(refused -> {
                    throw ApiException.invalid(java.util.List.of(refused));
                });
            }
            users.updateProfile(tx, p.userId(), clean);
            audit.record(tx, AuditRecord.of(p.userId(), "account.profile.updated", p.userId(), origin.ip()));
            return users.findById(tx, p.userId()).orElseThrow().profile();
        });
    }

    /** Everything Lectern holds about the user, as one JSON document: a section per module. */
    public Map<String, Object> export(Principal p) {
        UserRecord user = user(p);
        PersonalData.Person person = new PersonalData.Person(user.id(), user.email());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exportedAt", clock.instant().toString());
        DbExecute db = database.execute();
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
        if (user.passwordHash() != null && !hasher.verify(req.password(), user.passwordHash())) {
            throw new ApiException(403, "auth.password_wrong", "The password is not right.");
        }
        PersonalData.Person person = new PersonalData.Person(user.id(), user.email());
        database.doInTransaction(tx -> {
            if (user.passwordHash() == null
                    && codes.check(tx, user.id(), EmailCodes.Purpose.LOGIN, req.code()) != EmailCodes.Check.OK) {
                throw SignIn.invalidCode();
            }
            personalData.forEach(section -> section.erase(tx, person));
            events.publish(tx, new AccountDeleted(user.id()));
            audit.record(tx, AuditRecord.of(user.id(), "account.deleted", user.id(), null));
        });
        revocations.deactivate(user.id());
    }

    private UserRecord user(Principal p) {
        return users.findById(database.execute(), p.userId())
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
