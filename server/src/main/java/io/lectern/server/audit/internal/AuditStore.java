package io.lectern.server.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.audit.AuditEntry;
import io.lectern.model.common.Page;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.PageCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over {@code audit.entries}. */
public final class AuditStore {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() { };

    /**
     * What admins filter by; every part optional.
     *
     * @param action   exact action, or a prefix ending in a dot ({@code auth.})
     * @param actorId  who acted
     * @param targetId what was acted on
     * @param since    from (inclusive)
     * @param until    to (exclusive)
     * @param limit    page size
     * @param cursor   where the last page ended
     */
    public record Filter(Optional<String> action, Optional<UUID> actorId, Optional<String> targetId,
                         Optional<Instant> since, Optional<Instant> until, int limit, Optional<PageCursor> cursor) {
    }

    public void insert(DbExecute tx, UUID id, AuditRecord r, ObjectMapper mapper) {
        tx.insert("""
                INSERT INTO audit.entries (id, actor_id, action, target_type, target_id, ip, details)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""", id, r.actorId(), r.action(), r.targetType(), r.targetId(),
                r.ip(), write(mapper, r.details()));
    }

    public List<AuditEntry> aboutUser(DbExecute db, UUID userId, ObjectMapper mapper) {
        try (var rows = db.query("""
                SELECT * FROM audit.entries WHERE actor_id = ? OR target_id = ? ORDER BY at, id""",
                userId, userId.toString())) {
            return rows.map(r -> entry(r, mapper)).toList();
        }
    }

    public Page<AuditEntry> search(DbExecute db, Filter f, ObjectMapper mapper) {
        String action = f.action().orElse(null);
        boolean prefix = action != null && action.endsWith(".");
        Instant cursorAt = f.cursor().map(PageCursor::at).orElse(null);
        UUID cursorId = f.cursor().map(PageCursor::id).orElse(null);
        List<AuditEntry> items;
        try (var rows = db.query("""
                SELECT * FROM audit.entries
                WHERE (?::text IS NULL OR (CASE WHEN ? THEN action LIKE ?::text || '%' ELSE action = ?::text END))
                  AND (?::uuid IS NULL OR actor_id = ?::uuid)
                  AND (?::text IS NULL OR target_id = ?::text)
                  AND (?::timestamptz IS NULL OR at >= ?::timestamptz)
                  AND (?::timestamptz IS NULL OR at < ?::timestamptz)
                  AND (?::timestamptz IS NULL OR (at, id) < (?::timestamptz, ?::uuid))
                ORDER BY at DESC, id DESC LIMIT ?""",
                action, prefix, action, action,
                f.actorId().orElse(null), f.actorId().orElse(null),
                f.targetId().orElse(null), f.targetId().orElse(null),
                param(f.since()), param(f.since()), param(f.until()), param(f.until()),
                param(Optional.ofNullable(cursorAt)), param(Optional.ofNullable(cursorAt)), cursorId,
                f.limit() + 1)) {
            items = new ArrayList<>(rows.map(r -> entry(r, mapper)).toList());
        }
        if (items.size() <= f.limit()) {
            return new Page<>(items, null);
        }
        AuditEntry last = items.get(f.limit() - 1);
        return new Page<>(items.subList(0, f.limit()), new PageCursor(last.at(), last.id()).encode());
    }

    private static Object param(Optional<Instant> instant) {
        return instant.map(Rows::param).orElse(null);
    }

    private static AuditEntry entry(DbRow r, ObjectMapper mapper) {
        Object actor = Rows.value(r, "actor_id");
        Map<String, String> details;
        try {
            details = mapper.readValue(String.valueOf(Rows.value(r, "details")), DETAILS);
        } catch (JsonProcessingException e) {
            details = Map.of();
        }
        return new AuditEntry(Rows.uuid(r, "id"), Rows.instant(r, "at"), actor == null ? null : Rows.uuid(r, "actor_id"),
                Rows.text(r, "action"), Rows.text(r, "target_type"), Rows.text(r, "target_id"), Rows.text(r, "ip"),
                details);
    }

    private static String write(ObjectMapper mapper, Map<String, String> details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details cannot be written as JSON", e);
        }
    }

    /** Takes the address and email out of the entries about a person (account deletion); the entries stay. */
    public void scrub(DbExecute tx, UUID userId, String email) {
        tx.dml("""
                UPDATE audit.entries SET ip = NULL, details = details - 'email'
                 WHERE actor_id = ? OR target_id = ? OR lower(details ->> 'email') = lower(?)""", userId,
                userId.toString(), email);
    }
}
