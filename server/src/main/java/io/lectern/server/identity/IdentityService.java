package io.lectern.server.identity;

import io.lectern.server.identity.internal.signin.Reauthentication;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.Ids;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import io.lectern.server.identity.internal.tokens.LaunchTokens;
import io.lectern.server.identity.internal.accounts.PasswordHasher;
import io.lectern.server.identity.internal.tokens.SigningKeys;
import io.lectern.server.identity.internal.accounts.UserRecord;
import io.lectern.server.identity.internal.accounts.UserStore;
import io.lectern.server.platform.http.AccessGuard;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.privacy.PersonalData;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity module's facade: creates and finds accounts, supplies the route guard, and lets other modules add
 * what they keep about people to the data export and account deletion. Other modules know users only by id and
 * display name.
 */
public final class IdentityService {

    private final Database database;
    private final Clock clock;
    private final Ids idGen;
    private final EventBus events;
    private final IdentitySettings authSettings;
    private final UserStore userStore;
    private final PasswordHasher hasher;
    private final AccessGuard guard;
    private final SigningKeys keys;
    private final java.util.List<PersonalData> personalData;
    private final java.util.concurrent.atomic.AtomicReference<AvatarCheck> avatars;
    private final io.lectern.server.identity.internal.signin.Reauthentication reauthentication;

    public IdentityService(Database database, Clock clock, Ids idGen, EventBus events, IdentitySettings authSettings,
                           UserStore userStore, PasswordHasher hasher, AccessGuard guard, SigningKeys keys,
                           Reauthentication reauthentication,
                           java.util.List<PersonalData> personalData,
                           java.util.concurrent.atomic.AtomicReference<AvatarCheck> avatars) {
        this.database = database;
        this.clock = clock;
        this.idGen = idGen;
        this.events = events;
        this.authSettings = authSettings;
        this.userStore = userStore;
        this.hasher = hasher;
        this.guard = guard;
        this.keys = keys;
        this.personalData = personalData;
        this.avatars = avatars;
        this.reauthentication = reauthentication;
    }

    /** What every module declared it keeps about people (the test compares it with the database). */
    public java.util.List<PersonalData> personalData() {
        return java.util.List.copyOf(personalData);
    }

    /** Plugs in which media may be a user's avatar (the media module: their own image uploads). */
    public void useAvatarCheck(AvatarCheck check) {
        avatars.set(check);
    }

    /**
     * Makes the signed-in user prove again who they are (password, and authenticator code with 2FA) before something
     * sensitive; 403 {@code auth.password_wrong} or 401 {@code auth.totp_required}/{@code auth.totp_invalid}.
     */
    public void reauthenticate(io.lectern.server.platform.security.Principal p, String password, String totp,
                               String ip) {
        reauthentication.require(p, password, totp, ip);
    }

    /** The guard that authenticates bearer tokens and enforces each route's declared access. */
    public AccessGuard accessGuard() {
        return guard;
    }

    /** Adds what a module keeps about people: exported with the account, erased with it (in registration order). */
    public void addPersonalData(PersonalData data) {
        personalData.add(data);
    }

    /** Creates a verified account with a password (seeding, tests); 409 when the email is in use. */
    public UserView createAccount(NewAccount account) {
        String hash = hasher.hash(account.password());
        return database.inTransaction(tx -> {
            if (userStore.findByEmail(tx, account.email()).isPresent()) {
                throw new ApiException(409, "account.email_taken", "An account with this email already exists.");
            }
            UUID id = idGen.next();
            userStore.insert(tx, new UserStore.NewUser(id, account.email().strip(), account.displayName().strip(),
                    account.role(), hash, true));
            events.publish(tx, new AccountCreated(id, account.displayName().strip(), account.role()));
            return new UserView(id, account.email().strip(), account.displayName().strip(), account.role());
        });
    }

    /** A new random password, as strong as the admin's generated one (for demo accounts). */
    public static String generatePassword() {
        return PasswordHasher.randomPassword();
    }

