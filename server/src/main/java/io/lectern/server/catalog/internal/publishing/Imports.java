package io.lectern.server.catalog.internal.publishing;

import io.lectern.server.catalog.internal.authoring.DraftStore;
import io.helidon.dbclient.DbTransaction;
import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.catalog.LessonContent;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.Pricing;
import io.lectern.server.catalog.CourseDraft;
import io.lectern.server.catalog.internal.authoring.DraftCourse;
import io.lectern.server.catalog.internal.authoring.DraftLesson;
import io.lectern.server.catalog.internal.authoring.DraftSection;
import io.lectern.server.catalog.internal.authoring.LessonRules;
import io.lectern.server.catalog.internal.authoring.OutlineStore;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Whole published courses from trusted data (the demo seed, a migration from another platform, the benchmark's
 * 100,000 courses): drafts and outlines are written a batch at a time with one set-based statement per table,
 * then published through the same snapshot code as an instructor's publish.
 */
public final class Imports {

    private final Database db;
    private final Clock clock;
    private final Ids idGen;
    private final Publishing publishing;
    private final DraftStore drafts;
    private final OutlineStore outlines;

    public Imports(Database db, Clock clock, Ids idGen, Publishing publishing, DraftStore drafts, OutlineStore outlines) {
        this.db = db;
        this.clock = clock;
        this.idGen = idGen;
        this.publishing = publishing;
        this.drafts = drafts;
        this.outlines = outlines;
    }

    /**
     * Imports and publishes the courses in one transaction; returns their new ids in order. Bulk imports may leave
     * the instructor directory to one {@link SnapshotStore#rebuildDirectory} at the end.
     */
    public List<UUID> importPublished(List<CourseDraft> courses, boolean refreshDirectory) {
        return db.inTransaction(tx -> {
            Instant now = clock.instant();
            List<Publishing.Publication> publications = courses.stream().map(d -> publication(d, now)).toList();
            write(tx, publications, now);
            publishing.publishTrusted(tx, publications, refreshDirectory);
            return publications.stream().map(p -> p.course().id()).toList();
        });
    }

    private Publishing.Publication publication(CourseDraft d, Instant now) {
        UUID id = idGen.next();
        UUID owner = d.instructors().getFirst().userId();
        List<InstructorRef> instructors = d.instructors().stream()
                .map(i -> new InstructorRef(i.userId(), i.displayName(), i.userId().equals(owner))).toList();
        DraftCourse course = new DraftCourse(id, d.slug(), d.title(), d.subtitle(), d.description(), d.category(),
                d.tags(), d.level() == null ? CourseLevel.BEGINNER : d.level(), d.language(),
                d.priceMinor() > 0 ? Pricing.ONE_TIME : Pricing.FREE, d.priceMinor(), d.currency(), null, owner,
                instructors, CourseStatus.DRAFT, 1, null, 0, now, null);
        List<DraftSection> sections = new ArrayList<>();
        for (CourseDraft.Section s : d.sections()) {
            UUID sectionId = idGen.next();
            List<DraftLesson> lessons = new ArrayList<>();
            for (CourseDraft.Lesson l : s.lessons()) {
                LessonType type = LessonType.valueOf(l.type());
                LessonContent content = LessonRules.forType(type, new LessonContent(null, List.of(), l.body(), null,
                        l.body(), null, null));
                lessons.add(new DraftLesson(idGen.next(), id, sectionId, l.title(), type, lessons.size(),
                        l.durationSec(), l.preview(), true, content, List.of()));
            }
            sections.add(new DraftSection(sectionId, s.title(), sections.size(), lessons));
        }
        return new Publishing.Publication(course, sections);
    }

    private void write(DbTransaction tx, List<Publishing.Publication> publications, Instant now) {
        drafts.insertAll(tx, publications.stream().map(Publishing.Publication::course).toList(), now);
        List<DraftSection> sections = new ArrayList<>();
        List<UUID> sectionCourse = new ArrayList<>();
        for (Publishing.Publication p : publications) {
            for (DraftSection s : p.outline()) {
                sections.add(s);
                sectionCourse.add(p.course().id());
            }
        }
        outlines.insertAll(tx, sections, sectionCourse);
    }
}
