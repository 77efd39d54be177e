package io.lectern.server.demo;

import io.lectern.model.identity.Role;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.identity.NewAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Seeds the demo on an empty catalog, through the running server's HTTP API: two instructors build and publish a
 * dozen whole courses (video with subtitles when ffmpeg is there, notes, handout PDF, quiz, project with a rubric,
 * certificate design, cover); a demo learner finishes one course (certificate), starts another and reviews;
 * a few other learners review. Every account gets its own generated password, returned once for the banner.
 */
public final class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class.getName());

    /** The course the demo learner finishes; built first so its media are processed first. */
    static final String FINISHED = "spanish-for-travellers";
    /** The course the demo learner has started. */
    static final String STARTED = "java-from-zero";

    /**
     * A demo account and its password.
     *
     * @param email    sign-in email
     * @param name     display name
     * @param role     role
     * @param password generated password
     * @param shown    whether the banner shows it (instructors and the demo learner; not the reviewers)
     */
    public record Account(String email, String name, Role role, String password, boolean shown) {
    }

    /**
     * What was seeded.
     *
     * @param courses         how many courses were published
     * @param accounts        the accounts made, with their passwords
     * @param learnerFinished whether the demo learner finished a course (its media were processed in time)
     */
    public record Report(int courses, List<Account> accounts, boolean learnerFinished) {
    }

    private static final List<Account> PEOPLE = List.of(
            new Account("ada@lectern.local", "Ada Lovelace", Role.INSTRUCTOR, null, true),
            new Account("grace@lectern.local", "Grace Hopper", Role.INSTRUCTOR, null, true),
            new Account("learner@lectern.local", "Lea Learner", Role.STUDENT, null, true),
            new Account("sam.rivera@lectern.local", "Sam Rivera", Role.STUDENT, null, false),
            new Account("mia.chen@lectern.local", "Mia Chen", Role.STUDENT, null, false),
            new Account("noah.patel@lectern.local", "Noah Patel", Role.STUDENT, null, false));

    private final IdentityService identity;
    private final CatalogService catalog;
    private final DemoApi api;
    private final String ffmpeg;

    /**
     * @param identity accounts are made here (with generated passwords)
     * @param catalog  categories are ensured here; everything else goes through the API
     * @param api      the running server's address
     * @param ffmpeg   the ffmpeg command for the welcome videos; without it they are texts
     */
    public DemoSeed(IdentityService identity, CatalogService catalog, URI api, String ffmpeg) {
        this.identity = identity;
        this.catalog = catalog;
        this.api = new DemoApi(api);
        this.ffmpeg = ffmpeg;
    }

    /** Seeds when the catalog has no courses and no demo account exists yet; otherwise leaves everything alone. */
    public Optional<Report> seedIfEmpty() {
        if (catalog.publishedCount() > 0) {
            return Optional.empty();
        }
        if (PEOPLE.stream().anyMatch(p -> identity.findByEmail(p.email()).isPresent())) {
            LOG.warning("The catalog is empty but demo accounts exist; the demo is not seeded again.");
            return Optional.empty();
        }
        catalog.ensureCategories(DemoCatalog.CATEGORIES);
        List<Account> accounts = new ArrayList<>();
        Map<String, String> tokens = new HashMap<>();
        for (Account p : PEOPLE) {
            String password = IdentityService.generatePassword();
            identity.createAccount(new NewAccount(p.email(), p.name(), p.role(), password));
            accounts.add(new Account(p.email(), p.name(), p.role(), password, p.shown()));
            tokens.put(p.email(), api.login(p.email(), password));
        }
        Path work = workDir();
        try {
            Report report = seed(new DemoCourseBuilder(api, new DemoAssets(work, ffmpeg)), tokens, accounts);
            LOG.info(() -> "Seeded the demo: " + report.courses() + " courses, " + accounts.size() + " accounts");
            return Optional.of(report);
        } finally {
            delete(work);
        }
    }

    private Report seed(DemoCourseBuilder builder, Map<String, String> tokens, List<Account> accounts) {
        Map<String, DemoCourseBuilder.Built> built = new HashMap<>();
        List<DemoCatalog.Course> order = new ArrayList<>(DemoCatalog.COURSES);
        order.sort(Comparator.comparing(c -> !c.slug().equals(FINISHED)));
        LOG.info(() -> "Seeding the demo through the API: " + order.size() + " courses (first start only; about "
                + "half a minute with videos)");
        for (DemoCatalog.Course c : order) {
            Account teacher = PEOPLE.get(c.instructor());
            built.put(c.slug(), builder.build(c, tokens.get(teacher.email()), teacher.name()));
            LOG.info(() -> "Demo course " + built.size() + "/" + order.size() + " published: " + c.title());
        }
        DemoLearner lea = new DemoLearner(api, tokens.get("learner@lectern.local"));
        for (String slug : List.of(FINISHED, STARTED, "ui-design-basics")) {
            lea.enrol(built.get(slug).courseId());
        }
        lea.start(built.get(STARTED), "Records: a class whose data is the point. Try one for a book.");
        DemoCatalog.Course finished = course(FINISHED);
        boolean done = lea.finish(finished, built.get(FINISHED), tokens.get(instructorEmail(finished)),
                "— Buenas noches, una mesa para dos, por favor.\n— Claro. ¿Qué desean tomar?\n"
                        + "— La paella y dos aguas, por favor. ¿Nos trae la cuenta después?");
        new DemoReviews(api, tokens).write(built);
        return new Report(built.size(), List.copyOf(accounts), done);
    }

    static String instructorEmail(DemoCatalog.Course c) {
        return PEOPLE.get(c.instructor()).email();
    }

    static DemoCatalog.Course course(String slug) {
        return DemoCatalog.COURSES.stream().filter(c -> c.slug().equals(slug)).findFirst().orElseThrow();
    }

    private static Path workDir() {
        try {
            return Files.createTempDirectory("lectern-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.fine(() -> "Could not clean up " + dir + ": " + e.getMessage());
        }
    }
}
