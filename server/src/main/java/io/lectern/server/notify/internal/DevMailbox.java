package io.lectern.server.notify.internal;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.common.Page;
import io.lectern.server.notify.MailRequested;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.Json;
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
    private final DevMailboxStore store = new DevMailboxStore();
    private final Clock clock;
    private final Json json;
    private final Path folder;

    public DevMailbox(Database database, Clock clock, Json json, Path dataDir) {
        this.database = database;
        this.clock = clock;
        this.json = json;
        this.folder = dataDir.resolve("mailbox");
    }

    public void deliver(MailRequested mail, Delivery delivery) {
        store.add(delivery.tx(), delivery.id(), mail.to(), mail.subject(), mail.body());
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
        return store.to(db, address);
    }

    /**
     * Forgets the mails to an address: the rows and their files (the files at once: account deletion erases mail
     * after every eraser that may still refuse).
     */
    public void erase(io.helidon.dbclient.DbExecute tx, String address) {
        List<UUID> ids = store.deleteTo(tx, address);
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
        json.write(res, 200, new Page<>(store.newest(database.execute(), to, limit), null));
    }
}
