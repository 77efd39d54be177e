package io.lectern.model.learning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One queued offline action, one record per type. In JSON it is an object whose {@code type} property names the
 * record ({@code HEARTBEAT}, {@code COMPLETE}, {@code NOTE_UPSERT}, {@code NOTE_DELETE}, {@code QUIZ_ATTEMPT},
 * {@code ASSIGNMENT_DRAFT}) next to {@code id}, {@code clientTime} and the type's own fields.
 *
 * <p>The wire format is the one of the former single record that held every field: an event may still carry the
 * fields of the other types (clients that send every field, nulls included, keep working, and so do events queued
 * on disk in that shape); they are ignored. Field names no event type has are still unknown. An event whose
 * {@code type} is missing or not one of these reads as {@link Unknown}, which the server refuses on its own.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true, defaultImpl = SyncEvent.Unknown.class)
@JsonSubTypes({@JsonSubTypes.Type(SyncEvent.Heartbeat.class), @JsonSubTypes.Type(SyncEvent.Complete.class),
        @JsonSubTypes.Type(SyncEvent.NoteUpsert.class), @JsonSubTypes.Type(SyncEvent.NoteDelete.class),
        @JsonSubTypes.Type(SyncEvent.QuizAttempt.class), @JsonSubTypes.Type(SyncEvent.AssignmentDraft.class)})
@JsonPropertyOrder({"id", "type", "clientTime"})
public sealed interface SyncEvent {

    /** The client's event id (idempotency). */
    String id();

    /** When it happened on the client. */
    Instant clientTime();

    /** The type's name on the wire, written as the {@code type} property. */
    @JsonProperty("type")
    String type();

    /** An event on a note: {@link NoteUpsert} or {@link NoteDelete}, merged per note by client time. */
    sealed interface NoteEvent extends SyncEvent {

        /** The note. */
        UUID noteId();

        /** The note's lesson. */
        UUID lessonId();
    }

    /**
     * {@code HEARTBEAT}: what was studied of a lesson since the previous heartbeat: watched seconds of a video, or
     * the pages of a PDF lesson looked at.
     *
     * @param id            the client's event id (idempotency)
     * @param clientTime    when it happened on the client
     * @param lessonId      lesson
     * @param positionSec   position in the video
     * @param watchedRanges watched {@code [from, to]} pairs
     * @param spentSec      study seconds
     * @param pagesViewed   a PDF lesson's pages (from 1) looked at, instead of watched ranges
     */
    @JsonTypeName("HEARTBEAT")
    @JsonPropertyOrder({"id", "type", "clientTime"})
    @JsonIgnoreProperties(value = {"type", "noteId", "kind", "body", "quizId", "answers", "startedAt"},
            allowGetters = true)
    record Heartbeat(String id, Instant clientTime, UUID lessonId, Double positionSec, List<List<Double>> watchedRanges,
                     Integer spentSec, List<Integer> pagesViewed) implements SyncEvent {

        @Override
        public String type() {
            return "HEARTBEAT";
        }
    }

    /**
     * {@code COMPLETE}: the learner marked a lesson done.
     *
     * @param id         the client's event id (idempotency)
     * @param clientTime when it happened on the client
     * @param lessonId   lesson
     */
    @JsonTypeName("COMPLETE")
    @JsonPropertyOrder({"id", "type", "clientTime"})
    @JsonIgnoreProperties(value = {"type", "positionSec", "watchedRanges", "spentSec", "noteId", "kind", "body", "quizId",
        "answers", "startedAt", "pagesViewed"}, allowGetters = true)
    record Complete(String id, Instant clientTime, UUID lessonId) implements SyncEvent {

        @Override
        public String type() {
            return "COMPLETE";
        }
    }

