package io.lectern.server;

import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.lectern.server.audit.AuditModule;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.CatalogModule;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.commerce.CommerceModule;
import io.lectern.server.commerce.CommerceSettings;
import io.lectern.server.commerce.CommerceService;
import io.lectern.server.demo.DemoSeed;
import io.lectern.server.identity.IdentityModule;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.identity.IdentitySettings;
import io.lectern.server.learning.LearningModule;
import io.lectern.server.learning.LearningService;
import io.lectern.server.media.MediaModule;
import io.lectern.server.media.MediaService;
import io.lectern.server.media.MediaSettings;
import io.lectern.server.notify.MailService;
import io.lectern.server.notify.MailSettings;
import io.lectern.server.notify.NotifyModule;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.config.ConfigLoader;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.config.ModuleSettings;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.events.OutboxDispatcher;
import io.lectern.server.platform.events.RetryPolicy;
import io.lectern.server.platform.health.HealthRoutes;
import io.lectern.server.platform.health.ReadinessChecks;
import io.lectern.server.platform.http.AccessGuard;
import io.lectern.server.platform.http.AccessLogFilter;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.ErrorHandling;
import io.lectern.server.platform.http.Http1Guard;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.Problems;
import io.lectern.server.platform.http.RouteMetrics;
import io.lectern.server.platform.http.SecurityHeaders;
import io.lectern.server.platform.http.TextGuard;
import io.lectern.server.platform.idempotency.Idempotency;
import io.lectern.server.platform.jobs.JobRunner;
import io.lectern.server.platform.openapi.OpenApiRoutes;
import io.lectern.server.platform.redis.Broadcast;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Composes a running Lectern server from a configuration: infrastructure, the modules, and the web server.
 * {@link Main} uses it for the real thing, tests for an in-process server on a real database.
 */
public final class LecternServer implements AutoCloseable {

    /** Module schemas in migration order; platform first. */
    static final List<String> SCHEMAS = List.of("platform", NotifyModule.SCHEMA, AuditModule.SCHEMA,
            IdentityModule.SCHEMA, CatalogModule.SCHEMA, CommerceModule.SCHEMA, MediaModule.SCHEMA,
            LearningModule.SCHEMA);

    /** Each module and the modules it stands on (takes the facades of), by schema name. */
    static final Map<String, List<String>> DEPENDENCIES = Map.of(NotifyModule.SCHEMA, List.of(), AuditModule.SCHEMA,
            List.of(), IdentityModule.SCHEMA, List.of(NotifyModule.SCHEMA, AuditModule.SCHEMA), MediaModule.SCHEMA,
            List.of(), CatalogModule.SCHEMA, List.of(IdentityModule.SCHEMA, AuditModule.SCHEMA, MediaModule.SCHEMA),
            CommerceModule.SCHEMA, List.of(CatalogModule.SCHEMA, IdentityModule.SCHEMA, AuditModule.SCHEMA,
                    NotifyModule.SCHEMA), LearningModule.SCHEMA, List.of(CatalogModule.SCHEMA, IdentityModule.SCHEMA,
                    MediaModule.SCHEMA));

    /**
     * Every module's settings reader, for {@link ConfigLoader#load}: the YAML keys they read are the only ones besides
     * the platform's, and each module's settings are read (and validated) at start.
     */
    public static final List<ModuleSettings<?>> SETTINGS = List.of(IdentitySettings.READER, MailSettings.READER,
            CommerceSettings.READER, MediaSettings.READER);

    /** The named socket of {@code /metrics} and detailed health. */
    static final String MANAGEMENT = "management";

    private final Infrastructure infra;
    private final Platform platform;
    private final OutboxDispatcher dispatcher;
    private final ApiRoutes routes;
    private final Modules modules;
    private WebServer webServer;

    /** The module facades, for start-up tasks and tests (in a slice, the modules left out are null). */
    public record Modules(IdentityService identity, CatalogService catalog, CommerceService commerce, MediaService media,
                          LearningService learning, AuditService audit, MailService mail) {
    }

    private LecternServer(Infrastructure infra, Platform platform, OutboxDispatcher dispatcher, ApiRoutes routes,
                          Modules modules) {
        this.infra = infra;
        this.platform = platform;
        this.dispatcher = dispatcher;
        this.routes = routes;
        this.modules = modules;
    }

    /** Builds everything but does not listen yet; call {@link #start()} for that. */
    public static LecternServer create(LecternConfig config) {
        return create(config, routes -> { });
    }

    /** As {@link #create(LecternConfig)}, letting the caller add routes (tests add failing ones). */
    public static LecternServer create(LecternConfig config, Consumer<ApiRoutes> extraRoutes) {
        return create(config, extraRoutes, Clock.systemUTC());
    }

    /** As {@link #create(LecternConfig, Consumer)} on a given clock (tests move time forward). */
    public static LecternServer create(LecternConfig config, Consumer<ApiRoutes> extraRoutes, Clock clock) {
        return compose(config, extraRoutes, clock, Set.copyOf(DEPENDENCIES.keySet()));
    }

