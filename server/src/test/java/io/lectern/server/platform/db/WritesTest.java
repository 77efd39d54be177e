package io.lectern.server.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writes from several parts of a change go to PostgreSQL as one statement, which succeeds or fails whole. */
class WritesTest {

    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabase.migrated("platform");
        db.execute().update("DROP TABLE IF EXISTS writes_child, writes_parent");
        db.execute().update("CREATE TABLE writes_parent (id int PRIMARY KEY, name text NOT NULL)");
        db.execute().update("CREATE TABLE writes_child (id int PRIMARY KEY, parent int NOT NULL REFERENCES writes_parent, "
                + "note text CHECK (note <> 'bad'))");
    }

    @AfterEach
    void close() {
        db.execute().update("DROP TABLE IF EXISTS writes_child, writes_parent");
        db.close();
    }

    @Test
    void partsRunAsOneStatementAndReadEachOthersReturningByName() {
        Writes writes = new Writes()
                .add("parent", "INSERT INTO writes_parent (id, name) VALUES (?, ?) RETURNING id", 1, "one")
                .add("child", "INSERT INTO writes_child (id, parent, note) SELECT 10, p.id, ? FROM parent p", "fine");
        assertTrue(writes.sql().startsWith("WITH parent AS (INSERT"), writes.sql());
        writes.run(db.execute());
        assertEquals(List.of("1:10"), rows());
    }

    @Test
    void aFailingPartUndoesEveryOther() {
        Writes writes = new Writes() // the child refers to a parent another part inserts: checked at the end
                .add("child", "INSERT INTO writes_child (id, parent, note) VALUES (?, ?, ?)", 20, 2, "bad")
                .add("parent", "INSERT INTO writes_parent (id, name) VALUES (?, ?)", 2, "two");
        assertThrows(RuntimeException.class, () -> writes.run(db.execute()));
        assertEquals(List.of(), rows());
        Writes orphan = new Writes().add("child", "INSERT INTO writes_child (id, parent) VALUES (?, ?)", 21, 99);
        assertThrows(RuntimeException.class, () -> orphan.run(db.execute()), "foreign keys hold at the statement's end");
        assertEquals(List.of(), rows());
    }

    @Test
    void namesAreUniqueAndFreeNameFindsTheNextOne() {
        Writes writes = new Writes().add("outbox", "DELETE FROM writes_child WHERE id = ?", 1);
        assertThrows(IllegalArgumentException.class, () -> writes.add("outbox", "DELETE FROM writes_child"));
        assertThrows(IllegalArgumentException.class, () -> writes.add("Bad Name", "DELETE FROM writes_child"));
        assertEquals("outbox_2", writes.freeName("outbox"));
        assertEquals("other", writes.freeName("other"));
        new Writes().run(db.execute()); // nothing to send
    }

    private List<String> rows() {
        try (var r = db.execute().query("SELECT p.id, c.id AS child FROM writes_parent p JOIN writes_child c "
                + "ON c.parent = p.id ORDER BY c.id")) {
            return r.map(x -> Rows.number(x, "id") + ":" + Rows.number(x, "child")).toList();
        }
    }
}
