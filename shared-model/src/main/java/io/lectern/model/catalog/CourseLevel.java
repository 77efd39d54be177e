package io.lectern.model.catalog;

/** How much a learner should know before starting a course. */
public enum CourseLevel {
    BEGINNER, INTERMEDIATE, ADVANCED
}
