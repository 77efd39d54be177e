package io.lectern.desktop.core.learning;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.offline.OfflineStore;
import io.lectern.desktop.core.offline.SyncEngine;
import io.lectern.model.learning.Note;
import io.lectern.model.learning.SyncEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Notes and bookmarks on a lesson's timeline, offline first: a change is kept in the local store at once (so it
 * shows immediately, online or not) and queued for the sync, where the server merges it per note (last writer by
 * client time wins; deletes are tombstones).
 */
public final class NotesBook {

    /** Longest note, as the server allows. */
    public static final int MAX_LENGTH = 10_000;

    private final OfflineStore store;
    private final SyncEngine sync;
    private final Clock clock;

    public NotesBook(OfflineStore store, SyncEngine sync, Clock clock) {
        this.store = store;
        this.sync = sync;
        this.clock = clock;
    }

    /** The lesson's notes and bookmarks in timeline order. */
    public List<Note> of(UUID lessonId) {
        return store.notes(lessonId.toString()).stream().filter(n -> !n.deleted())
                .sorted(Comparator.comparing((Note n) -> n.positionSec() == null ? 0 : n.positionSec())
                        .thenComparing(Note::updatedAt)).toList();
    }

    /** A bookmark at {@code positionSec}. */
    public Note bookmark(UUID lessonId, double positionSec) {
        return save(new Note(UUID.randomUUID(), lessonId, null, "BOOKMARK", positionSec, "", false, now()));
    }

    /** A note at {@code positionSec}; blank or too long text is refused with the reason. */
    public Note note(UUID lessonId, double positionSec, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new IllegalArgumentException(tr("notes.blank"));
        }
        if (body.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(tr("notes.tooLong", MAX_LENGTH));
        }
        return save(new Note(UUID.randomUUID(), lessonId, null, "NOTE", positionSec, body, false, now()));
    }

    public void delete(Note n) {
        Instant at = now();
        store.putNote(new Note(n.id(), n.lessonId(), n.courseId(), n.kind(), n.positionSec(), n.body(), true, at));
        sync.record(new SyncEvent.NoteDelete(UUID.randomUUID().toString(), at, n.id(), n.lessonId()));
    }

    private Note save(Note n) {
        store.putNote(n);
        sync.record(new SyncEvent.NoteUpsert(UUID.randomUUID().toString(), n.updatedAt(), n.id(), n.lessonId(), n.kind(),
                n.positionSec(), n.body()));
        return n;
    }

    private Instant now() {
        return clock.instant();
    }
}
