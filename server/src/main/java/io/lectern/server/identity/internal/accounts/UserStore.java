package io.lectern.server.identity.internal.accounts;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.common.Page;
import io.lectern.model.identity.AccountSummary;
import io.lectern.model.identity.ProfileUpdate;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.PageCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL over {@code identity.users}. Deleted (anonymised) accounts are invisible to every lookup. */
public final class UserStore {

    private static final String LIVE = " AND deleted_at IS NULL";

    /**
     * A new account row.
     *
     * @param id            id
     * @param email         email
     * @param displayName   name
     * @param role          role
     * @param passwordHash  hash or null
     * @param emailVerified whether the email counts as confirmed already
     */
    public record NewUser(UUID id, String email, String displayName, Role role, String passwordHash,
                          boolean emailVerified) {
    }

    public void insert(DbExecute tx, NewUser u) {
        tx.insert("""
                INSERT INTO identity.users (id, email, display_name, role, password_hash, email_verified)
                VALUES (?, ?, ?, ?, ?, ?)""", u.id(), u.email(), u.displayName(), u.role().name(), u.passwordHash(),
                u.emailVerified());
    }

    public Optional<UserRecord> findByEmail(DbExecute db, String email) {
        return db.get("SELECT * FROM identity.users WHERE lower(email) = lower(?)" + LIVE, email.strip())
                .map(UserStore::record);
    }

    public Optional<UserRecord> findById(DbExecute db, UUID id) {
        return db.get("SELECT * FROM identity.users WHERE id = ?" + LIVE, id).map(UserStore::record);
    }

    /** What others may see of these users (only the columns a view needs: receipts ask for hundreds at once). */
    public List<UserView> viewsByIds(DbExecute db, java.util.Collection<UUID> ids) {
        try (var rows = db.query("SELECT id, email, display_name, role FROM identity.users WHERE id = ANY(?::uuid[])"
                + LIVE, (Object) Rows.uuidArray(ids))) {
            return rows.map(r -> new UserView(Rows.uuid(r, "id"), Rows.text(r, "email"), Rows.text(r, "display_name"),
                    Role.valueOf(Rows.text(r, "role")))).toList();
        }
    }

    /** Locks the row for the rest of the transaction. */
    public Optional<UserRecord> lock(DbExecute tx, UUID id) {
        return tx.get("SELECT * FROM identity.users WHERE id = ?" + LIVE + " FOR UPDATE", id)
                .map(UserStore::record);
    }

    public boolean hasAvatar(DbExecute db, UUID mediaId) {
        return db.get("SELECT 1 FROM identity.users WHERE avatar_media_id = ? LIMIT 1", mediaId).isPresent();
    }

    /** Accounts that may not sign in: deactivated or deleted. */
    public List<UUID> inactiveIds(DbExecute db) {
        try (var rows = db.query("SELECT id FROM identity.users WHERE NOT active")) {
            return rows.map(r -> Rows.uuid(r, "id")).toList();
        }
    }

    public void replaceUnverified(DbExecute tx, UUID id, String displayName, String passwordHash) {
        tx.dml("UPDATE identity.users SET display_name = ?, password_hash = ?, updated_at = now() WHERE id = ?",
                displayName, passwordHash, id);
    }

    public void setPassword(DbExecute tx, UUID id, String hash) {
        tx.dml("UPDATE identity.users SET password_hash = ?, updated_at = now() WHERE id = ?", hash, id);
    }

    public void markVerified(DbExecute tx, UUID id) {
        tx.dml("UPDATE identity.users SET email_verified = true, updated_at = now() WHERE id = ?", id);
    }

    public void touchLogin(DbExecute tx, UUID id, Instant at) {
        tx.dml("UPDATE identity.users SET last_login_at = ? WHERE id = ?", Rows.param(at), id);
    }

    public void updateProfile(DbExecute tx, UUID id, ProfileUpdate p) {
        tx.dml("""
                UPDATE identity.users SET display_name = coalesce(?, display_name),
                  bio = CASE WHEN ?::text IS NULL THEN bio WHEN ?::text = '' THEN NULL ELSE ?::text END,
                  avatar_media_id = coalesce(?::uuid, avatar_media_id), timezone = coalesce(?, timezone),
                  locale = coalesce(?, locale), updated_at = now()
                WHERE id = ?""", p.displayName(), p.bio(), p.bio(), p.bio(), p.avatarMediaId(), p.timezone(),
                p.locale(), id);
    }

