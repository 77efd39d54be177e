package io.lectern.server.catalog.internal.pages;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.Category;
import io.lectern.model.catalog.CourseDetail;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.CourseSummary;
import io.lectern.model.catalog.RatingSummary;
import io.lectern.server.catalog.internal.CatalogCaches;
import io.lectern.server.catalog.internal.lessons.LearnerChecks;
import io.lectern.server.catalog.internal.publishing.PublishedCourse;
import io.lectern.server.catalog.internal.publishing.PublishedLesson;
import io.lectern.server.catalog.internal.publishing.PublishedStore;
import io.lectern.server.catalog.internal.search.FacetCube;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A course's public page: its published version, syllabus and, for the caller, which lessons are open. Archived
 * courses are shown only to their staff and enrolled learners.
 */
public final class CoursePages {

    private final Database database;
    private final Json json;
    private final PublishedStore published;
    private final LearnerChecks learners;
    private final CatalogCaches caches;

    public CoursePages(Database database, Json json, PublishedStore published, LearnerChecks learners, CatalogCaches caches) {
        this.database = database;
        this.json = json;
        this.published = published;
        this.learners = learners;
        this.caches = caches;
    }

    /** An anonymous visitor's page, serialized once and served from memory until the course changes. */
    public byte[] anonymousJson(String idOrSlug) {
        return caches.anonymousPages().get(idOrSlug, () -> {
            CourseDetail page = page(Optional.empty(), idOrSlug);
            return new CatalogCaches.Json(json.bytes(page), page.id());
        }, CatalogCaches.Json::courseId).json();
    }

    public CourseDetail page(Optional<Principal> caller, String idOrSlug) {
        return page(database.execute(), caller, idOrSlug);
    }

    public CourseDetail page(DbExecute db, Optional<Principal> caller, String idOrSlug) {
        CatalogCaches.Page cached = caches.pages().get(idOrSlug, () -> published.course(db, idOrSlug)
                .map(c -> new CatalogCaches.Page(c, published.lessons(db, c.id()))).orElse(null), p -> p.course().id());
        if (cached == null) {
            throw ApiException.notFound("This course");
        }
        PublishedCourse c = cached.course();
        boolean staff = caller.map(p -> p.isAdmin() || c.isStaff(p.userId())).orElse(false);
        boolean enrolled = !staff && caller.map(p -> learners.enrolled(db, p.userId(), c.id())).orElse(false);
        if (c.status() == CourseStatus.ARCHIVED && !staff && !enrolled) {
            throw ApiException.notFound("This course");
        }
        List<PublishedLesson> lessons = cached.lessons();
        Set<UUID> completed = enrolled && lessons.stream().anyMatch(l -> !l.prerequisiteIds().isEmpty())
                ? learners.completed(caller.orElseThrow().userId(), c.id()) : Set.of();
        Map<UUID, CourseDetail.Section> sections = new LinkedHashMap<>();
        Map<UUID, List<CourseDetail.Lesson>> bySection = new LinkedHashMap<>();
        for (PublishedLesson l : lessons) {
            boolean locked = !staff && (enrolled ? !completed.containsAll(l.prerequisiteIds()) : !l.preview());
            bySection.computeIfAbsent(l.sectionId(), k -> new ArrayList<>()).add(new CourseDetail.Lesson(l.id(), l.title(),
                    l.type(), l.durationSec(), l.preview(), l.required(), locked, l.prerequisiteIds()));
            sections.putIfAbsent(l.sectionId(), null);
        }
        List<CourseDetail.Section> syllabus = new ArrayList<>();
        for (PublishedLesson l : lessons) {
            if (sections.get(l.sectionId()) == null) {
                CourseDetail.Section s = new CourseDetail.Section(l.sectionId(), l.sectionTitle(), bySection.get(l.sectionId()));
                sections.put(l.sectionId(), s);
                syllabus.add(s);
            }
        }
        long inCategory = caches.cube().cells().stream().filter(cell -> cell.category().equals(c.summary().category()))
                .mapToLong(FacetCube.Cell::count).sum();
        return detail(c, syllabus, new CourseDetail.Viewer(enrolled, staff), inCategory);
    }

    private static CourseDetail detail(PublishedCourse c, List<CourseDetail.Section> syllabus, CourseDetail.Viewer viewer,
                                       long inCategory) {
        CourseSummary s = c.summary();
        return new CourseDetail(s.id(), s.slug(), c.status(), c.version(), s.title(), s.subtitle(), c.description(),
                c.descriptionHtml(), new Category(s.category(), c.categoryName(), c.categoryPosition(), inCategory), c.tags(),
                s.level(), s.language(), s.pricing(), s.price(), s.thumbnailMediaId(), c.instructors(),
                new RatingSummary(s.rating(), s.ratingCount(), c.ratingHistogram()), s.enrollmentCount(), s.lessonCount(),
                s.durationSec(), s.publishedAt(), c.publishedAt(), syllabus, viewer);
    }
}
