package io.lectern.server.identity.internal.oidc;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Which provider accounts sign in as which Lectern account ({@code identity.oidc_links}). */
public final class OidcLinkStore {

    Optional<UUID> linkedUser(DbExecute tx, String provider, String subject) {
        return tx.get("SELECT user_id FROM identity.oidc_links WHERE provider = ? AND subject = ?", provider, subject)
                .map(r -> Rows.uuid(r, "user_id"));
    }

    void link(DbExecute tx, String provider, String subject, UUID userId, String email) {
        tx.insert("INSERT INTO identity.oidc_links (provider, subject, user_id, email) VALUES (?, ?, ?, ?)",
                provider, subject, userId, email);
    }

    /** A user's linked providers, for their data export. */
    public List<Map<String, String>> export(DbExecute db, UUID userId) {
        try (var rows = db.query("SELECT provider, email, created_at FROM identity.oidc_links WHERE user_id = ?",
                userId)) {
            return rows.map(r -> Map.of("provider", Rows.text(r, "provider"), "email", Rows.text(r, "email"),
                    "linkedAt", Rows.instant(r, "created_at").toString())).toList();
        }
    }

    public void deleteAll(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM identity.oidc_links WHERE user_id = ?", userId);
    }
}
