package io.lectern.server.notify.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Mail texts from the {@code mail/messages} resource bundles ({@code <template>.subject} and
 * {@code <template>.body}, {@link MessageFormat} patterns), in the recipient's language with English fallback.
 */
public final class MailTemplates {

    private static final Set<String> SUPPORTED = Set.of("en", "de");

    /**
     * A rendered mail.
     *
     * @param subject subject line
     * @param body    plain-text body
     */
    public record Rendered(String subject, String body) {
    }

    public Set<String> supported() {
        return SUPPORTED;
    }

    public Rendered render(String template, Locale locale, List<String> args) {
        Locale chosen = SUPPORTED.contains(locale.getLanguage()) ? locale : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle("mail.messages", chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            Object[] values = args.toArray();
            return new Rendered(new MessageFormat(bundle.getString(template + ".subject"), chosen).format(values),
                    new MessageFormat(bundle.getString(template + ".body"), chosen).format(values));
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No mail template " + template, e);
        }
    }
}
