package io.lectern.server.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code application.yaml} (path in {@code LECTERN_CONFIG}, else {@code ./application.yaml} when present)
 * and {@code LECTERN_*} environment variables into a validated {@link LecternConfig}.
 */
public final class ConfigLoader {

    /** The platform's own keys; each module brings its own ({@link ModuleSettings#keys()}). */
    static final Set<String> KEYS = Set.of("host", "port", "data-dir", "db.url", "db.user", "db.password",
            "db.pool-size", "redis.url", "admin.email", "admin.password", "seed-demo", "outbox.poll-millis",
            "http.max-json-bytes", "http.trust-forwarded-for", "redis.key-prefix", "secret-key",
            "auth.rate-limit-factor", "public-url", "http.cors-origins", "management.port", "management.host",
            "http.header-timeout-seconds");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private ConfigLoader() {
    }

    /**
     * Reads and validates the platform settings and every module's.
     *
     * @param env     the process environment ({@code LECTERN_*} variables, {@code LECTERN_CONFIG}, {@code XDG_DATA_HOME})
     * @param modules the readers of every module's settings; their keys are the only others a YAML file may use
     * @return the configuration, holding each module's settings as read
     * @throws ConfigException when the file is missing or invalid, or a key unknown, or a value wrong
     */
    public static LecternConfig load(Map<String, String> env, Collection<ModuleSettings<?>> modules) {
        Optional<Path> yamlPath = Optional.ofNullable(env.get("LECTERN_CONFIG")).map(Path::of)
                .or(() -> Optional.of(Path.of("application.yaml")).filter(Files::isRegularFile));
        Map<String, String> yaml = yamlPath.map(ConfigLoader::readYaml).orElse(Map.of());
        Settings s = Settings.from(keys(modules), yaml, yamlPath.map(Path::toString).orElse("application.yaml"), env);
        LecternConfig config = build(s, env);
        for (ModuleSettings<?> module : modules) {
            config = config.withModule(module.read(s, config));
        }
        return config;
    }

    /** The platform's keys, then each module's; a key two of them claim is a programming error. */
    private static Set<String> keys(Collection<ModuleSettings<?>> modules) {
        Set<String> all = new LinkedHashSet<>(new TreeSet<>(KEYS));
        for (ModuleSettings<?> module : modules) {
            for (String key : new TreeSet<>(module.keys())) {
                if (!all.add(key)) {
                    throw new IllegalStateException("Setting '" + key + "' of " + module.type().getSimpleName()
                            + " is also claimed by the platform or another module.");
                }
            }
        }
        return all;
    }

    static LecternConfig build(Settings s, Map<String, String> env) {
        Optional<LecternConfig.DatabaseSettings> db = s.text("db.url").map(url -> {
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new ConfigException(s.origin("db.url") + " must be a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://localhost:5432/lectern, but is '" + url + "'.");
            }
            return new LecternConfig.DatabaseSettings(url, s.text("db.user").orElse("lectern"),
                    s.text("db.password").orElse(""), s.integer("db.pool-size", 16, 2, 500));
        });
        Optional<String> redis = s.text("redis.url");
        redis.filter(u -> !u.startsWith("redis://") && !u.startsWith("rediss://")).ifPresent(u -> {
            throw new ConfigException(s.origin("redis.url") + " must look like redis://host:6379, but is '" + u + "'.");
        });
        String adminEmail = s.text("admin.email").orElse("admin@lectern.local");
        if (!EMAIL.matcher(adminEmail).matches()) {
            throw new ConfigException(s.origin("admin.email") + " must be an email address, but is '" + adminEmail + "'.");
        }
        Optional<String> adminPassword = s.text("admin.password");
        adminPassword.filter(p -> p.length() < 10).ifPresent(p -> {
            throw new ConfigException(s.origin("admin.password") + " must have at least 10 characters.");
        });
        return new LecternConfig(s.text("host").orElse("0.0.0.0"), s.integer("port", 8080, 0, 65535),
                dataDir(s, env), db, redis, s.text("redis.key-prefix").orElse("lectern:"), adminEmail, adminPassword,
                s.bool("seed-demo", db.isEmpty()), Duration.ofMillis(s.integer("outbox.poll-millis", 1000, 10, 60_000)),
                s.integer("http.max-json-bytes", 1 << 20, 1024, 64 << 20), s.bool("http.trust-forwarded-for", false),
                secretKey(s), s.integer("auth.rate-limit-factor", 1, 1, 1000), publicUrl(s), http(s), s, Map.of());
    }

    private static Optional<String> secretKey(Settings s) {
        Optional<String> secret = s.text("secret-key");
        secret.ifPresent(k -> {
            byte[] key;
            try {
                key = java.util.Base64.getDecoder().decode(k);
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (key.length < 32) {
                throw new ConfigException(s.origin("secret-key") + " must be Base64 of at least 32 random bytes "
                        + "(make one with: openssl rand -base64 32).");
            }
        });
        return secret;
    }

    private static HttpSettings http(Settings s) {
        java.util.List<String> origins = java.util.Arrays.stream(s.text("http.cors-origins").orElse("").split(","))
                .map(String::strip).filter(o -> !o.isEmpty()).toList();
        origins.stream().filter(o -> !o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")).findFirst().ifPresent(o -> {
            throw new ConfigException(s.origin("http.cors-origins") + " must list origins such as "
                    + "https://learn.example.com (scheme, host and port, no path), but has '" + o + "'.");
        });
        return new HttpSettings(origins, s.integer("management.port", 8081, -1, 65535),
                s.text("management.host").orElse("127.0.0.1"),
                Duration.ofSeconds(s.integer("http.header-timeout-seconds", 10, 1, 600)));
    }

    private static String publicUrl(Settings s) {
        String url = s.text("public-url").orElse("http://localhost:" + s.integer("port", 8080, 0, 65535));
        if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new ConfigException(s.origin("public-url") + " must look like https://learn.example.com, but is '"
                    + url + "'.");
        }
        return url.replaceAll("/+$", "");
    }

    private static Path dataDir(Settings s, Map<String, String> env) {
        Optional<String> configured = s.text("data-dir");
        if (configured.isPresent()) {
            return Path.of(configured.get()).toAbsolutePath();
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("lectern").toAbsolutePath();
    }

    private static Map<String, String> readYaml(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("Config file " + path + " (LECTERN_CONFIG) does not exist.");
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
            Map<String, String> flat = new LinkedHashMap<>();
            if (root != null) {
                flatten("", root, flat);
            }
            return flat;
        } catch (IOException e) {
            throw new ConfigException("Config file " + path + " is not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
