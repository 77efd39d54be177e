package io.lectern.server.notify;

/**
 * A rendered mail waiting in the outbox.
 *
 * @param to       recipient
 * @param subject  subject line
 * @param body     plain-text body
 * @param template the template it was rendered from (for logs, which never carry a mail's text)
 */
public record MailRequested(String to, String subject, String body, String template) {

    @Override
    public String toString() {
        return "MailRequested[template=" + template + "]";
    }

    /** The recipient as logs may show it: {@code a***@example.com}. */
    public String maskedTo() {
        int at = to.indexOf('@');
        return at <= 0 ? "***" : to.charAt(0) + "***" + to.substring(at);
    }
}
