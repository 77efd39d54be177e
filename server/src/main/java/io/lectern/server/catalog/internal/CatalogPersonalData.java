package io.lectern.server.catalog.internal;

import io.lectern.server.catalog.internal.reviews.ReviewStore;
import io.lectern.server.catalog.internal.authoring.DraftStore;
import io.helidon.dbclient.DbExecute;
import io.lectern.server.catalog.internal.publishing.SnapshotStore;
import io.lectern.server.platform.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's part: reviews and replies a person wrote, reviews they reported, and the courses they teach.
 * Deleting the account leaves the reviews (their stars and words belong to the course's record) under "Former learner"
 * and replies under "Former instructor"; a deleted instructor's courses stay for their learners, listed under "Former
 * instructor" and no longer found by the name; the instructor directory forgets them.
 */
final class CatalogPersonalData implements PersonalData {

    static final String FORMER_LEARNER = "Former learner";
    static final String FORMER_INSTRUCTOR = "Former instructor";

    private final DraftStore drafts;
    private final ReviewStore reviews;
    private final SnapshotStore snapshots;
    private final CatalogCaches caches;

    CatalogPersonalData(DraftStore drafts, ReviewStore reviews, SnapshotStore snapshots, CatalogCaches caches) {
        this.drafts = drafts;
        this.reviews = reviews;
        this.snapshots = snapshots;
        this.caches = caches;
    }

    @Override
    public String section() {
        return "catalog";
    }

    @Override
    public Set<String> tables() {
        return Set.of("catalog.courses", "catalog.course_instructors", "catalog.published_courses",
                "catalog.instructor_directory", "catalog.reviews", "catalog.review_reports");
    }

    @Override
    public Object export(DbExecute db, Person person) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reviews", reviews.writtenBy(db, person.id()));
        out.put("replies", reviews.repliesBy(db, person.id()));
        out.put("reportsFiled", reviews.reportsBy(db, person.id()));
        out.put("coursesTaught", drafts.taughtBy(db, person.id()));
        return out;
    }

    @Override
    public void erase(DbExecute tx, Person person) {
        reviews.renameAuthor(tx, person.id(), FORMER_LEARNER, FORMER_INSTRUCTOR);
        List<String> names = drafts.renameInstructor(tx, person.id(), FORMER_INSTRUCTOR);
        snapshots.renameInstructor(tx, person.id(), FORMER_INSTRUCTOR);
        names.forEach(name -> snapshots.forgetWords(tx, name));
        snapshots.dropFromDirectory(tx, person.id());
        caches.catalogChanged(); // names on pages and cards
    }
}
