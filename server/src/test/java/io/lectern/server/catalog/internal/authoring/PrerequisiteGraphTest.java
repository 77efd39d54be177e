package io.lectern.server.catalog.internal.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrerequisiteGraphTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @Test
    void aChainHasNoCycle() {
        PrerequisiteGraph g = new PrerequisiteGraph(Map.of(b, List.of(a), c, List.of(b)));
        assertTrue(g.cycleThrough(a).isEmpty());
        assertTrue(g.cycleThrough(c).isEmpty());
    }

    @Test
    void closingTheChainIsACycleReportedAlongItsPath() {
        PrerequisiteGraph g = new PrerequisiteGraph(Map.of(b, List.of(a), c, List.of(b)));
        g.set(a, List.of(c));
        assertEquals(List.of(a, c, b, a), g.cycleThrough(a).orElseThrow());
    }

    @Test
    void diamondsAreFine() {
        PrerequisiteGraph g = new PrerequisiteGraph(Map.of(b, List.of(a), c, List.of(a, b)));
        assertTrue(g.cycleThrough(c).isEmpty());
    }
}
