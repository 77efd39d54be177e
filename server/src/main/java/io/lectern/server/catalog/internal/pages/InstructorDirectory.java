package io.lectern.server.catalog.internal.pages;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.InstructorCard;
import io.lectern.model.catalog.InstructorProfile;
import io.lectern.model.common.Page;
import io.lectern.server.catalog.internal.publishing.PublishedStore;
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

    private final InstructorDirectoryStore store = new InstructorDirectoryStore();
    private final PublishedStore published;

    public InstructorDirectory(PublishedStore published) {
        this.published = published;
    }

    public Page<InstructorCard> search(DbExecute db, Optional<String> q, int limit, Optional<String> cursor) {
        if (q.isPresent()) {
            String pattern = "%" + q.get().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            return new Page<>(store.matching(db, q.get(), pattern, limit), null);
        }
        List<InstructorCard> cards = store.byName(db, cursor.map(InstructorDirectory::decode), limit + 1);
        if (cards.size() <= limit) {
            return new Page<>(cards, null);
        }
        InstructorCard last = cards.get(limit - 1);
        String next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.displayName() + "\n" + last.id())
                .getBytes(StandardCharsets.UTF_8));
        return new Page<>(cards.subList(0, limit), next);
    }

    public InstructorProfile profile(DbExecute db, UUID userId) {
        InstructorCard card = store.card(db, userId).orElseThrow(() -> ApiException.notFound("This instructor"));
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
}
