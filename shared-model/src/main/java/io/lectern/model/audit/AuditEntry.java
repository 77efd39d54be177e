package io.lectern.model.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One line of the audit log.
 *
 * @param id         entry id
 * @param at         when it happened
 * @param actorId    who did it (null for anonymous or system)
 * @param action     what happened, e.g. {@code auth.login.failed}, {@code user.role_changed}
 * @param targetType kind of thing acted on, e.g. {@code user}
 * @param targetId   id of the thing acted on
 * @param ip         client address, when known
 * @param details    extra facts (never secrets)
 */
public record AuditEntry(UUID id, Instant at, UUID actorId, String action, String targetType, String targetId,
                         String ip, Map<String, String> details) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
