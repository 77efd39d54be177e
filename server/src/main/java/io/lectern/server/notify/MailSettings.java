package io.lectern.server.notify;

import io.lectern.server.platform.config.ConfigException;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.config.ModuleSettings;
import io.lectern.server.platform.config.Settings;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Outgoing mail. Without SMTP, mails land in the dev mailbox (a table admins can read) and the log.
 *
 * @param smtp the SMTP server, if any
 * @param from the From address
 */
public record MailSettings(Optional<Smtp> smtp, String from) {

    /** The keys this module reads. */
    public static final Set<String> KEYS = Set.of("mail.from", "mail.smtp.host", "mail.smtp.port", "mail.smtp.user",
            "mail.smtp.password", "mail.smtp.security");

    /** Reads this module's settings; {@code LecternConfig.module(MailSettings.READER)} gives them. */
    public static final ModuleSettings<MailSettings> READER = ModuleSettings.of(MailSettings.class, KEYS,
            MailSettings::read);

    public static final MailSettings DEV_MAILBOX = new MailSettings(Optional.empty(), "Lectern <no-reply@lectern.local>");

    /** How the SMTP connection is secured. */
    public enum Security { NONE, STARTTLS, TLS }

    /**
     * An SMTP server.
     *
     * @param host     host name
     * @param port     port
     * @param username user, or empty for no authentication
     * @param password password
     * @param security NONE, STARTTLS or TLS
     */
    public record Smtp(String host, int port, Optional<String> username, String password, Security security) {

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username.orElse("-") + ", security="
                    + security + "]";
        }
    }

    /**
     * Reads and validates the mail settings.
     *
     * @param s        the raw settings
     * @param platform the platform settings (unused: mail needs none of them)
     * @return the settings; the dev mailbox unless an SMTP host is set
     * @throws ConfigException when a value is wrong
     */
    public static MailSettings read(Settings s, LecternConfig platform) {
        Optional<Smtp> smtp = s.text("mail.smtp.host").map(host -> {
            Security security;
            String raw = s.text("mail.smtp.security").orElse("starttls").toUpperCase(Locale.ROOT);
            try {
                security = Security.valueOf(raw);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(s.origin("mail.smtp.security") + " must be none, starttls or tls, but is '"
                        + raw.toLowerCase(Locale.ROOT) + "'.");
            }
            int defaultPort = security == Security.TLS ? 465 : 587;
            return new Smtp(host, s.integer("mail.smtp.port", defaultPort, 1, 65535),
                    s.text("mail.smtp.user"), s.text("mail.smtp.password").orElse(""), security);
        });
        return new MailSettings(smtp, s.text("mail.from").orElse(DEV_MAILBOX.from()));
    }

    @Override
    public String toString() {
        return "MailSettings[smtp=" + smtp.map(Smtp::toString).orElse("dev mailbox") + ", from=" + from + "]";
    }
}
