package io.lectern.server.catalog.internal.pages;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.InstructorCard;
import io.lectern.model.catalog.InstructorProfile;
import io.lectern.model.common.Page;
import io.lectern.server.catalog.internal.publishing.PublishedStore;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Sql;
import io.lectern.server.platform.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public instructor directory: instructors with published courses, found by name (also partial or misspelt,
 * by trigrams) or by the topics they teach (full text over their courses' titles, subtitles and tags).
 */
public final class InstructorDirectory {

    private static final String COLUMNS = "SELECT d.user_id, d.display_name, d.course_count, d.topics, d.rating_avg, "
            + "d.learners FROM catalog.instructor_directory d";

    private final PublishedStore published;

    public InstructorDirectory(PublishedStore published) {
        this.published = published;
    }

    public Page<InstructorCard> search(DbExecute db, Optional<String> q, int limit, Optional<String> cursor) {
        if (q.isPresent()) {
            String pattern = "%" + q.get().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            // the query is computed once (MATERIALIZED): in a generic plan of a prepared statement an inlined
            // expression of the parameter would be computed again for every row
            Sql sql = new Sql("WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('simple', catalog.fold(?))"
                    + " || websearch_to_tsquery('english', catalog.fold(?)) AS tsq) " + COLUMNS
                    + " CROSS JOIN q, ts_rank(d.search, q.tsq) AS rank", q.get(), q.get())
                    .append(" WHERE d.search @@ q.tsq")
                    .append(" OR lower(d.display_name) LIKE ? OR ? OPERATOR(catalog.<%) d.display_name", pattern, q.get())
                    .append(" ORDER BY rank DESC, catalog.word_similarity(?, d.display_name) DESC, d.learners DESC, d.user_id"
                            + " LIMIT ?", q.get(), limit);
            try (var rows = db.query(sql.text(), sql.params())) {
                return new Page<>(rows.map(InstructorDirectory::card).toList(), null);
            }
        }
        Sql sql = new Sql(COLUMNS);
        cursor.map(InstructorDirectory::decode).ifPresent(c -> sql.append(" WHERE (d.display_name, d.user_id) > (?, ?::uuid)",
                c[0], c[1]));
        sql.append(" ORDER BY d.display_name, d.user_id LIMIT ?", limit + 1);
        List<InstructorCard> cards;
        try (var rows = db.query(sql.text(), sql.params())) {
            cards = rows.map(InstructorDirectory::card).toList();
        }
        if (cards.size() <= limit) {
            return new Page<>(cards, null);
        }
        InstructorCard last = cards.get(limit - 1);
        String next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.displayName() + "\n" + last.id())
                .getBytes(StandardCharsets.UTF_8));
        return new Page<>(cards.subList(0, limit), next);
    }

    public InstructorProfile profile(DbExecute db, UUID userId) {
        InstructorCard card = db.get(COLUMNS + " WHERE d.user_id = ?", userId).map(InstructorDirectory::card)
                .orElseThrow(() -> ApiException.notFound("This instructor"));
        return new InstructorProfile(card, published.byInstructor(db, userId, 50));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw new ApiException(400, "request.bad_cursor", "The cursor is not one this server gave out.");
        }
    }

    private static InstructorCard card(DbRow r) {
        return new InstructorCard(Rows.uuid(r, "user_id"), Rows.text(r, "display_name"),
                (int) Rows.number(r, "course_count"), Rows.strings(r, "topics"), Rows.decimal(r, "rating_avg"),
                Rows.number(r, "learners"));
    }
}
