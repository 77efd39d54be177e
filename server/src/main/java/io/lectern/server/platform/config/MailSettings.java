package io.lectern.server.platform.config;

import java.util.Optional;

/**
 * Outgoing mail. Without SMTP, mails land in the dev mailbox (a table admins can read) and the log.
 *
 * @param smtp the SMTP server, if any
 * @param from the From address
 */
public record MailSettings(Optional<Smtp> smtp, String from) {

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

    @Override
    public String toString() {
        return "MailSettings[smtp=" + smtp.map(Smtp::toString).orElse("dev mailbox") + ", from=" + from + "]";
    }
}
