package io.lectern.server.notify.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.util.List;
import java.util.UUID;

/** The mails the dev mailbox captured ({@code notify.dev_mailbox}). */
final class DevMailboxStore {

    /** Keeps a mail once per outbox delivery. */
    void add(DbExecute tx, UUID id, String to, String subject, String body) {
        tx.dml("""
                INSERT INTO notify.dev_mailbox (id, to_address, subject, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""", id, to, subject, body);
    }

    /** The mails to an address, oldest first. */
    List<DevMailbox.CapturedMail> to(DbExecute db, String address) {
        try (var rows = db.query("""
                SELECT id, to_address, subject, body, created_at FROM notify.dev_mailbox
                 WHERE lower(to_address) = lower(?) ORDER BY created_at, id""", address)) {
            return rows.map(DevMailboxStore::mail).toList();
        }
    }

    /** Deletes the mails to an address; returns their ids. */
    List<UUID> deleteTo(DbExecute tx, String address) {
        try (var rows = tx.query("DELETE FROM notify.dev_mailbox WHERE lower(to_address) = lower(?) RETURNING id",
                address)) {
            return rows.map(r -> Rows.uuid(r, "id")).toList();
        }
    }

    /** The newest mails, to one address when {@code to} is given. */
    List<DevMailbox.CapturedMail> newest(DbExecute db, String to, int limit) {
        try (var rows = db.query("""
                SELECT id, to_address, subject, body, created_at FROM notify.dev_mailbox
                WHERE (?::text IS NULL OR lower(to_address) = lower(?::text))
                ORDER BY created_at DESC, id DESC LIMIT ?""", to, to, limit)) {
            return rows.map(DevMailboxStore::mail).toList();
        }
    }

    private static DevMailbox.CapturedMail mail(io.helidon.dbclient.DbRow r) {
        return new DevMailbox.CapturedMail(Rows.uuid(r, "id"), Rows.text(r, "to_address"), Rows.text(r, "subject"),
                Rows.text(r, "body"), Rows.instant(r, "created_at"));
    }
}
