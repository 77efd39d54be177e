package io.lectern.model.catalog;

import java.util.List;

/**
 * An instructor's public page.
 *
 * @param instructor the directory entry
 * @param courses    their published courses, newest first
 */
public record InstructorProfile(InstructorCard instructor, List<CourseSummary> courses) {

    public InstructorProfile {
        courses = courses == null ? List.of() : List.copyOf(courses);
    }
}