    /**
     * {@code NOTE_UPSERT}: a note or bookmark written or changed.
     *
     * @param id          the client's event id (idempotency)
     * @param clientTime  when it happened on the client
     * @param noteId      note
     * @param lessonId    the note's lesson
     * @param kind        NOTE or BOOKMARK
     * @param positionSec the note's time in the video
     * @param body        note text
     */
    @JsonTypeName("NOTE_UPSERT")
    @JsonPropertyOrder({"id", "type", "clientTime"})
    @JsonIgnoreProperties(value = {"type", "watchedRanges", "spentSec", "quizId", "answers", "startedAt", "pagesViewed"},
            allowGetters = true)
    record NoteUpsert(String id, Instant clientTime, UUID noteId, UUID lessonId, String kind, Double positionSec,
                      String body) implements NoteEvent {

        @Override
        public String type() {
            return "NOTE_UPSERT";
        }
    }

    /**
     * {@code NOTE_DELETE}: a note or bookmark deleted (a tombstone that older edits cannot undo).
     *
     * @param id         the client's event id (idempotency)
     * @param clientTime when it happened on the client
     * @param noteId     note
     * @param lessonId   the note's lesson, if known: the server keeps the tombstone of a note it has not seen yet
     */
    @JsonTypeName("NOTE_DELETE")
    @JsonPropertyOrder({"id", "type", "clientTime"})
    @JsonIgnoreProperties(value = {"type", "positionSec", "watchedRanges", "spentSec", "kind", "body", "quizId", "answers",
        "startedAt", "pagesViewed"}, allowGetters = true)
    record NoteDelete(String id, Instant clientTime, UUID noteId, UUID lessonId) implements NoteEvent {

        @Override
        public String type() {
            return "NOTE_DELETE";
        }
    }

    /**
     * {@code QUIZ_ATTEMPT}: an attempt taken offline (untimed quizzes only), graded by the server when it arrives.
     *
     * @param id         the client's event id (idempotency)
     * @param clientTime when it happened on the client
     * @param quizId     quiz
     * @param answers    the attempt's answers by question id
     * @param startedAt  when the attempt began
     */
    @JsonTypeName("QUIZ_ATTEMPT")
    @JsonPropertyOrder({"id", "type", "clientTime"})
    @JsonIgnoreProperties(value = {"type", "lessonId", "positionSec", "watchedRanges", "spentSec", "noteId", "kind", "body",
        "pagesViewed"}, allowGetters = true)
    record QuizAttempt(String id, Instant clientTime, UUID quizId, Map<String, Object> answers, Instant startedAt)
            implements SyncEvent {

        @Override
        public String type() {
            return "QUIZ_ATTEMPT";
        }
    }

    /**
     * {@code ASSIGNMENT_DRAFT}: the draft of an assignment's written answer.
     *
     * @param id         the client's event id (idempotency)
     * @param clientTime when it happened on the client
     * @param lessonId   the assignment's lesson
     * @param body       the draft
     */
    @JsonTypeName("ASSIGNMENT_DRAFT")
    @JsonPropertyOrder({"id", "type", "clientTime"})
    @JsonIgnoreProperties(value = {"type", "positionSec", "watchedRanges", "spentSec", "noteId", "kind", "quizId",
        "answers", "startedAt", "pagesViewed"}, allowGetters = true)
    record AssignmentDraft(String id, Instant clientTime, UUID lessonId, String body) implements SyncEvent {

        @Override
        public String type() {
            return "ASSIGNMENT_DRAFT";
        }
    }

    /**
     * An event whose {@code type} is missing or unknown to this version: read so that it can be refused on its own
     * ({@code sync.unknown_type}) while the others apply.
     *
     * @param id         the client's event id
     * @param type       the type as sent, null when missing
     * @param clientTime when it happened on the client
     */
    @JsonPropertyOrder({"id", "type", "clientTime"})
    @JsonIgnoreProperties({"lessonId", "positionSec", "watchedRanges", "spentSec", "noteId", "kind", "body", "quizId",
        "answers", "startedAt", "pagesViewed"})
    record Unknown(String id, String type, Instant clientTime) implements SyncEvent {
    }
}
