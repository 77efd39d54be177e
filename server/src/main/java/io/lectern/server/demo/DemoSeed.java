package io.lectern.server.demo;

import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.CourseDraft;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.identity.NewAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** Seeds two instructors and the demo courses unless the catalog already has courses. */
public final class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class.getName());

    private final IdentityService identity;
    private final CatalogService catalog;

    public DemoSeed(IdentityService identity, CatalogService catalog) {
        this.identity = identity;
        this.catalog = catalog;
    }

    /** Returns true when it seeded, false when the catalog already had courses. */
    public boolean seedIfEmpty(String instructorPassword) {
        if (catalog.publishedCount() > 0) {
            return false;
        }
        List<UserView> instructors = List.of(
                instructor("ada@lectern.local", "Ada Lovelace", instructorPassword),
                instructor("grace@lectern.local", "Grace Hopper", instructorPassword));
        catalog.ensureCategories(DemoCatalog.CATEGORIES);
        for (DemoCatalog.Course c : DemoCatalog.COURSES) {
            UserView teacher = instructors.get(c.instructor());
            catalog.createPublished(new CourseDraft(c.slug(), c.title(), c.subtitle(),
                    "## About this course\n\n" + c.subtitle() + ". Taught by " + teacher.displayName() + ".",
                    c.category(), List.of(), c.level(), "en", c.priceMinor(), "USD",
                    List.of(new CourseDraft.Instructor(teacher.id(), teacher.displayName())), outline(c)));
        }
        LOG.info(() -> "Seeded the demo catalog: " + DemoCatalog.COURSES.size() + " courses by 2 instructors");
        return true;
    }

    private UserView instructor(String email, String name, String password) {
        return identity.findByEmail(email)
                .orElseGet(() -> identity.createAccount(new NewAccount(email, name, Role.INSTRUCTOR, password)));
    }

    private static List<CourseDraft.Section> outline(DemoCatalog.Course c) {
        List<CourseDraft.Section> sections = new ArrayList<>();
        String[] parts = {"Getting started", "Core ideas", "Putting it together"};
        for (int s = 0; s < parts.length; s++) {
            List<CourseDraft.Lesson> lessons = List.of(
                    new CourseDraft.Lesson(parts[s] + ": overview", "VIDEO", 300 + 60 * s, s == 0, ""),
                    new CourseDraft.Lesson(parts[s] + ": notes", "ARTICLE", 420, false,
                            "# " + c.title() + "\n\nReading notes for *" + parts[s].toLowerCase() + "*."),
                    new CourseDraft.Lesson(parts[s] + ": practice", "VIDEO", 540, false, ""));
            sections.add(new CourseDraft.Section(parts[s], lessons));
        }
        return sections;
    }
}
