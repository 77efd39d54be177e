package io.lectern.server.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.LecternServer;
import io.lectern.server.commerce.CommerceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private static LecternConfig load(Map<String, String> env) {
        return ConfigLoader.load(env, LecternServer.SETTINGS);
    }

    @Test
    void defaultsAreTheEmbeddedSetup() {
        LecternConfig c = load(Map.of("XDG_DATA_HOME", "/srv/data"));
        assertEquals(8080, c.port());
        assertEquals(Path.of("/srv/data/lectern"), c.dataDir());
        assertTrue(c.embeddedDatabase());
        assertTrue(c.seedDemo());
        assertEquals("admin@lectern.local", c.adminEmail());
    }

    @Test
    void environmentOverridesYaml(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("lectern.yaml");
        Files.writeString(yaml, "port: 9000\ndb:\n  url: jdbc:postgresql://db:5432/lectern\n  user: app\n");
        LecternConfig c = load(Map.of("LECTERN_CONFIG", yaml.toString(), "LECTERN_PORT", "9100",
                "LECTERN_DATA_DIR", dir.toString()));
        assertEquals(9100, c.port());
        assertEquals("app", c.database().orElseThrow().username());
        assertFalse(c.seedDemo(), "an external database is never seeded unless asked");
        assertEquals(dir, c.dataDir());
    }

    @Test
    void paystackIsConfiguredByItsSecretKeyWhichAlsoSignsItsWebhooks() {
        assertTrue(load(Map.of()).module(CommerceSettings.READER).paystack().isEmpty());
        CommerceSettings.Gateway g = load(Map.of("LECTERN_PAYSTACK_SECRET_KEY", "sk_test_x"))
                .module(CommerceSettings.READER).paystack().orElseThrow();
        assertEquals("sk_test_x", g.secretKey());
        assertEquals("sk_test_x", g.webhookSecret());
        assertEquals("https://api.paystack.co", g.apiBase());
        assertFalse(g.toString().contains("sk_test_x"), "secrets stay out of logs");
    }

    @Test
    void gatewaysSendBuyersBackToThePublicAddress() {
        LecternConfig c = load(Map.of("LECTERN_PUBLIC_URL", "https://learn.example.com",
                "LECTERN_PAYSTACK_SECRET_KEY", "sk_test_x", "LECTERN_STRIPE_SECRET_KEY", "sk_test_y",
                "LECTERN_STRIPE_WEBHOOK_SECRET", "whsec_z"));
        CommerceSettings commerce = c.module(CommerceSettings.READER);
        assertEquals("https://learn.example.com/api/v1/payments/return", commerce.paystack().orElseThrow()
                .returnUrl());
        assertEquals("https://learn.example.com/api/v1/payments/return", commerce.stripe().orElseThrow()
                .returnUrl());
        assertEquals("http://localhost:9090/api/v1/payments/return", load(Map.of("LECTERN_PORT", "9090",
                "LECTERN_PAYSTACK_SECRET_KEY", "sk_test_x")).module(CommerceSettings.READER).paystack().orElseThrow()
                .returnUrl(), "without one, the address the server listens at");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LECTERN_PORT|abc|environment variable LECTERN_PORT must be a whole number from 0 to 65535",
        "LECTERN_PORT|70000|environment variable LECTERN_PORT must be a whole number",
        "LECTERN_DB_URL|mysql://x|environment variable LECTERN_DB_URL must be a PostgreSQL JDBC URL",
        "LECTERN_REDIS_URL|localhost:6379|environment variable LECTERN_REDIS_URL must look like redis://",
        "LECTERN_ADMIN_EMAIL|nobody|environment variable LECTERN_ADMIN_EMAIL must be an email address",
        "LECTERN_ADMIN_PASSWORD|short|environment variable LECTERN_ADMIN_PASSWORD must have at least 10",
        "LECTERN_SEED_DEMO|maybe|environment variable LECTERN_SEED_DEMO must be true or false",
        "LECTERN_MEDIA_CLAMD|clamav|environment variable LECTERN_MEDIA_CLAMD must look like clamav:3310",
        "LECTERN_S3_ENDPOINT|minio:9000|environment variable LECTERN_S3_ENDPOINT must look like http://minio:9000",
        "LECTERN_S3_BUCKET|media|setting 's3.access-key' (LECTERN_S3_ACCESS_KEY) is required when",
        "LECTERN_MEDIA_URL_TTL_MINUTES|0|environment variable LECTERN_MEDIA_URL_TTL_MINUTES must be a whole number",
        "LECTERN_SECRET_KEY|c2hvcnQ=|environment variable LECTERN_SECRET_KEY must be Base64 of at least 32 random bytes",
        "LECTERN_AUTH_RATE_LIMIT_FACTOR|0|environment variable LECTERN_AUTH_RATE_LIMIT_FACTOR must be a whole number",
        "LECTERN_AUTH_ACCESS_TOKEN_MINUTES|90|environment variable LECTERN_AUTH_ACCESS_TOKEN_MINUTES must be a whole",
        "LECTERN_OIDC_ISSUER|accounts.google.com|environment variable LECTERN_OIDC_ISSUER must be the provider",
        "LECTERN_COMMERCE_CURRENCY|usd|environment variable LECTERN_COMMERCE_CURRENCY must be an ISO 4217 code"})
    void badValueNamesTheVariable(String name, String value, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(name, value)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void unknownYamlKeyIsNamed(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("a.yaml");
        Files.writeString(yaml, "prot: 9000\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("LECTERN_CONFIG", yaml.toString())));
        assertTrue(e.getMessage().startsWith("Unknown setting 'prot' in " + yaml), e.getMessage());
    }

    @Test
    void missingConfigFileIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("LECTERN_CONFIG", "/nope/lectern.yaml")));
        assertTrue(e.getMessage().contains("/nope/lectern.yaml"), e.getMessage());
    }

    @Test
    void secretsStayOutOfToString() {
        LecternConfig c = load(Map.of("LECTERN_DB_URL", "jdbc:postgresql://h/db",
                "LECTERN_DB_PASSWORD", "s3cret-value", "LECTERN_ADMIN_PASSWORD", "another-s3cret",
                "LECTERN_S3_BUCKET", "b", "LECTERN_S3_ACCESS_KEY", "key-s3cret", "LECTERN_S3_SECRET_KEY", "s3cret-key"));
        assertFalse(c.toString().contains("s3cret"));
    }

    @Test
    void eachModulesKeysAreKnownAndItsSettingsReadAtLoad(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("lectern.yaml");
        Files.writeString(yaml, "commerce:\n  currency: EUR\nauth:\n  rate-limit-factor: 5\n"
                + "  access-token-minutes: 7\n");
        LecternConfig c = load(Map.of("LECTERN_CONFIG", yaml.toString()));
        assertEquals("EUR", c.module(CommerceSettings.READER).currency());
        assertEquals(5, c.rateLimitFactor(), "the rate-limit factor is the platform's");
        assertEquals(java.time.Duration.ofMinutes(7),
                c.module(io.lectern.server.identity.IdentitySettings.READER).accessTokenTtl());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("LECTERN_CONFIG", yaml.toString()), List.of()));
        assertTrue(e.getMessage().startsWith("Unknown setting 'commerce.currency' in " + yaml), e.getMessage());
    }

    @Test
    void givenModuleSettingsReplaceTheOnesRead() {
        LecternConfig c = load(Map.of());
        assertEquals("USD", c.module(CommerceSettings.READER).currency());
        CommerceSettings changed = CommerceSettings.DEFAULTS.withTaxRate(1900);
        LecternConfig with = c.withModule(changed).withPort(0).withRateLimitFactor(20);
        assertEquals(changed, with.module(CommerceSettings.READER));
        assertEquals(20, with.rateLimitFactor());
        assertEquals(1, c.rateLimitFactor());
        assertEquals(0, c.module(CommerceSettings.READER).taxRateBasisPoints(), "the original is unchanged");
    }

    @Test
    void theSecretKeyStaysOutOfToString() {
        LecternConfig c = load(Map.of("LECTERN_SECRET_KEY", "YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW9uISE="));
        assertEquals("YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW9uISE=", c.secretKey().orElseThrow());
        assertFalse(c.toString().contains("YmVuY2g"), c.toString());
    }
}