    /**
     * A slice, for a module's own tests: the platform and only the named modules, which must include every module
     * they stand on ({@link #DEPENDENCIES}); only their schemas are migrated, and the cross-module wiring of
     * {@link ModuleWiring} is left out. A slice that starts proves the module stands without the rest.
     */
    public static LecternServer slice(LecternConfig config, Set<String> modules) {
        modules.forEach(m -> {
            List<String> missing = DEPENDENCIES.getOrDefault(m, List.of()).stream().filter(d -> !modules.contains(d))
                    .toList();
            if (!DEPENDENCIES.containsKey(m) || !missing.isEmpty()) {
                throw new IllegalArgumentException("A slice with " + m + " needs " + missing + " (modules: "
                        + DEPENDENCIES.keySet() + ")");
            }
        });
        return compose(config, routes -> { }, Clock.systemUTC(), modules);
    }

    private static LecternServer compose(LecternConfig config, Consumer<ApiRoutes> extraRoutes, Clock clock,
                                         Set<String> modules) {
        Infrastructure infra = Infrastructure.open(config, SCHEMAS.stream()
                .filter(s -> s.equals("platform") || modules.contains(s)).toList());
        try {
            Ids ids = new Ids(clock);
            Json json = new Json(config.maxJsonBytes());
            EventBus events = new EventBus(json.objectMapper(), ids);
            JobRunner jobs = new JobRunner(infra.db(), json.objectMapper(), Duration.ofSeconds(1), clock);
            Platform platform = new Platform(config, infra.db(), infra.redis(), events, jobs, json, clock, ids,
                    new Broadcast(infra.redis()), new Idempotency(infra.db(), clock, json.objectMapper()),
                    SecretBox.open(config.secretKey(), config.dataDir()),
                    new RateLimiter(infra.redis(), config.rateLimitFactor()));
            HttpRouting.Builder routing = HttpRouting.builder().addFilter(new AccessLogFilter())
                    .addFilter(new SecurityHeaders(config.http().corsOrigins())).addFilter(new TextGuard());
            Problems problems = new Problems(json);
            ErrorHandling.install(routing, problems);
            AtomicReference<AccessGuard> guard = new AtomicReference<>(AccessGuard.PUBLIC_ONLY);
            ApiRoutes routes = new ApiRoutes(routing, (req, access) -> guard.get().check(req, access), new RouteMetrics());
            new HealthRoutes(json, Map.of("database", infra.db()::isReachable), Map.of("redis", infra.redis()::isReachable))
                    .register(routes);
            new OpenApiRoutes(json).register(routes);
            Modules registered = registerModules(routes, platform, guard, modules);
            extraRoutes.accept(routes);
            routes.installFallback(problems);
            OutboxDispatcher dispatcher = new OutboxDispatcher(infra.db(), events, RetryPolicy.DEFAULT,
                    config.outboxPoll());
            LecternServer server = new LecternServer(infra, platform, dispatcher, routes, registered);
            WebServerConfig.Builder web = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    .maxPayloadSize(64L << 20)
                    .protocolsDiscoverServices(false)
                    // observability only where configured below (Helidon would add its own, with a disk check that
                    // fails where the data directory's mount cannot be found, e.g. in a chroot)
                    .featuresDiscoverServices(false)
                    .addConnectionSelector(new Http1Guard(Http1Config.builder().maxPrologueLength(16 * 1024).build(),
                            config.http().headerTimeout()))
                    .idleConnectionTimeout(Duration.ofMinutes(2))
                    .shutdownGracePeriod(Duration.ofSeconds(10))
                    .directHandlers(ErrorHandling.directHandlers(json))
                    .addRouting(routing);
            if (config.http().management()) {
                web.putSocket(MANAGEMENT, socket -> socket.host(config.http().managementHost())
                                .port(config.http().managementPort()))
                        .addFeature(ObserveFeature.builder().endpoint("/").sockets(List.of(MANAGEMENT))
                                .addObserver(HealthObserver.builder().details(true).useSystemServices(false)
                                        .addChecks(ReadinessChecks.of(infra.db()::isReachable, infra.redis()::isReachable,
                                                config.dataDir()).toArray(io.helidon.health.HealthCheck[]::new)).build())
                                .addObserver(MetricsObserver.create())
                                .build());
            }
            server.webServer = web.build();
            return server;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    /**
     * The one place modules are wired: each gets the platform services it uses (never the whole platform) and the
     * facades of the modules it needs, in dependency order; then {@link ModuleWiring} connects the rest.
     */
    private static Modules registerModules(ApiRoutes routes, Platform p, AtomicReference<AccessGuard> guard,
                                           Set<String> only) {
        LecternConfig c = p.config();
        MailService mail = !only.contains(NotifyModule.SCHEMA) ? null
                : NotifyModule.register(routes, p.db(), p.clock(), p.json(), p.events(), c.module(MailSettings.READER),
                        c.dataDir());
        AuditService audit = !only.contains(AuditModule.SCHEMA) ? null
                : AuditModule.register(routes, p.db(), p.ids(), p.json());
        IdentityService identity = !only.contains(IdentityModule.SCHEMA) ? null
                : IdentityModule.register(routes, p.db(), p.clock(), p.ids(), p.events(), p.json(), p.redis(),
                        c.module(IdentitySettings.READER), p.secrets(), p.limits(), c.trustForwardedFor(), mail, audit);
        if (identity != null) {
            guard.set(identity.accessGuard());
        }
        MediaService media = !only.contains(MediaModule.SCHEMA) ? null
                : MediaModule.register(routes, p.db(), p.clock(), p.ids(), p.json(), p.jobs(), p.secrets(),
                        c.module(MediaSettings.READER), c.trustForwardedFor(), c.dataDir(), c.port());
        CatalogService catalog = !only.contains(CatalogModule.SCHEMA) ? null
                : CatalogModule.register(routes, p.db(), p.clock(), p.ids(), p.json(), p.events(), p.jobs(),
                        p.broadcast(), p.limits(), c.trustForwardedFor(), identity, audit, media);
        CommerceService commerce = !only.contains(CommerceModule.SCHEMA) ? null
                : CommerceModule.register(routes, p.db(), p.clock(), p.ids(), p.json(), p.events(), p.jobs(),
                        p.idempotency(), p.secrets(), p.limits(), c.module(CommerceSettings.READER), c.trustForwardedFor(),
                        catalog, identity, audit, mail);
        LearningService learning = !only.contains(LearningModule.SCHEMA) ? null
                : LearningModule.register(routes, p.db(), p.clock(), p.ids(), p.json(), p.events(), p.jobs(), p.secrets(),
                        c.publicUrl(), catalog, identity, media);
        if (only.size() == DEPENDENCIES.size()) {
            ModuleWiring.connect(p.events(), p.idempotency(), identity, catalog, commerce, media, learning, audit, mail);
        }
        return new Modules(identity, catalog, commerce, media, learning, audit, mail);
    }

    /**
     * Starts background work, bootstraps the admin, listens, and then (when configured, on an empty catalog) seeds
     * the demo through the HTTP API it now answers.
     */
    public StartReport start() {
        platform.jobs().start();
        dispatcher.start();
        platform.broadcast().start();
        LecternConfig config = platform.config();
        IdentityService.AdminBootstrap admin = modules.identity() == null ? null // a slice without identity
                : modules.identity().ensureAdmin(config.adminEmail(), config.adminPassword());
        PortCheck.ensureFree(config.host(), config.port());
        if (config.http().management()) {
            PortCheck.ensureFree(config.http().managementHost(), config.http().managementPort());
        }
        webServer.start();
        if (!webServer.isRunning()) {
            throw new PortCheck.PortInUseException(config.port());
        }
        Optional<DemoSeed.Report> demo = config.seedDemo() && modules.catalog() != null
                ? new DemoSeed(modules.identity(), modules.catalog(), baseUri(), config.module(MediaSettings.READER).ffmpeg())
                        .seedIfEmpty()
                : Optional.empty();
        return new StartReport(admin, demo);
    }

    /**
     * What start-up did, for the banner.
     *
     * @param admin the admin bootstrap outcome
     * @param demo  what the demo seed made now (its accounts' passwords are shown once), if it ran
     */
    public record StartReport(IdentityService.AdminBootstrap admin, Optional<DemoSeed.Report> demo) {

        /** Whether the demo was seeded now. */
        public boolean seeded() {
            return demo.isPresent();
        }
    }

    public int port() {
        return webServer.port();
    }

    /** Where this machine reaches the API: the loopback address, unless the server listens on one address only. */
    public URI baseUri() {
        String host = platform.config().host();
        boolean anyOrLocal = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::")
                || host.equals("localhost") || host.startsWith("127.");
        String target = anyOrLocal ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + target + ":" + port());
    }

    /** Where {@code /metrics} and detailed health answer, when the management port is on. */
    public Optional<URI> managementUri() {
        return platform.config().http().management()
                ? Optional.of(URI.create("http://127.0.0.1:" + webServer.port(MANAGEMENT))) : Optional.empty();
    }

    public Platform platform() {
        return platform;
    }

    public Modules modules() {
        return modules;
    }

    public List<ApiRoutes.Route> routes() {
        return routes.routes();
    }

    public Optional<String> embeddedDatabaseUrl() {
        return infra.embeddedDatabaseUrl();
    }

    @Override
    public void close() {
        if (webServer != null && webServer.isRunning()) {
            webServer.stop();
        }
        dispatcher.close();
        platform.broadcast().close();
        platform.jobs().close();
        infra.close();
    }
}
