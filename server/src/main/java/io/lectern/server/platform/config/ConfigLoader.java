package io.lectern.server.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code application.yaml} (path in {@code LECTERN_CONFIG}, else {@code ./application.yaml} when present)
 * and {@code LECTERN_*} environment variables into a validated {@link LecternConfig}.
 */
public final class ConfigLoader {

    static final Set<String> KEYS = Set.of("host", "port", "data-dir", "db.url", "db.user", "db.password",
            "db.pool-size", "redis.url", "admin.email", "admin.password", "seed-demo", "outbox.poll-millis",
            "http.max-json-bytes", "http.trust-forwarded-for", "redis.key-prefix", "secret-key",
            "auth.access-token-minutes", "auth.refresh-token-days", "auth.key-rotation-days", "auth.require-admin-totp",
            "auth.rate-limit-factor", "oidc.id", "oidc.name", "oidc.issuer", "oidc.client-id", "oidc.client-secret",
            "mail.from", "mail.smtp.host", "mail.smtp.port", "mail.smtp.user", "mail.smtp.password",
            "mail.smtp.security", "commerce.currency", "commerce.refund-window-days", "commerce.instructor-share-percent",
            "commerce.tax-rate-basis-points", "commerce.tax-name", "commerce.payout-threshold-minor",
            "commerce.subscription-grace-days", "commerce.seller", "stripe.secret-key", "stripe.webhook-secret",
            "stripe.api-base",
            "stripe.return-url", "razorpay.key-id", "razorpay.key-secret", "razorpay.webhook-secret", "razorpay.api-base",
            "paystack.secret-key", "paystack.api-base", "paystack.return-url",
            "s3.endpoint", "s3.region", "s3.bucket", "s3.access-key", "s3.secret-key", "media.url-ttl-minutes",
            "media.instructor-quota-mb", "media.student-quota-mb", "media.ffmpeg", "media.ffprobe", "media.clamd",
            "media.processing-retry-seconds", "public-url", "http.cors-origins", "management.port", "management.host");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private ConfigLoader() {
    }

