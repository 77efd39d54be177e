package io.lectern.server.catalog.internal.authoring;

import io.lectern.model.catalog.CourseDraftView;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.DuplicateRequest;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.catalog.LessonContent;
import io.lectern.server.catalog.CourseCopier;
import io.lectern.model.common.FieldViolation;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deep copies of a course: a new draft with the same details, sections, lessons (new ids), prerequisites between the
 * copied lessons, subtitles and thumbnail, and — through learning's {@link CourseCopier} — its own quizzes, assignments
 * with their rubrics and the certificate design, all in one transaction: a working course whose learners can finish
 * it. The caller owns the copy; an admin's copy keeps the original owner. Copies made at the same moment get
 * different slugs.
 */
public final class Duplication {

    private final Clock clock;
    private final Ids idGen;
    private final DraftStore drafts;
    private final OutlineStore outlines;
    private final Authoring authoring;
    private volatile CourseCopier copier = CourseCopier.NOTHING;

    public Duplication(Clock clock, Ids idGen, DraftStore drafts, OutlineStore outlines, Authoring authoring) {
        this.clock = clock;
        this.idGen = idGen;
        this.drafts = drafts;
        this.outlines = outlines;
        this.authoring = authoring;
    }

    public CourseDraftView duplicate(Principal p, UUID sourceId, DuplicateRequest req) {
        String wantedTitle = req.title() == null ? null : req.title().strip();
        new Validation().check(wantedTitle == null || wantedTitle.length() >= 3 && wantedTitle.length() <= 120, "title",
                "length", "title must be 3 to 120 characters.")
                .check(req.slug() == null || Slugs.valid(req.slug()), "slug", "format",
                        "slug must be 3 to 80 lower-case letters, digits and single hyphens.").throwIfInvalid();
        UUID copyId = authoring.inTransaction(tx -> copy(tx, p, sourceId, req, wantedTitle), req.slug() == null);
        return authoring.draft(p, copyId);
    }

    public void useCopier(CourseCopier courseCopier) {
        this.copier = courseCopier;
    }

    private UUID copy(io.helidon.dbclient.DbExecute tx, Principal p, UUID sourceId, DuplicateRequest req,
                      String wantedTitle) {
        DraftCourse src = drafts.find(tx, sourceId).orElseThrow(() -> ApiException.notFound("This course"));
        CourseStaff.requireEditor(p, src);
        String title = wantedTitle != null ? wantedTitle : copyTitle(src.title());
        Instant now = clock.instant();
        DraftCourse copy = new DraftCourse(idGen.next(), authoring.slugFor(tx, null, req.slug(), title), title,
                src.subtitle(), src.description(), src.category(), src.tags(), src.level(), src.language(),
                src.pricing(), src.priceMinor(), src.currency(), src.thumbnailMediaId(),
                p.isAdmin() ? src.ownerId() : p.userId(), instructorsOfCopy(p, src), CourseStatus.DRAFT, 1, null, 0,
                now, null);
        drafts.insert(tx, copy, now);
        copyOutline(tx, src.id(), copy.id());
        return copy.id();
    }

    private void copyOutline(io.helidon.dbclient.DbExecute tx, UUID from, UUID to) {
        List<DraftSection> outline = outlines.outline(tx, from);
        Map<UUID, UUID> newIds = new HashMap<>();
        outline.forEach(s -> s.lessons().forEach(l -> newIds.put(l.id(), idGen.next())));
        Map<UUID, UUID> quizzes = copier.copy(tx, from, to, newIds);
        List<DraftLesson> copied = new ArrayList<>();
        for (DraftSection s : outline) {
            UUID sectionId = outlines.addSection(tx, idGen.next(), to, s.title());
            for (DraftLesson l : s.lessons()) {
                LessonContent content = l.content();
                if (content.quizId() != null && quizzes.containsKey(content.quizId())) {
                    content = new LessonContent(content.mediaId(), content.subtitles(), content.body(),
                            quizzes.get(content.quizId()), content.instructions(), content.liveSessionId(), content.url());
                }
                DraftLesson c = new DraftLesson(newIds.get(l.id()), to, sectionId, l.title(), l.type(), l.position(),
                        l.durationSec(), l.preview(), l.required(), content,
                        l.prerequisiteIds().stream().map(newIds::get).toList());
                outlines.copyLesson(tx, c);
                copied.add(c);
            }
        }
        copied.forEach(c -> outlines.setPrerequisites(tx, c.id(), c.prerequisiteIds()));
    }

    private static List<InstructorRef> instructorsOfCopy(Principal p, DraftCourse src) {
        if (p.isAdmin()) {
            return src.instructors();
        }
        List<InstructorRef> list = new ArrayList<>();
        src.instructors().stream().filter(i -> i.id().equals(p.userId()))
                .forEach(i -> list.add(new InstructorRef(i.id(), i.displayName(), true)));
        if (list.isEmpty()) {
            throw ApiException.invalid(List.of(new FieldViolation("courseId", "staff", "Only the course's staff copy it.")));
        }
        src.instructors().stream().filter(i -> !i.id().equals(p.userId()))
                .forEach(i -> list.add(new InstructorRef(i.id(), i.displayName(), false)));
        return list;
    }

    private static String copyTitle(String title) {
        String copy = "Copy of " + title;
        return copy.length() > 120 ? copy.substring(0, 120).strip() : copy;
    }
}
