package io.lectern.server.learning.internal.notes;

import io.lectern.model.learning.Note;
import io.lectern.model.learning.NoteInput;
import io.lectern.model.learning.SyncEvent;
import io.lectern.model.learning.SyncResult;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Notes online: the same merge as the sync, one event at a time. */
public final class Notes {

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final CatalogService catalog;
    private final NoteStore store;

    public Notes(Database db, Clock clock, Ids ids, CatalogService catalog, NoteStore store) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.catalog = catalog;
        this.store = store;
    }

    public List<Note> ofLesson(Principal p, UUID lessonId) {
        lesson(p, lessonId);
        return store.ofLesson(db.execute(), p.userId(), lessonId);
    }

    public Note create(Principal p, UUID lessonId, NoteInput in) {
        LessonFacts lesson = lesson(p, lessonId);
        UUID id = in.id() == null ? ids.next() : in.id();
        if (store.find(db.execute(), p.userId(), id).isPresent()) {
            throw new ApiException(409, "note.exists", "A note with this id exists; change it with PATCH.");
        }
        write(p, lesson, id, in, false);
        return store.find(db.execute(), p.userId(), id).orElseThrow(() -> new ApiException(409,
                "note.not_yours", "This note id is taken."));
    }

    public Note change(Principal p, UUID id, NoteInput in, boolean delete) {
        Note existing = store.find(db.execute(), p.userId(), id)
                .orElseThrow(() -> ApiException.notFound("This note"));
        LessonFacts lesson = catalog.lesson(existing.lessonId()).orElseThrow(() -> ApiException.notFound("This lesson"));
        NoteInput merged = delete ? new NoteInput(id, existing.kind(), existing.positionSec(), "", in.clientTime())
                : new NoteInput(id, in.kind() == null ? existing.kind() : in.kind(), in.positionSec() == null
                ? existing.positionSec() : in.positionSec(), in.body() == null ? existing.body() : in.body(),
                in.clientTime());
        write(p, lesson, id, merged, delete);
        return store.find(db.execute(), p.userId(), id).orElseThrow();
    }

    public List<Note> search(Principal p, String query, int limit) {
        return store.search(db.execute(), p.userId(), query, limit);
    }

    private void write(Principal p, LessonFacts lesson, UUID id, NoteInput in, boolean delete) {
        new Validation().maxLength("body", in.body(), NoteStore.MAX_BODY)
                .check(in.kind() == null || in.kind().equals("NOTE") || in.kind().equals("BOOKMARK"), "kind", "one_of",
                        "kind is NOTE or BOOKMARK.")
                .check(in.positionSec() == null || in.positionSec() >= 0, "positionSec", "min",
                        "positionSec cannot be negative.").throwIfInvalid();
        Instant at = in.clientTime() == null ? clock.instant() : in.clientTime();
        SyncEvent.NoteEvent e = delete ? new SyncEvent.NoteDelete(id.toString(), at, id, lesson.lessonId())
                : new SyncEvent.NoteUpsert(id.toString(), at, id, lesson.lessonId(), in.kind(), in.positionSec(), in.body());
        db.doInTransaction(tx -> {
            List<SyncResult.Rejected> refused = store.merge(tx, p.userId(), List.of(e), l -> lesson);
            if (!refused.isEmpty()) {
                throw new ApiException(409, refused.getFirst().code(), refused.getFirst().reason());
            }
        });
    }

    private LessonFacts lesson(Principal p, UUID lessonId) {
        LessonFacts lesson = catalog.lesson(lessonId).orElseThrow(() -> ApiException.notFound("This lesson"));
        if (!catalog.mayStudy(p, lesson.courseId())) {
            throw new ApiException(403, "lesson.enrollment_required", "Enroll in this course to keep notes in it.");
        }
        return lesson;
    }
}
