package io.lectern.server.notify;

/**
 * A rendered mail waiting in the outbox.
 *
 * @param to      recipient
 * @param subject subject line
 * @param body    plain-text body
 */
public record MailRequested(String to, String subject, String body) {

    @Override
    public String toString() {
        return "MailRequested[to=" + to + ", subject=" + subject + "]";
    }
}
