package io.lectern.server.notify;

import io.lectern.server.notify.internal.DevMailbox;
import io.lectern.server.notify.internal.MailPersonalData;
import io.lectern.server.notify.internal.MailTemplates;
import io.lectern.server.notify.internal.SmtpTransport;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.model.identity.Role;

/** Wires notifications: mail templates, the outbox listener that delivers mail, and the dev mailbox route. */
public final class NotifyModule {

    public static final String SCHEMA = "notify";

    private NotifyModule() {
    }

    public static MailService register(ApiRoutes routes, Platform platform) {
        DevMailbox mailbox = new DevMailbox(platform);
        var smtp = platform.config().mail().smtp();
        if (smtp.isPresent()) {
            SmtpTransport transport = new SmtpTransport(smtp.get(), platform.config().mail().from());
            platform.events().subscribe("notify.mail", MailRequested.class, transport::deliver);
        } else {
            platform.events().subscribe("notify.mail", MailRequested.class, mailbox::deliver);
        }
        routes.get("/api/v1/admin/dev-mailbox", Access.roles(Role.ADMIN), mailbox::list);
        return new MailService(platform.events(), new MailTemplates(), new MailPersonalData(mailbox));
    }
}
