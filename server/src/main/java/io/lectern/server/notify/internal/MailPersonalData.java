package io.lectern.server.notify.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.privacy.PersonalData;
import java.util.Set;

/** Mail's part: without SMTP, the dev mailbox keeps the mails sent to the person; exported, and erased with them. */
public final class MailPersonalData implements PersonalData {

    private final DevMailbox mailbox;

    public MailPersonalData(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public String section() {
        return "mail";
    }

    @Override
    public Set<String> tables() {
        return Set.of("notify.dev_mailbox");
    }

    @Override
    public Object export(DbExecute db, Person person) {
        return mailbox.to(db, person.email());
    }

    @Override
    public void erase(DbExecute tx, Person person) {
        mailbox.erase(tx, person.email());
    }
}
