package io.lectern.server.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server needs to start, validated. Absent database or Redis URLs mean the embedded default:
 * Lectern starts real PostgreSQL and Redis itself, under {@link #dataDir()}. The business modules' settings are
 * not components: each module reads its own through {@link #module(ModuleSettings)}.
 *
 * @param host              interface to listen on
 * @param port              HTTP port; 0 picks a free one (tests)
 * @param dataDir           where the embedded database, media and the generated secret key live
 * @param database          external PostgreSQL, or empty for the embedded one
 * @param redisUrl          external Redis ({@code redis://host:port}), or empty for the embedded one
 * @param redisPrefix       prefix of every Redis key this server writes
 * @param adminEmail        email of the first admin account
 * @param adminPassword     password of the first admin account, or empty to generate and print one
 * @param seedDemo          seed the demo catalog on first start (default only for the embedded database)
 * @param outboxPoll        how often the outbox dispatcher looks for undelivered events
 * @param maxJsonBytes      largest JSON request body accepted
 * @param trustForwardedFor take the client address from {@code X-Forwarded-For} (only behind a trusted proxy)
 * @param secretKey         Base64 key (32+ bytes) that encrypts secrets at rest, or empty to use the one generated
 *                          under the data directory
 * @param rateLimitFactor   multiplies every rate limit (1 in production; tests that sign in a lot raise it)
 * @param publicUrl         the address people reach this server at (certificate QR codes link there)
 * @param http              browser origins allowed to call the API, and where health and metrics are served
 * @param settings          the raw settings the modules read theirs from (may hold secrets: never printed)
 * @param modules           module settings by type: read at load, or given by {@link #withModule(Object)}
 */
public record LecternConfig(String host, int port, Path dataDir, Optional<DatabaseSettings> database,
                            Optional<String> redisUrl, String redisPrefix, String adminEmail,
                            Optional<String> adminPassword, boolean seedDemo, Duration outboxPoll, int maxJsonBytes,
                            boolean trustForwardedFor, Optional<String> secretKey, int rateLimitFactor,
                            String publicUrl, HttpSettings http, Settings settings, Map<Class<?>, Object> modules) {

    public LecternConfig {
        Objects.requireNonNull(settings, "settings");
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    /**
     * An external PostgreSQL.
     *
     * @param url      JDBC URL
     * @param username user
     * @param password password
     * @param poolSize largest number of pooled connections
     */
    public record DatabaseSettings(String url, String username, String password, int poolSize) {

        @Override
        public String toString() {
            return "DatabaseSettings[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
        }
    }

    public boolean embeddedDatabase() {
        return database.isEmpty();
    }

    /**
     * A module's settings: the ones given by {@link #withModule(Object)}, else the ones read at load, else read now
     * from the raw settings (a reader the loader was not given sees only defaults, as its keys were not loaded).
     *
     * @param reader the module's reader
     * @param <T>    the module's settings type
     * @return the module's settings
     */
    public <T> T module(ModuleSettings<T> reader) {
        Object given = modules.get(reader.type());
        return given != null ? reader.type().cast(given) : reader.read(settings, this);
    }

    /**
     * This configuration with a module's settings replaced (tests change one module's settings this way).
     *
     * @param moduleSettings the module's settings; its class is the key {@link #module(ModuleSettings)} finds it by
     * @return the changed configuration
     */
    public LecternConfig withModule(Object moduleSettings) {
        Map<Class<?>, Object> next = new LinkedHashMap<>(modules);
        next.put(moduleSettings.getClass(), moduleSettings);
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, secretKey, rateLimitFactor, publicUrl, http,
                settings, next);
    }

    public LecternConfig withPort(int newPort) {
        return new LecternConfig(host, newPort, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, secretKey, rateLimitFactor,
                publicUrl.equals("http://localhost:" + port) ? "http://localhost:" + newPort : publicUrl, http, settings,
                modules);
    }

    public LecternConfig withHttp(HttpSettings newHttp) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, secretKey, rateLimitFactor, publicUrl, newHttp,
                settings, modules);
    }

    public LecternConfig withDatabase(DatabaseSettings db) {
        return new LecternConfig(host, port, dataDir, Optional.of(db), redisUrl, redisPrefix, adminEmail,
                adminPassword, seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, secretKey, rateLimitFactor,
                publicUrl, http, settings, modules);
    }

    public LecternConfig withRedis(String url, String prefix) {
        return new LecternConfig(host, port, dataDir, database, Optional.of(url), prefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, secretKey, rateLimitFactor, publicUrl, http,
                settings, modules);
    }

    public LecternConfig withSeedDemo(boolean seed) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seed, outboxPoll, maxJsonBytes, trustForwardedFor, secretKey, rateLimitFactor, publicUrl, http,
                settings, modules);
    }

    public LecternConfig withOutboxPoll(Duration poll) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, poll, maxJsonBytes, trustForwardedFor, secretKey, rateLimitFactor, publicUrl, http,
                settings, modules);
    }

    public LecternConfig withTrustForwardedFor(boolean trust) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trust, secretKey, rateLimitFactor, publicUrl, http,
                settings, modules);
    }

    /**
     * This configuration with every rate limit multiplied by {@code factor}.
     *
     * @param factor 1 in production; tests that sign in many times from one address raise it
     * @return the changed configuration
     */
    public LecternConfig withRateLimitFactor(int factor) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, secretKey, factor, publicUrl, http,
                settings, modules);
    }

    @Override
    public String toString() {
        return "LecternConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", database="
                + database.map(Object::toString).orElse("embedded") + ", redis=" + redisUrl.orElse("embedded")
                + ", adminEmail=" + adminEmail + ", secretKey=" + (secretKey.isPresent() ? "***" : "generated")
                + ", rateLimitFactor=" + rateLimitFactor + ", publicUrl=" + publicUrl + ", modules=" + modules.values()
                + "]";
    }
}
