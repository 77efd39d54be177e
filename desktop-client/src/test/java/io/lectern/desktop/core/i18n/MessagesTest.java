package io.lectern.desktop.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The translations: complete, with the same placeholders, valid patterns, and the language switch itself. */
class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void everyLanguageHasEveryTextAndNoOther() throws IOException {
        Properties english = bundle("");
        assertTrue(english.size() > 250, "the English texts: " + english.size());
        for (Locale l : Messages.SUPPORTED.subList(1, Messages.SUPPORTED.size())) {
            Properties other = bundle("_" + l.toLanguageTag());
            Set<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(other.stringPropertyNames());
            Set<String> extra = new TreeSet<>(other.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            assertEquals(Set.of(), missing, l + " lacks these texts");
            assertEquals(Set.of(), extra, l + " has texts English does not");
            List<String> differing = new ArrayList<>();
            for (String key : english.stringPropertyNames()) {
                if (!placeholders(english.getProperty(key)).equals(placeholders(other.getProperty(key)))) {
                    differing.add(key);
                }
            }
            assertEquals(List.of(), differing, l + ": placeholders differ from English");
        }
    }

    @Test
    void everyTextIsAValidPatternWithoutALoneApostrophe() throws IOException {
        for (Locale l : Messages.SUPPORTED) {
            Properties texts = bundle(l == Locale.ENGLISH ? "" : "_" + l.toLanguageTag());
            List<String> bad = new ArrayList<>();
            for (String key : texts.stringPropertyNames()) {
                String value = texts.getProperty(key);
                if (value.replace("''", "").contains("'") || value.isBlank()) {
                    bad.add(key);
                    continue;
                }
                Object[] args = new Object[10];
                java.util.Arrays.fill(args, 2);
                try {
                    String out = new MessageFormat(value, l).format(args);
                    if (out.contains("{")) {
                        bad.add(key);
                    }
                } catch (IllegalArgumentException e) {
                    bad.add(key + " (" + e.getMessage() + ")");
                }
            }
            assertEquals(List.of(), bad, l + ": texts that are not valid patterns (an apostrophe is written '')");
        }
    }

    @Test
    void theChosenLanguageIsSpokenAndNumbersFollowIt() {
        assertEquals("Saved.", Messages.tr("settings.saved"));
        Messages.use(Locale.GERMAN);
        assertEquals("Gespeichert.", Messages.tr("settings.saved"));
        assertTrue(Messages.tr("settings.quota.range", 1, 10_000).contains("10.000"), "German groups with a dot");
        Messages.use(Locale.forLanguageTag("es-MX"));
        assertEquals(Locale.forLanguageTag("es"), Messages.locale());
        assertEquals("Guardado.", Messages.tr("settings.saved"));
        Messages.use(Locale.JAPANESE);
        assertEquals(Locale.ENGLISH, Messages.locale(), "a language not translated falls back to English");
        assertEquals("Saved.", Messages.tr("settings.saved"));
        assertEquals("no.such.key", Messages.tr("no.such.key"));
        assertEquals("Deutsch", Messages.nameOf(Locale.GERMAN));
        assertEquals("Español", Messages.nameOf(Locale.forLanguageTag("es")));
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(
                "/io/lectern/desktop/i18n/messages" + suffix + ".properties")) {
            assertTrue(in != null, "messages" + suffix + ".properties is on the class path");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
