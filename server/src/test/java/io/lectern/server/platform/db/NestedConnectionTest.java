package io.lectern.server.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction that asks for a second connection (a query beside it, or another transaction inside it) is refused
 * in tests: under load every pooled connection can end up held by work waiting for another, and the pool stalls.
 */
class NestedConnectionTest {

    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabase.migrated("platform");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSecondConnectionInsideATransactionIsRefusedInTests() {
        assertTrue(Boolean.getBoolean("lectern.db.strict-nesting"), "the tests run with strict nesting");
        IllegalStateException beside = assertThrows(IllegalStateException.class, () -> db.doInTransaction(tx -> {
            tx.get("SELECT 1 AS one");
            db.execute().get("SELECT 2 AS two");
        }));
        assertTrue(beside.getMessage().contains("second database connection"), beside.getMessage());
        assertThrows(IllegalStateException.class, () -> db.doInTransaction(tx -> {
            tx.get("SELECT 1 AS one");
            db.doInTransaction(inner -> inner.get("SELECT 2 AS two"));
        }));
        // reading first, then writing in the transaction, and transactions one after another are fine
        long read = Rows.number(db.execute().get("SELECT 3 AS n").orElseThrow(), "n");
        assertEquals(3L, (long) db.inTransaction(tx -> Rows.number(tx.get("SELECT ?::bigint AS n", read).orElseThrow(), "n")));
        assertEquals(4L, (long) db.inTransaction(tx -> Rows.number(tx.get("SELECT 4 AS n").orElseThrow(), "n")));
    }
}
