package io.lectern.server.platform.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raw settings by dotted key ({@code db.url}), each remembering where it came from so an error can name the
 * YAML key or environment variable the user has to fix. Environment variables override the YAML file.
 */
public final class Settings {

    /** A value and a human description of its origin. */
    record Entry(String value, String origin) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    static String envName(String key) {
        return "LECTERN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Builds settings for the known keys from a flattened YAML map and the process environment. */
    static Settings from(Set<String> knownKeys, Map<String, String> yaml, String yamlName, Map<String, String> env) {
        Settings settings = new Settings();
        for (var e : yaml.entrySet()) {
            if (!knownKeys.contains(e.getKey())) {
                throw new ConfigException("Unknown setting '" + e.getKey() + "' in " + yamlName
                        + "; known settings are " + String.join(", ", knownKeys) + ".");
            }
            settings.entries.put(e.getKey(), new Entry(e.getValue(), "'" + e.getKey() + "' in " + yamlName));
        }
        for (String key : knownKeys) {
            String value = env.get(envName(key));
            if (value != null) {
                settings.entries.put(key, new Entry(value, "environment variable " + envName(key)));
            }
        }
        return settings;
    }

    /**
     * The value of a key, stripped; empty when unset or blank.
     *
     * @param key dotted key, such as {@code mail.smtp.host}
     * @return the value, if set
     */
    public Optional<String> text(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * Where a key's value came from, for error messages: the YAML key and file, the environment variable, or (when
     * unset) the key and its environment variable.
     *
     * @param key dotted key
     * @return a description such as {@code environment variable LECTERN_PORT}
     */
    public String origin(String key) {
        Entry entry = entries.get(key);
        return entry == null ? "setting '" + key + "' (" + envName(key) + ")" : entry.origin();
    }

    /**
     * A value that must be present because {@code because} is set.
     *
     * @param key     dotted key of the required value
     * @param because dotted key whose being set requires it
     * @return the value
     * @throws ConfigException when it is missing
     */
    public String required(String key, String because) {
        return text(key).orElseThrow(() -> new ConfigException(origin(key) + " is required when " + origin(because)
                + " is set."));
    }

    /**
     * A whole number within bounds.
     *
     * @param key      dotted key
     * @param fallback the value when unset
     * @param min      smallest allowed value
     * @param max      largest allowed value
     * @return the value, or {@code fallback}
     * @throws ConfigException when it is not a whole number from {@code min} to {@code max}
     */
    public int integer(String key, int fallback, int min, int max) {
        Optional<String> raw = text(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new ConfigException(origin(key) + " must be a whole number from " + min + " to " + max
                + ", but is '" + raw.get() + "'.");
    }

    /**
     * A yes/no value ({@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0}).
     *
     * @param key      dotted key
     * @param fallback the value when unset
     * @return the value, or {@code fallback}
     * @throws ConfigException when it is none of those
     */
    public boolean bool(String key, boolean fallback) {
        Optional<String> raw = text(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(origin(key) + " must be true or false, but is '" + raw.get() + "'.");
        };
    }
}
