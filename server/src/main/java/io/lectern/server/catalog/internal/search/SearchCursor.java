package io.lectern.server.catalog.internal.search;

import io.lectern.server.platform.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of search results ended: the sort it belongs to, the last course's sort key and its id.
 *
 * @param sort the sort
 * @param key  the last row's sort key as text
 * @param id   the last row's course id
 */
public record SearchCursor(SearchSort sort, String key, UUID id) {

    public String encode() {
        String raw = sort.name() + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static SearchCursor decode(String cursor, SearchSort expected) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
            SearchCursor c = new SearchCursor(SearchSort.valueOf(parts[0]), parts[1], UUID.fromString(parts[2]));
            if (c.sort() != expected) {
                throw new IllegalArgumentException("cursor of another sort");
            }
            c.checkKey();
            return c;
        } catch (RuntimeException e) {
            throw new ApiException(400, "request.bad_cursor", "The cursor is not one this server gave out for this sort.");
        }
    }

    private void checkKey() {
        switch (sort) {
            case RELEVANCE -> Float.parseFloat(key);
            case NEWEST -> java.time.Instant.parse(key);
            case RATING -> new java.math.BigDecimal(key);
            default -> Long.parseLong(key);
        }
    }
}
