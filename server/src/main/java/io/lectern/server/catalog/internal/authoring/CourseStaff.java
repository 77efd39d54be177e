package io.lectern.server.catalog.internal.authoring;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.common.FieldViolation;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Authz;
import io.lectern.server.platform.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Who may edit a course (its owner, co-instructors and admins) and who may be made an instructor of one. */
public final class CourseStaff {

    private final IdentityService identity;

    public CourseStaff(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * Lets staff of the course through. Others get 404 for a course that was never published (its existence is
     * nobody else's business) and 403 for one the catalog shows.
     */
    public static void requireEditor(Principal p, DraftCourse course) {
        if (p.isAdmin() || course.isStaff(p.userId())) {
            return;
        }
        throw course.publishedVersion() > 0 ? Authz.forbidden() : ApiException.notFound("This course");
    }

    /** Owner-only changes (co-instructors, deletion): the owner or an admin. */
    public static void requireOwner(Principal p, DraftCourse course) {
        requireEditor(p, course);
        if (!p.isAdmin() && !course.ownerId().equals(p.userId())) {
            throw new ApiException(403, "course.owner_only", "Only the course's owner or an admin may do this.");
        }
    }

    /** The instructor list for an owner and co-instructors, checking each is an instructor or admin account. */
    public List<InstructorRef> instructors(DbExecute db, UUID ownerId, List<UUID> coInstructorIds) {
        List<FieldViolation> wrong = new ArrayList<>();
        List<InstructorRef> list = new ArrayList<>();
        list.add(new InstructorRef(ownerId, staffAccount(db, ownerId, "ownerId", wrong), true));
        for (int i = 0; i < coInstructorIds.size(); i++) {
            UUID id = coInstructorIds.get(i);
            String field = "coInstructorIds[" + i + "]";
            if (id == null || id.equals(ownerId) || list.stream().anyMatch(r -> r.id().equals(id))) {
                wrong.add(new FieldViolation(field, "unique", "List each co-instructor once, and not the owner."));
                continue;
            }
            list.add(new InstructorRef(id, staffAccount(db, id, field, wrong), false));
        }
        if (!wrong.isEmpty()) {
            throw ApiException.invalid(wrong);
        }
        return list;
    }

    private String staffAccount(DbExecute db, UUID id, String field, List<FieldViolation> wrong) {
        UserView user = identity.findById(db, id).orElse(null);
        if (user == null || user.role() == Role.STUDENT) {
            wrong.add(new FieldViolation(field, "instructor", field + " must be the id of an instructor account."));
            return "";
        }
        return user.displayName();
    }
}
