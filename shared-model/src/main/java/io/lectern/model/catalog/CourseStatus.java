package io.lectern.model.catalog;

/** Where a course is in its life. */
public enum CourseStatus {
    /** Never published; only its staff see it. */
    DRAFT,
    /** In the catalog; edits go to a draft revision until published again. */
    PUBLISHED,
    /** Hidden from the catalog; enrolled learners keep access. */
    ARCHIVED
}
