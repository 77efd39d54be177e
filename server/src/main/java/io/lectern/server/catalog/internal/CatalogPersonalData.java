package io.lectern.server.catalog.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.catalog.internal.publishing.SnapshotStore;
import io.lectern.server.platform.db.Rows;
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

    private final SnapshotStore snapshots;
    private final CatalogCaches caches;

    CatalogPersonalData(SnapshotStore snapshots, CatalogCaches caches) {
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
        out.put("reviews", Rows.maps(db, """
                SELECT r.id, r.course_id, c.title AS course, r.author_name AS shown_as, r.rating, r.body, r.hidden,
                       r.created_at, r.updated_at
                  FROM catalog.reviews r JOIN catalog.courses c ON c.id = r.course_id WHERE r.author_id = ?
                 ORDER BY r.created_at""", person.id()));
        out.put("replies", Rows.maps(db, """
                SELECT r.id AS review_id, c.title AS course, r.reply_name AS shown_as, r.reply_body AS body, r.reply_at
                  FROM catalog.reviews r JOIN catalog.courses c ON c.id = r.course_id WHERE r.reply_author = ?
                 ORDER BY r.reply_at""", person.id()));
        out.put("reportsFiled", Rows.maps(db, """
                SELECT review_id, reason, details, created_at FROM catalog.review_reports WHERE reporter_id = ?
                 ORDER BY created_at""", person.id()));
        out.put("coursesTaught", Rows.maps(db, """
                SELECT c.id, c.title, c.status, c.owner_id = i.user_id AS owner, i.display_name AS shown_as
                  FROM catalog.course_instructors i JOIN catalog.courses c ON c.id = i.course_id WHERE i.user_id = ?
                 ORDER BY c.created_at""", person.id()));
        return out;
    }

    @Override
    public void erase(DbExecute tx, Person person) {
        tx.dml("UPDATE catalog.reviews SET author_name = ? WHERE author_id = ?", FORMER_LEARNER, person.id());
        tx.dml("UPDATE catalog.reviews SET reply_name = ? WHERE reply_author = ?", FORMER_INSTRUCTOR, person.id());
        List<String> names;
        try (var rows = tx.query("SELECT DISTINCT display_name FROM catalog.course_instructors WHERE user_id = ?",
                person.id())) {
            names = rows.map(r -> Rows.text(r, "display_name")).toList();
        }
        tx.dml("UPDATE catalog.course_instructors SET display_name = ? WHERE user_id = ?", FORMER_INSTRUCTOR,
                person.id());
        snapshots.renameInstructor(tx, person.id(), FORMER_INSTRUCTOR);
        names.forEach(name -> snapshots.forgetWords(tx, name));
        tx.dml("DELETE FROM catalog.instructor_directory WHERE user_id = ?", person.id());
        caches.catalogChanged(); // names on pages and cards
    }
}
