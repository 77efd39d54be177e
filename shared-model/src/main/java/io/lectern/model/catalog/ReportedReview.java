package io.lectern.model.catalog;

import java.util.List;

/**
 * A review learners reported, in the admins' moderation queue.
 *
 * @param review      the review
 * @param courseTitle its course
 * @param reportCount how many users reported it
 * @param reasons     the reasons given, most recent first
 */
public record ReportedReview(ReviewView review, String courseTitle, int reportCount, List<String> reasons) {

    public ReportedReview {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
