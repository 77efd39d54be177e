package io.lectern.model.common;

import java.util.List;

/**
 * One page of a keyset-paginated list; {@code nextCursor} is null on the last page.
 *
 * @param items      the items on this page
 * @param nextCursor opaque cursor for the next page, or null
 * @param <T>        item type
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
