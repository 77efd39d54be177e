package io.lectern.server.notify.internal;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.common.Page;
import io.lectern.server.notify.MailRequested;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.events.Delivery;
import io.lectern.server.platform.http.QueryParams;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Where mail goes when no SMTP server is configured: a table admins read at {@code /api/v1/admin/dev-mailbox},
 * and the log, so a newcomer on the embedded default can finish sign-up. Stored once per outbox delivery.
 */
public final class DevMailbox {

    private static final Logger LOG = Logger.getLogger(DevMailbox.class.getName());

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

    private final Platform platform;

    public DevMailbox(Platform platform) {
        this.platform = platform;
    }

    public void deliver(MailRequested mail, Delivery delivery) {
        delivery.tx().dml("""
                INSERT INTO notify.dev_mailbox (id, to_address, subject, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""", delivery.id(), mail.to(), mail.subject(), mail.body());
        LOG.info(() -> "Dev mailbox (no SMTP configured) — to " + mail.to() + ": " + mail.subject() + "\n"
                + mail.body());
    }

    /** GET /api/v1/admin/dev-mailbox?to=&amp;limit= — newest first. */
    public void list(ServerRequest req, ServerResponse res) {
        int limit = QueryParams.limit(req, 50, 200);
        String to = req.query().first("to").orElse(null);
        List<CapturedMail> mails;
        try (var rows = platform.db().execute().query("""
                SELECT id, to_address, subject, body, created_at FROM notify.dev_mailbox
                WHERE (?::text IS NULL OR lower(to_address) = lower(?::text))
                ORDER BY created_at DESC, id DESC LIMIT ?""", to, to, limit)) {
            mails = rows.map(r -> new CapturedMail(Rows.uuid(r, "id"), Rows.text(r, "to_address"),
                    Rows.text(r, "subject"), Rows.text(r, "body"), Rows.instant(r, "created_at"))).toList();
        }
        platform.json().write(res, 200, new Page<>(mails, null));
    }
}
