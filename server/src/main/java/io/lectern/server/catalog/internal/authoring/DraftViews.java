package io.lectern.server.catalog.internal.authoring;

import io.lectern.model.catalog.CourseDraftView;
import io.lectern.model.catalog.LessonContent;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.LessonView;
import io.lectern.model.catalog.Money;
import java.util.List;

/** Turns a course's working copy into what the studio shows. */
public final class DraftViews {

    private DraftViews() {
    }

    public static CourseDraftView course(DraftCourse c, List<DraftSection> outline) {
        return new CourseDraftView(c.id(), c.slug(), c.status(), c.revision(), c.publishedVersion(),
                c.hasUnpublishedChanges(), c.title(), c.subtitle(), c.description(), c.category(), c.tags(), c.level(),
                c.language(), c.pricing(), new Money(c.priceMinor(), c.currency()), c.thumbnailMediaId(),
                c.instructors(), outline.stream().map(s -> new CourseDraftView.Section(s.id(), s.title(),
                        s.lessons().stream().map(DraftViews::lesson).toList())).toList(),
                c.updatedAt(), c.publishedAt());
    }

    public static LessonView lesson(DraftLesson l) {
        return new LessonView(l.id(), l.courseId(), l.sectionId(), l.title(), l.type(), l.durationSec(), l.preview(),
                l.required(), l.prerequisiteIds(), l.content(), html(l.type(), l.content()), null, null);
    }

    /** The Markdown a lesson type carries, rendered; null for types without text. */
    public static String html(LessonType type, LessonContent content) {
        return switch (type) {
            case ARTICLE -> MarkdownHtml.render(content.body());
            case ASSIGNMENT -> MarkdownHtml.render(content.instructions());
            default -> null;
        };
    }

    /** The entity tag of a draft revision, for {@code ETag}/{@code If-Match}. */
    public static String etag(int revision) {
        return "\"r" + revision + "\"";
    }
}
