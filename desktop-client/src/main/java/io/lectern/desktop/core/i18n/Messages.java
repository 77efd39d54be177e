package io.lectern.desktop.core.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words the app shows, in the learner's language: {@code messages.properties} (English) under
 * {@code io/lectern/desktop/i18n/}, with a {@code messages_xx.properties} per translation. Every text goes through
 * {@link MessageFormat}, so {@code {0}} takes an argument (numbers and dates in the language's own style) and an
 * apostrophe is written twice ({@code can''t}). The language is chosen once at start (Settings, else the system's).
 */
public final class Messages {

    /** The languages the app speaks, English first (the fallback for any text or language not translated). */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("es"));

    private static final String BUNDLE = "io.lectern.desktop.i18n.messages";
    private static volatile Locale locale = Locale.ENGLISH;
    private static volatile ResourceBundle bundle = load(Locale.ENGLISH);

    private Messages() {
    }

    /** Speaks the given language from now on; one not translated (or {@code null}) falls back to English. */
    public static void use(Locale wanted) {
        Locale chosen = supported(wanted);
        bundle = load(chosen);
        locale = chosen;
    }

    /** The supported language closest to the one asked for: same language, else English. */
    public static Locale supported(Locale wanted) {
        if (wanted == null) {
            return Locale.ENGLISH;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** The language in use, for formatting dates and numbers beside the texts. */
    public static Locale locale() {
        return locale;
    }

    /** The text under a key, its {@code {n}} filled from the arguments; the key itself when none is found. */
    public static String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** Whether the language in use has a text under the key. */
    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The language's own name for itself ("Deutsch"), as offered in Settings. */
    public static String nameOf(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.toLanguageTag() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    private static ResourceBundle load(Locale chosen) {
        return ResourceBundle.getBundle(BUNDLE, chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
