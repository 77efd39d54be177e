package io.lectern.server.catalog.internal.authoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The "finish these first" relation between a course's lessons; it must stay free of cycles. */
public final class PrerequisiteGraph {

    private final Map<UUID, Set<UUID>> requires = new HashMap<>();

    public PrerequisiteGraph(Map<UUID, ? extends Iterable<UUID>> edges) {
        edges.forEach((lesson, required) -> required.forEach(r -> add(lesson, r)));
    }

    public void add(UUID lesson, UUID required) {
        requires.computeIfAbsent(lesson, k -> new HashSet<>()).add(required);
    }

    /** Replaces what {@code lesson} requires. */
    public void set(UUID lesson, Iterable<UUID> required) {
        requires.remove(lesson);
        required.forEach(r -> add(lesson, r));
    }

    /**
     * A cycle through {@code lesson}, as the lessons along it starting and ending with {@code lesson}, if the
     * lesson (indirectly) requires itself.
     */
    public Optional<List<UUID>> cycleThrough(UUID lesson) {
        Deque<List<UUID>> paths = new ArrayDeque<>();
        paths.push(List.of(lesson));
        Set<UUID> seen = new HashSet<>();
        while (!paths.isEmpty()) {
            List<UUID> path = paths.pop();
            for (UUID next : requires.getOrDefault(path.getLast(), Set.of())) {
                List<UUID> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(lesson)) {
                    return Optional.of(longer);
                }
                if (seen.add(next)) {
                    paths.push(longer);
                }
            }
        }
        return Optional.empty();
    }
}
