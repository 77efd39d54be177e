package io.lectern.server.identity.internal;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import io.lectern.server.platform.db.Rows;
import java.util.Optional;

/** SQL over {@code identity.users}. */
public final class UserRepository {

    public void insert(DbExecute tx, UserView user, String passwordHash) {
        tx.insert("""
                INSERT INTO identity.users (id, email, display_name, role, password_hash, email_verified)
                VALUES (?, ?, ?, ?, ?, true)""", user.id(), user.email(), user.displayName(), user.role().name(),
                passwordHash);
    }

    public boolean emailTaken(DbExecute tx, String email) {
        return tx.get("SELECT 1 FROM identity.users WHERE lower(email) = lower(?)", email.strip()).isPresent();
    }

    public Optional<UserView> findByEmail(DbExecute tx, String email) {
        return tx.get("SELECT id, email, display_name, role FROM identity.users WHERE lower(email) = lower(?)",
                email.strip()).map(UserRepository::view);
    }

    public long countWithRole(DbExecute tx, Role role) {
        return tx.get("SELECT count(*) AS n FROM identity.users WHERE role = ?", role.name())
                .map(r -> Rows.number(r, "n")).orElse(0L);
    }

    private static UserView view(DbRow row) {
        return new UserView(Rows.uuid(row, "id"), Rows.text(row, "email"), Rows.text(row, "display_name"),
                Role.valueOf(Rows.text(row, "role")));
    }
}