    public static LecternConfig load(Map<String, String> env) {
        Optional<Path> yamlPath = Optional.ofNullable(env.get("LECTERN_CONFIG")).map(Path::of)
                .or(() -> Optional.of(Path.of("application.yaml")).filter(Files::isRegularFile));
        Map<String, String> yaml = yamlPath.map(ConfigLoader::readYaml).orElse(Map.of());
        Settings s = Settings.from(KEYS, yaml, yamlPath.map(Path::toString).orElse("application.yaml"), env);
        return build(s, env);
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
                auth(s), mail(s), commerce(s, publicUrl(s)), media(s), publicUrl(s), http(s));
    }

    private static HttpSettings http(Settings s) {
        java.util.List<String> origins = java.util.Arrays.stream(s.text("http.cors-origins").orElse("").split(","))
                .map(String::strip).filter(o -> !o.isEmpty()).toList();
        origins.stream().filter(o -> !o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")).findFirst().ifPresent(o -> {
            throw new ConfigException(s.origin("http.cors-origins") + " must list origins such as "
                    + "https://learn.example.com (scheme, host and port, no path), but has '" + o + "'.");
        });
        return new HttpSettings(origins, s.integer("management.port", 8081, -1, 65535),
                s.text("management.host").orElse("127.0.0.1"));
    }

    private static String publicUrl(Settings s) {
        String url = s.text("public-url").orElse("http://localhost:" + s.integer("port", 8080, 0, 65535));
        if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new ConfigException(s.origin("public-url") + " must look like https://learn.example.com, but is '"
                    + url + "'.");
        }
        return url.replaceAll("/+$", "");
    }

    private static MediaSettings media(Settings s) {
        Optional<MediaSettings.S3> s3 = s.text("s3.bucket").map(bucket -> new MediaSettings.S3(
                s.text("s3.endpoint").orElse(""), s.text("s3.region").orElse("us-east-1"), bucket,
                s.required("s3.access-key", "s3.bucket"), s.required("s3.secret-key", "s3.bucket")));
        s.text("s3.endpoint").filter(e -> !e.matches("https?://[^\\s/]+.*")).ifPresent(e -> {
            throw new ConfigException(s.origin("s3.endpoint") + " must look like http://minio:9000, but is '" + e + "'.");
        });
        s.text("media.clamd").filter(c -> !c.matches("[^\\s:]+:\\d{1,5}")).ifPresent(c -> {
            throw new ConfigException(s.origin("media.clamd") + " must look like clamav:3310, but is '" + c + "'.");
        });
        return new MediaSettings(s3, Duration.ofMinutes(s.integer("media.url-ttl-minutes", 240, 1, 7 * 24 * 60)),
                (long) s.integer("media.instructor-quota-mb", 50 * 1024, 1, Integer.MAX_VALUE) << 20,
                (long) s.integer("media.student-quota-mb", 1024, 1, Integer.MAX_VALUE) << 20,
                s.text("media.ffmpeg").orElse("ffmpeg"), s.text("media.ffprobe").orElse("ffprobe"),
                s.text("media.clamd"), MediaSettings.DEFAULTS.uploadExpiry(),
                Duration.ofSeconds(s.integer("media.processing-retry-seconds", 15, 1, 3600)));
    }

    private static CommerceSettings commerce(Settings s, String publicUrl) {
        String returnUrl = publicUrl + "/api/v1/payments/return";
        String currency = s.text("commerce.currency").orElse("USD");
        try {
            if (!currency.equals(currency.toUpperCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException(currency);
            }
            java.util.Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.origin("commerce.currency") + " must be an ISO 4217 code such as USD, EUR or "
                    + "INR, but is '" + currency + "'.");
        }
        Optional<CommerceSettings.Gateway> stripe = s.text("stripe.secret-key").map(key -> new CommerceSettings.Gateway(
                "", key, s.required("stripe.webhook-secret", "stripe.secret-key"),
                s.text("stripe.api-base").orElse("https://api.stripe.com"),
                s.text("stripe.return-url").orElse(returnUrl)));
        Optional<CommerceSettings.Gateway> razorpay = s.text("razorpay.key-id").map(id -> new CommerceSettings.Gateway(
                id, s.required("razorpay.key-secret", "razorpay.key-id"),
                s.required("razorpay.webhook-secret", "razorpay.key-id"),
                s.text("razorpay.api-base").orElse("https://api.razorpay.com"), ""));
        Optional<CommerceSettings.Gateway> paystack = s.text("paystack.secret-key").map(key -> new CommerceSettings.Gateway(
                "", key, key, s.text("paystack.api-base").orElse("https://api.paystack.co"),
                s.text("paystack.return-url").orElse(returnUrl)));
        return new CommerceSettings(currency, Duration.ofDays(s.integer("commerce.refund-window-days", 14, 0, 365)),
                s.integer("commerce.instructor-share-percent", 70, 0, 100),
                s.integer("commerce.tax-rate-basis-points", 0, 0, 5000), s.text("commerce.tax-name").orElse("VAT"),
                s.integer("commerce.payout-threshold-minor", 5_000, 1, 100_000_000),
                Duration.ofDays(s.integer("commerce.subscription-grace-days", 3, 0, 60)),
                s.text("commerce.seller").orElse("Lectern"), stripe, razorpay, paystack);
    }

    private static AuthSettings auth(Settings s) {
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
        Optional<AuthSettings.OidcSettings> oidc = s.text("oidc.issuer").map(issuer -> {
            if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
                throw new ConfigException(s.origin("oidc.issuer") + " must be the provider's issuer URL, such as "
                        + "https://accounts.google.com, but is '" + issuer + "'.");
            }
            return new AuthSettings.OidcSettings(s.text("oidc.id").orElse("google"), s.text("oidc.name").orElse("Google"),
                    issuer, s.required("oidc.client-id", "oidc.issuer"), s.required("oidc.client-secret", "oidc.issuer"));
        });
        return new AuthSettings(Duration.ofMinutes(s.integer("auth.access-token-minutes", 15, 1, 60)),
                Duration.ofDays(s.integer("auth.refresh-token-days", 30, 1, 365)),
                Duration.ofDays(s.integer("auth.key-rotation-days", 30, 1, 365)),
                s.bool("auth.require-admin-totp", true), s.integer("auth.rate-limit-factor", 1, 1, 1000), secret, oidc);
    }

    private static MailSettings mail(Settings s) {
        Optional<MailSettings.Smtp> smtp = s.text("mail.smtp.host").map(host -> {
            MailSettings.Security security;
            String raw = s.text("mail.smtp.security").orElse("starttls").toUpperCase(java.util.Locale.ROOT);
            try {
                security = MailSettings.Security.valueOf(raw);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(s.origin("mail.smtp.security") + " must be none, starttls or tls, but is '"
                        + raw.toLowerCase(java.util.Locale.ROOT) + "'.");
            }
            int defaultPort = security == MailSettings.Security.TLS ? 465 : 587;
            return new MailSettings.Smtp(host, s.integer("mail.smtp.port", defaultPort, 1, 65535),
                    s.text("mail.smtp.user"), s.text("mail.smtp.password").orElse(""), security);
        });
        return new MailSettings(smtp, s.text("mail.from").orElse(MailSettings.DEV_MAILBOX.from()));
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
