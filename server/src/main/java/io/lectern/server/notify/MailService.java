package io.lectern.server.notify;

import io.helidon.dbclient.DbTransaction;
import io.lectern.server.notify.internal.MailTemplates;
import io.lectern.server.platform.events.EventBus;

/**
 * Sends mail reliably: {@link #send} renders the template and writes the mail into the outbox inside the caller's
 * transaction, so it goes out exactly when the caller's change commits; the outbox delivers it after commit and
 * retries on failure.
 */
public final class MailService {

    private final EventBus events;
    private final MailTemplates templates;
    private final io.lectern.server.platform.privacy.PersonalData personalData;

    public MailService(EventBus events, MailTemplates templates,
                       io.lectern.server.platform.privacy.PersonalData personalData) {
        this.events = events;
        this.templates = templates;
        this.personalData = personalData;
    }

    /** The mail people were sent and the server kept (the dev mailbox), for the data export and account deletion. */
    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return personalData;
    }

    public void send(DbTransaction tx, Mail mail) {
        MailTemplates.Rendered rendered = templates.render(mail.template(), mail.locale(), mail.args());
        events.publish(tx, new MailRequested(mail.to(), rendered.subject(), rendered.body(), mail.template()));
    }

    /** Whether a language has its own templates (others get English). */
    public boolean supportsLocale(String languageTag) {
        return templates.supported().contains(languageTag);
    }
}
