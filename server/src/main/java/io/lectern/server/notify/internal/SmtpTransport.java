package io.lectern.server.notify.internal;

import io.lectern.server.notify.MailRequested;
import io.lectern.server.notify.MailSettings;
import io.lectern.server.platform.events.Delivery;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Delivers outbox mail over SMTP with Jakarta Mail (Eclipse Angus). The Message-ID is derived from the outbox
 * row, so the rare repeat after a crash between sending and marking done is recognisably the same mail.
 */
public final class SmtpTransport {

    private static final Logger LOG = Logger.getLogger(SmtpTransport.class.getName());

    private final Session session;
    private final String from;

    public SmtpTransport(MailSettings.Smtp smtp, String from) {
        this.from = from;
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.security() == MailSettings.Security.STARTTLS));
        p.put("mail.smtp.starttls.required", Boolean.toString(smtp.security() == MailSettings.Security.STARTTLS));
        p.put("mail.smtp.ssl.enable", Boolean.toString(smtp.security() == MailSettings.Security.TLS));
        p.put("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
        Authenticator auth = smtp.username().map(user -> (Authenticator) new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, smtp.password());
            }
        }).orElse(null);
        this.session = Session.getInstance(p, auth);
    }

    public void deliver(MailRequested mail, Delivery delivery) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + delivery.id() + "@lectern>");
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setSentDate(new Date());
        Transport.send(message);
        LOG.info(() -> "Mail " + mail.template() + " to " + mail.maskedTo() + " sent (attempt " + delivery.attempt()
                + ")");
    }
}
