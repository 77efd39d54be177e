package io.lectern.server.notify;

import java.util.List;
import java.util.Locale;

/**
 * A mail to send, by template.
 *
 * @param to       recipient address
 * @param template template name, e.g. {@code verify-email}
 * @param locale   recipient's language (falls back to English)
 * @param args     template arguments {0}, {1}, ... in order
 */
public record Mail(String to, String template, Locale locale, List<String> args) {

    public Mail {
        args = List.copyOf(args);
    }
}
