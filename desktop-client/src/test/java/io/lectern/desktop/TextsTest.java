package io.lectern.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Keeps the app translatable: every text key the code asks for exists, every text kept is used, and no English
 * sentence or label is written into the code (it would show untranslated).
 */
class TextsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/lectern/desktop");
    private static final Pattern KEY_USE = Pattern.compile("\\btr\\(\\s*\"([a-zA-Z0-9_.]+)\"\\s*(\\+)?");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Text a person would read: a capital letter starting a word, then lower-case letters. */
    private static final Pattern WORDS = Pattern.compile("^[A-Z][a-z]+(?:[ ,.:;!?…\\u2026]|$)");
    /** Literals that look like words but are not shown to anyone as sentences (names, protocol words). */
    private static final Set<String> NOT_TEXT = Set.of("Lectern", "Bearer", "Basic", "Retry-After", "Idempotency-Key",
            "Accept", "Authorization", "Content-Type", "Range", "Location", "Upload-Offset", "Upload-Length",
            "Upload-Metadata", "Upload-Checksum", "Tus-Resumable", "Bearer ", "Connection", "Linux", "Monospaced",
            "Lectern desktop settings", "Error", "Not ready");

    @Test
    void everyKeyAskedForExistsAndEveryTextIsUsed() throws IOException {
        Properties english = english();
        Set<String> asked = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        Set<String> literals = new TreeSet<>();
        for (Path file : sources()) {
            String code = Files.readString(file);
            Matcher m = KEY_USE.matcher(code);
            while (m.find()) {
                (m.group(2) != null ? prefixes : asked).add(m.group(1));
            }
            Matcher l = LITERAL.matcher(code);
            while (l.find()) {
                literals.add(l.group(1));
            }
        }
        Set<String> missing = new TreeSet<>(asked);
        missing.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), missing, "keys the code asks for that messages.properties lacks");
        Set<String> unused = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (!literals.contains(key) && prefixes.stream().noneMatch(key::startsWith) && !key.startsWith("problem.")) {
                unused.add(key);
            }
        }
        assertEquals(Set.of(), unused, "texts no code uses");
    }

    /** A translated refusal ({@code problem.<code>}, see ProblemText) names a code the server really sends. */
    @Test
    void everyTranslatedRefusalIsOneTheServerSends() throws IOException {
        Path server = Path.of("../server/src/main/java");
        Assumptions.assumeTrue(Files.isDirectory(server), "the server's sources are beside this module");
        StringBuilder code = new StringBuilder();
        try (Stream<Path> all = Files.walk(server)) {
            for (Path p : all.filter(f -> f.toString().endsWith(".java")).toList()) {
                code.append(Files.readString(p));
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (String key : english().stringPropertyNames()) {
            if (key.startsWith("problem.") && !code.toString().contains("\"" + key.substring(8) + "\"")) {
                unknown.add(key);
            }
        }
        assertEquals(Set.of(), unknown, "refusal codes the server does not send (renamed?)");
    }

    @Test
    void noTextIsWrittenIntoTheCode() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("/") || line.contains("throw new Illegal")
                        || line.contains("LOG.") || line.contains("Logger")) {
                    continue; // comments, programming errors and logs are for developers
                }
                Matcher l = LITERAL.matcher(line);
                while (l.find()) {
                    String text = l.group(1);
                    if (WORDS.matcher(text).find() && !NOT_TEXT.contains(text)) {
                        found.add(SOURCES.relativize(file) + ":" + (i + 1) + " \"" + text + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "texts written into the code instead of messages.properties");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> all = Files.walk(SOURCES)) {
            return all.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Properties english() throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/io/lectern/desktop/i18n/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