    public void setRole(DbExecute tx, UUID id, Role role) {
        tx.dml("UPDATE identity.users SET role = ?, updated_at = now() WHERE id = ?", role.name(), id);
    }

    public void setActive(DbExecute tx, UUID id, boolean active) {
        tx.dml("UPDATE identity.users SET active = ?, updated_at = now() WHERE id = ?", active, id);
    }

    public void setTotp(DbExecute tx, UUID id, byte[] secret, boolean enabled) {
        tx.dml("UPDATE identity.users SET totp_secret = ?, totp_enabled = ?, totp_last_step = 0 WHERE id = ?",
                secret, enabled, id);
    }

    /** Records the TOTP step just used; false if it (or a later one) was used before — a replay. */
    public boolean advanceTotpStep(DbExecute tx, UUID id, long step) {
        return tx.dml("UPDATE identity.users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                step, id, step) == 1;
    }

    /** Erases personal data; the row stays (ids in financial records still point at it) but names no one. */
    public void anonymise(DbExecute tx, UUID id) {
        tx.dml("""
                UPDATE identity.users SET email = 'deleted-' || id || '@deleted.invalid', display_name = 'Deleted user',
                  password_hash = NULL, bio = NULL, avatar_media_id = NULL, totp_secret = NULL, totp_enabled = false,
                  active = false, deleted_at = now(), updated_at = now()
                WHERE id = ?""", id);
    }

    /**
     * Admin search by email or name fragment, role and state; newest first.
     *
     * @param query  text in email or name
     * @param role   role
     * @param active active or not
     * @param limit  page size
     * @param after  cursor
     * @return a page
     */
    public Page<AccountSummary> search(DbExecute db, Optional<String> query, Optional<Role> role,
                                       Optional<Boolean> active, int limit, Optional<PageCursor> after) {
        String like = query.map(q -> "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%").orElse(null);
        Object at = after.map(c -> (Object) Rows.param(c.at())).orElse(null);
        List<AccountSummary> items;
        try (var rows = db.query("""
                SELECT * FROM identity.users WHERE deleted_at IS NULL
                  AND (?::text IS NULL OR lower(email) LIKE ?::text OR lower(display_name) LIKE ?::text)
                  AND (?::text IS NULL OR role = ?::text) AND (?::boolean IS NULL OR active = ?::boolean)
                  AND (?::timestamptz IS NULL OR (created_at, id) < (?::timestamptz, ?::uuid))
                ORDER BY created_at DESC, id DESC LIMIT ?""", like, like, like,
                role.map(Role::name).orElse(null), role.map(Role::name).orElse(null), active.orElse(null),
                active.orElse(null), at, at, after.map(PageCursor::id).orElse(null), limit + 1)) {
            items = new ArrayList<>(rows.map(r -> record(r).summary()).toList());
        }
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        AccountSummary last = items.get(limit - 1);
        return new Page<>(items.subList(0, limit), new PageCursor(last.createdAt(), last.id()).encode());
    }

    public static UserRecord record(DbRow r) {
        Object avatar = Rows.value(r, "avatar_media_id");
        Object last = Rows.value(r, "last_login_at");
        return new UserRecord(Rows.uuid(r, "id"), Rows.text(r, "email"), Rows.text(r, "display_name"),
                Role.valueOf(Rows.text(r, "role")), Rows.text(r, "password_hash"), Rows.flag(r, "email_verified"),
                Rows.flag(r, "active"), Rows.text(r, "bio"), avatar == null ? null : Rows.uuid(r, "avatar_media_id"),
                Rows.text(r, "timezone"), Rows.text(r, "locale"), (byte[]) Rows.value(r, "totp_secret"),
                Rows.flag(r, "totp_enabled"), Rows.number(r, "totp_last_step"), Rows.instant(r, "created_at"),
                last == null ? null : Rows.instant(r, "last_login_at"));
    }
}
