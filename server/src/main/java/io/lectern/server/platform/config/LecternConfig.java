package io.lectern.server.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the server needs to start, validated. Absent database or Redis URLs mean the embedded default:
 * Lectern starts real PostgreSQL and Redis itself, under {@link #dataDir()}.
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
 * @param auth              sign-in, token and 2FA settings
 * @param mail              how mail leaves the server
 * @param commerce          currency, tax, refunds, revenue share, payment providers
 * @param media             storage, signed URL lifetime, quotas, ffmpeg
 * @param publicUrl         the address people reach this server at (certificate QR codes link there)
 * @param http              browser origins allowed to call the API, and where health and metrics are served
 */
public record LecternConfig(String host, int port, Path dataDir, Optional<DatabaseSettings> database,
                            Optional<String> redisUrl, String redisPrefix, String adminEmail,
                            Optional<String> adminPassword, boolean seedDemo, Duration outboxPoll, int maxJsonBytes,
                            boolean trustForwardedFor, AuthSettings auth, MailSettings mail,
                            CommerceSettings commerce, MediaSettings media, String publicUrl, HttpSettings http) {

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

    public LecternConfig withPort(int newPort) {
        return new LecternConfig(host, newPort, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, auth, mail, commerce, media,
                publicUrl.equals("http://localhost:" + port) ? "http://localhost:" + newPort : publicUrl, http);
    }

    public LecternConfig withHttp(HttpSettings newHttp) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, auth, mail, commerce, media, publicUrl, newHttp);
    }

    public LecternConfig withDatabase(DatabaseSettings db) {
        return new LecternConfig(host, port, dataDir, Optional.of(db), redisUrl, redisPrefix, adminEmail,
                adminPassword, seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, auth, mail, commerce, media, publicUrl,
                http);
    }

    public LecternConfig withRedis(String url, String prefix) {
        return new LecternConfig(host, port, dataDir, database, Optional.of(url), prefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, auth, mail, commerce, media, publicUrl, http);
    }

    public LecternConfig withSeedDemo(boolean seed) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seed, outboxPoll, maxJsonBytes, trustForwardedFor, auth, mail, commerce, media, publicUrl, http);
    }

    public LecternConfig withOutboxPoll(Duration poll) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, poll, maxJsonBytes, trustForwardedFor, auth, mail, commerce, media, publicUrl, http);
    }

    public LecternConfig withTrustForwardedFor(boolean trust) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trust, auth, mail, commerce, media, publicUrl, http);
    }

    public LecternConfig withAuth(AuthSettings newAuth) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, newAuth, mail, commerce, media, publicUrl, http);
    }

    public LecternConfig withMail(MailSettings newMail) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, auth, newMail, commerce, media, publicUrl, http);
    }

    public LecternConfig withCommerce(CommerceSettings newCommerce) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, auth, mail, newCommerce, media, publicUrl, http);
    }

    public LecternConfig withMedia(MediaSettings newMedia) {
        return new LecternConfig(host, port, dataDir, database, redisUrl, redisPrefix, adminEmail, adminPassword,
                seedDemo, outboxPoll, maxJsonBytes, trustForwardedFor, auth, mail, commerce, newMedia, publicUrl, http);
    }

    @Override
    public String toString() {
        return "LecternConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", database="
                + database.map(Object::toString).orElse("embedded") + ", redis=" + redisUrl.orElse("embedded")
                + ", adminEmail=" + adminEmail + ", auth=" + auth + ", mail=" + mail + ", commerce=" + commerce
                + ", media=" + media + "]";
    }
}
