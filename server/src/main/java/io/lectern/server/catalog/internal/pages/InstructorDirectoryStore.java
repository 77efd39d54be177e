package io.lectern.server.catalog.internal.pages;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.InstructorCard;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Sql;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the instructor directory ({@code catalog.instructor_directory}), which the publishing snapshots keep. */
final class InstructorDirectoryStore {

    private static final String COLUMNS = "SELECT d.user_id, d.display_name, d.course_count, d.topics, d.rating_avg, "
            + "d.learners FROM catalog.instructor_directory d";

    /** Instructors whose name or topics match {@code q} ({@code pattern}: its LIKE form), best first. */
    List<InstructorCard> matching(DbExecute db, String q, String pattern, int limit) {
        // the query is computed once (MATERIALIZED): in a generic plan of a prepared statement an inlined
        // expression of the parameter would be computed again for every row
        Sql sql = new Sql("WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('simple', catalog.fold(?))"
                + " || websearch_to_tsquery('english', catalog.fold(?)) AS tsq) " + COLUMNS
                + " CROSS JOIN q, ts_rank(d.search, q.tsq) AS rank", q, q)
                .append(" WHERE d.search @@ q.tsq")
                .append(" OR lower(d.display_name) LIKE ? OR ? OPERATOR(catalog.<%) d.display_name", pattern, q)
                .append(" ORDER BY rank DESC, catalog.word_similarity(?, d.display_name) DESC, d.learners DESC, d.user_id"
                        + " LIMIT ?", q, limit);
        try (var rows = db.query(sql.text(), sql.params())) {
            return rows.map(InstructorDirectoryStore::card).toList();
        }
    }

    /** Up to {@code limit} instructors by name, after the (name, id) {@code after} when given. */
    List<InstructorCard> byName(DbExecute db, Optional<String[]> after, int limit) {
        Sql sql = new Sql(COLUMNS);
        after.ifPresent(c -> sql.append(" WHERE (d.display_name, d.user_id) > (?, ?::uuid)", c[0], c[1]));
        sql.append(" ORDER BY d.display_name, d.user_id LIMIT ?", limit);
        try (var rows = db.query(sql.text(), sql.params())) {
            return rows.map(InstructorDirectoryStore::card).toList();
        }
    }

    Optional<InstructorCard> card(DbExecute db, UUID userId) {
        return db.get(COLUMNS + " WHERE d.user_id = ?", userId).map(InstructorDirectoryStore::card);
    }

    private static InstructorCard card(DbRow r) {
        return new InstructorCard(Rows.uuid(r, "user_id"), Rows.text(r, "display_name"),
                (int) Rows.number(r, "course_count"), Rows.strings(r, "topics"), Rows.decimal(r, "rating_avg"),
                Rows.number(r, "learners"));
    }
}