    /**
     * Makes sure the first admin exists. Returns what to tell the operator: the generated password when one
     * was made, otherwise how the admin signs in.
     */
    public AdminBootstrap ensureAdmin(String email, Optional<String> password) {
        Optional<UserView> existing = findByEmail(email);
        if (existing.isPresent()) {
            return new AdminBootstrap(existing.get(), false, Optional.empty());
        }
        String chosen = password.orElseGet(PasswordHasher::randomPassword);
        UserView admin = createAccount(new NewAccount(email, "Administrator", Role.ADMIN, chosen));
        return new AdminBootstrap(admin, true, password.isPresent() ? Optional.empty() : Optional.of(chosen));
    }

    /**
     * The outcome of {@link #ensureAdmin}.
     *
     * @param admin             the admin account
     * @param created           whether it was created now
     * @param generatedPassword the password made up for it, shown once
     */
    public record AdminBootstrap(UserView admin, boolean created, Optional<String> generatedPassword) {
    }

    public Optional<UserView> findByEmail(String email) {
        return userStore.findByEmail(database.execute(), email).map(UserRecord::view);
    }

    public Optional<UserView> findById(UUID id) {
        return findRecord(id).map(UserRecord::view);
    }

    /** The same, read with the caller's transaction (a second connection inside it could stall the pool). */
    public Optional<UserView> findById(io.helidon.dbclient.DbExecute tx, UUID id) {
        return findRecord(tx, id).map(UserRecord::view);
    }

    /**
     * Whose uploads a caller may put into a course whose staff are {@code staff}: their own, a colleague's on that
     * staff, and, for admins, other admins' (media that belongs to the platform, such as a default thumbnail).
     */
    public java.util.function.Predicate<UUID> mediaOwnersFor(io.helidon.dbclient.DbExecute tx,
                                                             io.lectern.server.platform.security.Principal caller,
                                                             java.util.Collection<UUID> staff) {
        return owner -> owner.equals(caller.userId()) || staff.contains(owner) || caller.isAdmin()
                && findById(tx, owner).map(u -> u.role() == Role.ADMIN).orElse(false);
    }

    /** Whether a media item is someone's avatar (media's deletion check). */
    public java.util.List<String> mediaUses(io.helidon.dbclient.DbExecute tx, UUID mediaId) {
        return userStore.hasAvatar(tx, mediaId) ? java.util.List.of("an account's avatar (choose another first)")
                : java.util.List.of();
    }

    /** Whom to mail about an account: address, name and language (empty for unknown or deleted accounts). */
    public Optional<Recipient> recipient(io.helidon.dbclient.DbExecute db, UUID id) {
        return findRecord(db, id).map(u -> new Recipient(u.id(), u.email(), u.displayName(), u.mailLocale()));
    }

    /** Accounts whose name or address contains {@code text} (case-insensitive), at most {@code limit}. */
    public java.util.List<UUID> idsMatching(io.helidon.dbclient.DbExecute db, String text, int limit) {
        return userStore.search(db, Optional.of(text), Optional.empty(), Optional.empty(), limit, Optional.empty())
                .items().stream().map(io.lectern.model.identity.AccountSummary::id).toList();
    }

    /** Several users at once, by id (those that do not exist or were deleted are missing from the map). */
    public java.util.Map<UUID, UserView> findByIds(io.helidon.dbclient.DbExecute tx, java.util.Collection<UUID> ids) {
        return userStore.viewsByIds(tx, ids).stream().collect(java.util.stream.Collectors.toMap(UserView::id, u -> u));
    }

    /** The time zone the user chose in their profile; UTC until they choose one. */
    public ZoneId timeZone(UUID id) {
        return findRecord(id).map(UserRecord::timezone).map(ZoneId::of).orElse(ZoneOffset.UTC);
    }

    private Optional<UserRecord> findRecord(UUID id) {
        return findRecord(database.execute(), id);
    }

    private Optional<UserRecord> findRecord(io.helidon.dbclient.DbExecute db, UUID id) {
        return userStore.findById(db, id);
    }

    /**
     * Signs a short-lived token for an external tool (see {@code LaunchTokens}); the tool verifies it with the public
     * JWKS. {@code audience} should be the tool's origin.
     */
    public String signLaunchToken(UUID userId, String audience, Map<String, String> claims, Duration ttl) {
        return new LaunchTokens(keys, clock, authSettings.accessTokenTtl())
                .issue(userId, audience, claims, ttl);
    }

    /** Ends the current signing key's period now; the next token is signed by a new key (key leak drill). */
    public void rotateSigningKey() {
        keys.rotateNow();
    }
}
