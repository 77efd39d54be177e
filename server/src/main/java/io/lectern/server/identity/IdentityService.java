package io.lectern.server.identity;

import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import io.lectern.server.identity.internal.PasswordHasher;
import io.lectern.server.identity.internal.UserRepository;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.ApiException;
import java.util.Optional;

/**
 * The identity module's facade: creates and finds accounts. Other modules know users only by id and the
 * display name they were given through events or this facade.
 */
public final class IdentityService {

    private final Platform platform;
    private final UserRepository users;
    private final PasswordHasher hasher;

    public IdentityService(Platform platform, UserRepository users, PasswordHasher hasher) {
        this.platform = platform;
        this.users = users;
        this.hasher = hasher;
    }

    /** Creates a verified account; 409 {@code account.email_taken} when the email is in use. */
    public UserView createAccount(NewAccount account) {
        String hash = hasher.hash(account.password());
        return platform.db().inTransaction(tx -> {
            if (users.emailTaken(tx, account.email())) {
                throw new ApiException(409, "account.email_taken", "An account with this email already exists.");
            }
            UserView user = new UserView(platform.ids().next(), account.email().strip(), account.displayName().strip(),
                    account.role());
            users.insert(tx, user, hash);
            platform.events().publish(tx, new AccountCreated(user.id(), user.displayName(), user.role()));
            return user;
        });
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
        return users.findByEmail(platform.db().execute(), email);
    }

    public boolean anyWithRole(Role role) {
        return users.countWithRole(platform.db().execute(), role) > 0;
    }
}
