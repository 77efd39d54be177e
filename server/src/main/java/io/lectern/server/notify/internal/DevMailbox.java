package io.lectern.server.notify.internal;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.common.Page;
import io.lectern.server.notify.MailRequested;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.events.Delivery;
import io.lectern.server.platform.files.OwnerOnly;
import io.lectern.server.platform.http.QueryParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Where mail goes when no SMTP server is configured: a table admins read at {@code /api/v1/admin/dev-mailbox}, and
 * a text file per mail under {@code <data-dir>/mailbox/} readable by the server's user only ({@code ./lectern mailbox}
 * prints the newest), so a newcomer on the embedded default can finish sign-up. The log says a mail arrived, never
 * what it says: codes in it are secrets. Stored once per outbox delivery.
 */
public final class DevMailbox {

    private static final Logger LOG = Logger.getLogger(DevMailbox.class.getName());
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss.SSS")
            .withZone(ZoneOffset.UTC);

    /**
     * A captured mail.
     *
     * @param id      outbox delivery id
     * @param to      recipient
     * @param subject subject
     * @param body    text
     * @param at      when it was captured
     */
    public record CapturedMail(UUID id, String to, String subject, String body, Instant at) {
    }

    private final Database database;
    private final Clock clock;
    private final Json json;
    private final Path dataDir;
    private final Path folder;

    public DevMailbox(Database database, Clock clock, Json json, Path dataDir) {
        this.database = database;
        this.clock = clock;
        this.json = json;
        this.dataDir = dataDir;
        this.folder = dataDir.resolve("mailbox");
    }

    public void deliver(MailRequested mail, Delivery delivery) {
        delivery.tx().dml("""
                INSERT INTO notify.dev_mailbox (id, to_address, subject, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""", delivery.id(), mail.to(), mail.subject(), mail.body());
        Path file = write(mail, delivery.id());
        LOG.info(() -> "Dev mailbox (no SMTP configured): a " + mail.template() + " mail to " + mail.maskedTo()
                + " is in " + file + " (./lectern mailbox prints the newest; admins: GET /api/v1/admin/dev-mailbox)");
    }

    private Path write(MailRequested mail, UUID id) {
        String name = FILE_TIME.format(clock.instant()) + "-" + id + ".txt";
        try {
            Path file = OwnerOnly.directory(folder).resolve(name);
            Files.writeString(file, "", StandardCharsets.UTF_8); // closed to others before the code goes in
            OwnerOnly.file(file);
            Files.writeString(file, "To: " + mail.to() + "\nSubject: " + mail.subject() + "\n\n" + mail.body() + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return file;
        } catch (IOException e) {
            LOG.warning("The dev mailbox could not write " + name + " (" + e.getClass().getSimpleName()
                    + "); admins still read it at GET /api/v1/admin/dev-mailbox");
            return folder.resolve(name);
        }
    }

    /** The dev mailbox's mails to an address (data export). */
    public List<CapturedMail> to(io.helidon.dbclient.DbExecute db, String address) {
        try (var rows = db.query("""
                SELECT id, to_address, subject, body, created_at FROM notify.dev_mailbox
                 WHERE lower(to_address) = lower(?) ORDER BY created_at, id""", address)) {
            return rows.map(r -> new CapturedMail(Rows.uuid(r, "id"), Rows.text(r, "to_address"),
                    Rows.text(r, "subject"), Rows.text(r, "body"), Rows.instant(r, "created_at"))).toList();
        }
    }

    /**
     * Forgets the mails to an address: the rows and their files (the files at once: account deletion erases mail
     * after every eraser that may still refuse).
     */
    public void erase(io.helidon.dbclient.DbExecute tx, String address) {
        List<UUID> ids;
        try (var rows = tx.query("DELETE FROM notify.dev_mailbox WHERE lower(to_address) = lower(?) RETURNING id",
                address)) {
            ids = rows.map(r -> Rows.uuid(r, "id")).toList();
        }
        if (ids.isEmpty() || !Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(f -> ids.stream().anyMatch(id -> f.getFileName().toString().contains(id.toString())))
                    .toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.warning("Some dev mailbox files of a deleted account could not be removed ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** GET /api/v1/admin/dev-mailbox?to=&amp;limit= — newest first. */
    public void list(ServerRequest req, ServerResponse res) {
        int limit = QueryParams.limit(req, 50, 200);
        String to = req.query().first("to").orElse(null);
        List<CapturedMail> mails;
        try (var rows = database.execute().query("""
                SELECT id, to_address, subject, body, created_at FROM notify.dev_mailbox
                WHERE (?::text IS NULL OR lower(to_address) = lower(?::text))
                ORDER BY created_at DESC, id DESC LIMIT ?""", to, to, limit)) {
            mails = rows.map(r -> new CapturedMail(Rows.uuid(r, "id"), Rows.text(r, "to_address"),
                    Rows.text(r, "subject"), Rows.text(r, "body"), Rows.instant(r, "created_at"))).toList();
        }
        json.write(res, 200, new Page<>(mails, null));
    }
}
