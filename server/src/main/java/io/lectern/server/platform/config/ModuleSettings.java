package io.lectern.server.platform.config;

import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * How a business module reads its own settings. The module owns its keys, defaults and validation; the platform
 * only collects every module's keys (so an unknown YAML key is still rejected), and reads each module's settings
 * once at start so a wrong value fails there with a message naming the key.
 *
 * @param <T> the module's settings type, usually a record in the module's root package
 */
public interface ModuleSettings<T> {

    /**
     * The dotted keys (as in {@code application.yaml}, such as {@code mail.smtp.host}) this module reads; each can
     * also be set by its {@code LECTERN_*} environment variable.
     *
     * @return the module's keys
     */
    Set<String> keys();

    /**
     * Reads and validates the module's settings.
     *
     * @param s        the raw settings
     * @param platform the platform settings, already read (for values such as the public URL)
     * @return the module's settings
     * @throws ConfigException when a value is missing or wrong
     */
    T read(Settings s, LecternConfig platform);

    /**
     * The settings type; {@link LecternConfig#module(ModuleSettings)} keys the settings by it.
     *
     * @return the class of {@code T}
     */
    Class<T> type();

    /**
     * A reader from its parts.
     *
     * @param type   the settings type
     * @param keys   the keys the reader reads
     * @param reader reads and validates the settings
     * @param <T>    the settings type
     * @return the reader
     */
    static <T> ModuleSettings<T> of(Class<T> type, Set<String> keys, BiFunction<Settings, LecternConfig, T> reader) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reader, "reader");
        Set<String> copy = Set.copyOf(keys);
        return new ModuleSettings<>() {
            @Override
            public Set<String> keys() {
                return copy;
            }

            @Override
            public T read(Settings s, LecternConfig platform) {
                return reader.apply(s, platform);
            }

            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public String toString() {
                return "ModuleSettings[" + type.getSimpleName() + "]";
            }
        };
    }
}
