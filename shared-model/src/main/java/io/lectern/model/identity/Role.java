package io.lectern.model.identity;

/** What a signed-in person may do: learners, course authors and platform staff. */
public enum Role {
    STUDENT, INSTRUCTOR, ADMIN
}
