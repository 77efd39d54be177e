package io.lectern.server.catalog.internal;

import io.lectern.server.catalog.internal.publishing.PublishedCourse;
import io.lectern.server.catalog.internal.publishing.PublishedLesson;
import io.lectern.server.catalog.internal.search.FacetCube;
import java.time.Clock;
import io.lectern.server.platform.cache.ReadCache;
import io.lectern.server.platform.redis.Broadcast;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * What the catalog keeps in memory to answer browsing fast: course pages (the published snapshot and an anonymous
 * visitor's ready JSON), first pages of searches, and the facet counts of the whole catalog. Every instance drops
 * its copies when a course is published, archived or its rating changes anywhere (Redis broadcast), and the next
 * read loads anew; enrollment counts, which move all the time, are at most {@link #TTL} old on course pages and
 * {@link #SEARCH_TTL} on search cards.
 */
public final class CatalogCaches {

    public static final Duration TTL = Duration.ofSeconds(30);
    /** Search answers change only with publishes and archives (which drop them at once); their cards' counts may lag. */
    static final Duration SEARCH_TTL = Duration.ofMinutes(5);
    private static final String CHANNEL = "catalog";

    /**
     * A published course page's data, shared by all viewers.
     *
     * @param course  the snapshot
     * @param lessons its lessons in syllabus order
     */
    public record Page(PublishedCourse course, List<PublishedLesson> lessons) {
    }

    /**
     * A serialized answer and what it is about.
     *
     * @param json     response body
     * @param courseId the course, for invalidation (null for searches)
     */
    public record Json(byte[] json, UUID courseId) {
    }

    private final ReadCache<String, Page> pages;
    private final ReadCache<String, Json> anonymousPages;
    private final ReadCache<String, Json> searches;
    private final FacetCube cube;
    private final Broadcast broadcast;

    public CatalogCaches(Clock clock, Broadcast broadcast, FacetCube cube) {
        this.pages = new ReadCache<>(TTL, 20_000, clock);
        this.anonymousPages = new ReadCache<>(TTL, 20_000, clock);
        this.searches = new ReadCache<>(SEARCH_TTL, 50_000, clock);
        this.cube = cube;
        this.broadcast = broadcast;
        broadcast.subscribe(CHANNEL, this::onMessage);
    }

    /** Course pages by id or slug, for signed-in readers. */
    public ReadCache<String, Page> pages() {
        return pages;
    }

    /** Course pages as anonymous readers get them, rendered. */
    public ReadCache<String, Json> anonymousPages() {
        return anonymousPages;
    }

    /** Search results, rendered. */
    public ReadCache<String, Json> searches() {
        return searches;
    }

    /** The facet counts. */
    public FacetCube cube() {
        return cube;
    }

    /**
     * A course was published or archived: its page and every search may read differently now. This instance drops
     * its copies at once (read your writes); the others when the broadcast arrives.
     */
    public void coursePublished(UUID courseId) {
        tell("published:" + courseId);
    }

    /** Courses were imported: everything may read differently. */
    public void catalogChanged() {
        tell("all:" + new UUID(0, 0));
    }

    /**
     * A course's rating changed (a review written, edited, hidden or removed): its page, every search (cards show the
     * rating, the rating filter selects by it) and the rating facet read differently at once.
     */
    public void ratingChanged(UUID courseId) {
        tell("rated:" + courseId);
    }

    private void tell(String message) {
        onMessage(message);
        broadcast.publish(CHANNEL, message);
    }

    private void onMessage(String message) {
        int colon = message.indexOf(':');
        UUID id;
        try {
            id = UUID.fromString(message.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return;
        }
        boolean all = message.startsWith("all:");
        pages.invalidate(tag -> all || id.equals(tag));
        anonymousPages.invalidate(tag -> all || id.equals(tag));
        if (all || message.startsWith("published:") || message.startsWith("rated:")) {
            searches.invalidateAll();
            cube.stale();
        }
    }
}
