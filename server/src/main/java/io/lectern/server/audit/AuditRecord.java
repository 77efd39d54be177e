package io.lectern.server.audit;

import java.util.Map;
import java.util.UUID;

/**
 * Something to write into the audit log.
 *
 * @param actorId    who did it; null for anonymous callers and the system
 * @param action     dotted action name, e.g. {@code auth.login.failed}
 * @param targetType kind of thing acted on, e.g. {@code user}; may be null
 * @param targetId   its id; may be null
 * @param ip         client address; may be null
 * @param details    extra facts, never secrets
 */
public record AuditRecord(UUID actorId, String action, String targetType, String targetId, String ip,
                          Map<String, String> details) {

    public AuditRecord {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditRecord of(UUID actorId, String action, UUID userTarget, String ip) {
        return new AuditRecord(actorId, action, userTarget == null ? null : "user",
                userTarget == null ? null : userTarget.toString(), ip, Map.of());
    }

    public AuditRecord with(String key, String value) {
        var copy = new java.util.HashMap<>(details);
        copy.put(key, value);
        return new AuditRecord(actorId, action, targetType, targetId, ip, copy);
    }
}
