package io.lectern.server.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.Json;
import io.lectern.server.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    record LessonFinished(String learner, int lesson) {
    }

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofSeconds(30));

    private Database db;
    private EventBus bus;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated("platform");
        bus = new EventBus(Json.mapper(), new Ids(Clock.systemUTC()));
        db.execute().dml("CREATE TABLE public.received (listener text, learner text, lesson int, "
                + "UNIQUE (listener, learner, lesson))");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void publish(LessonFinished event) {
        db.doInTransaction(tx -> bus.publish(tx, event));
    }

    private void recordInto(String listener) {
        bus.subscribe(listener, LessonFinished.class, (e, d) -> d.tx().insert(
                "INSERT INTO public.received VALUES (?, ?, ?)", listener, e.learner(), e.lesson()));
    }

    private long received(String listener) {
        return db.execute().get("SELECT count(*) AS n FROM public.received WHERE listener = ?", listener)
                .map(r -> Rows.number(r, "n")).orElseThrow();
    }

    /** The status of the listener's row, or "delivered" once it is gone (delivered rows are deleted). */
    private String status(String listener) {
        return db.execute().get("SELECT status FROM platform.outbox WHERE listener = ?", listener)
                .map(r -> Rows.text(r, "status")).orElse("delivered");
    }

    @Test
    void eventCommittedBeforeACrashIsDeliveredByTheNextDispatcher() {
        recordInto("progress");
        publish(new LessonFinished("ann", 1));
        // no dispatcher ran: the process "crashed" after commit. A new one starts and delivers.
        try (OutboxDispatcher restarted = new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10))) {
            assertEquals(1, restarted.dispatchOnce());
        }
        assertEquals(1, received("progress"));
        assertEquals("delivered", status("progress"));
    }

    @Test
    void rolledBackPublisherDeliversNothing() {
        recordInto("progress");
        assertThrows(IllegalStateException.class, () -> db.doInTransaction(tx -> {
            bus.publish(tx, new LessonFinished("ann", 1));
            throw new IllegalStateException("publisher failed after publishing");
        }));
        assertEquals(0, new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10)).dispatchOnce());
    }

    @Test
    void failingInTransactionListenerAbortsThePublisher() {
        recordInto("progress");
        bus.onTransaction(LessonFinished.class, (e, tx) -> {
            throw new IllegalStateException("invariant broken");
        });
        assertThrows(IllegalStateException.class, () -> publish(new LessonFinished("ann", 1)));
        assertEquals(0, db.execute().get("SELECT count(*) AS n FROM platform.outbox").map(r -> Rows.number(r, "n"))
                .orElseThrow());
    }

    @Test
    void failingListenerIsRetriedThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        bus.subscribe("flaky", LessonFinished.class, (e, d) -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("mail server down");
            }
            d.tx().insert("INSERT INTO public.received VALUES ('flaky', ?, ?)", e.learner(), e.lesson());
        });
        publish(new LessonFinished("ann", 1));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, bus, new RetryPolicy(5, Duration.ofMillis(1),
                Duration.ofMillis(5), Duration.ofSeconds(30)), Duration.ofMillis(10));
        drain(dispatcher);
        assertEquals(3, calls.get());
        assertEquals(1, received("flaky"));
        assertEquals("delivered", status("flaky"));
    }

    @Test
    void listenerThatKeepsFailingIsParkedAsDead() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        bus.subscribe("broken", LessonFinished.class, (e, d) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("always down");
        });
        publish(new LessonFinished("ann", 1));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10));
        drain(dispatcher);
        assertEquals(3, calls.get(), "max attempts, then no more");
        assertEquals("DEAD", status("broken"));
        String error = db.execute().get("SELECT last_error FROM platform.outbox").map(r -> Rows.text(r, "last_error"))
                .orElseThrow();
        assertTrue(error.contains("always down"), error);
    }

    @Test
    void eachListenerGetsItsOwnDeliveryAndFailuresDoNotBlockOthers() throws Exception {
        recordInto("progress");
        bus.subscribe("broken", LessonFinished.class, (e, d) -> {
            throw new IllegalStateException("down");
        });
        publish(new LessonFinished("ann", 1));
        drain(new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10)));
        assertEquals(1, received("progress"));
        assertEquals("DEAD", status("broken"));
    }

    @Test
    void aBatchListenersPendingEventsAreDeliveredInOneTransactionAPlainListenersEachInItsOwn() {
        db.execute().dml("ALTER TABLE public.received ADD COLUMN tx bigint DEFAULT txid_current()");
        recordInto("progress");
        bus.subscribeBatch("batch", LessonFinished.class, (events, tx) -> events.forEach(e -> tx.insert(
                "INSERT INTO public.received VALUES ('batch', ?, ?)", e.learner(), e.lesson())));
        for (int i = 0; i < 10; i++) {
            publish(new LessonFinished("ann", i));
        }
        assertEquals(20, new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10)).dispatchOnce());
        assertEquals(10, received("batch"));
        assertEquals(10, received("progress"));
        assertEquals(1, transactions("batch"), "one commit for the batch listener's ten deliveries");
        assertEquals(10, transactions("progress"), "a plain listener's deliveries commit one by one");
        assertEquals(0, db.execute().get("SELECT count(*) AS n FROM platform.outbox").map(r -> Rows.number(r, "n"))
                .orElseThrow(), "delivered rows are deleted");
    }

    private long transactions(String listener) {
        return db.execute().get("SELECT count(DISTINCT tx) AS n FROM public.received WHERE listener = ?", listener)
                .map(r -> Rows.number(r, "n")).orElseThrow();
    }

    @Test
    void eventsAreDeliveredInTheOrderTheyWereWritten() {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        bus.subscribe("ordered", LessonFinished.class, (e, d) -> order.add(e.lesson()));
        bus.subscribeBatch("ordered-batch", LessonFinished.class, (events, tx) -> events.forEach(e -> order.add(-e.lesson())));
        db.doInTransaction(tx -> {
            for (int lesson = 1; lesson <= 60; lesson++) {
                bus.publish(tx, new LessonFinished("ann", lesson));
            }
        });
        for (int lesson = 61; lesson <= 80; lesson++) {
            publish(new LessonFinished("ann", lesson));
        }
        // rows rewritten meanwhile (as a claim whose delivery failed rewrites them) move to the end of the table
        db.execute().dml("UPDATE platform.outbox SET last_error = 'earlier attempt' WHERE (payload->>'lesson')::int <= 20");
        new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10)).dispatchOnce();
        List<Integer> expected = new ArrayList<>();
        for (int lesson = 1; lesson <= 80; lesson++) {
            expected.add(lesson);
        }
        assertEquals(expected, order.stream().filter(n -> n > 0).toList(), "one by one");
        assertEquals(expected, order.stream().filter(n -> n < 0).map(n -> -n).toList(), "as a batch");
    }

    @Test
    void aFailingEventAmongOthersIsRetriedAloneAndTheOthersLandOnce() throws Exception {
        AtomicInteger poisonCalls = new AtomicInteger();
        bus.subscribe("progress", LessonFinished.class, (e, d) -> {
            if (e.lesson() == 3) {
                poisonCalls.incrementAndGet();
                throw new IllegalStateException("lesson 3 is broken");
            }
            d.tx().insert("INSERT INTO public.received VALUES ('progress', ?, ?)", e.learner(), e.lesson());
        });
        for (int i = 0; i < 6; i++) {
            publish(new LessonFinished("ann", i));
        }
        drain(new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10)));
        assertEquals(5, received("progress"), "the five good events, each once (the table's UNIQUE would refuse twice)");
        assertEquals("DEAD", db.execute().get("SELECT string_agg(status, ',') AS s FROM platform.outbox")
                .map(r -> Rows.text(r, "s")).orElseThrow(), "only the dead row is left");
        assertEquals(FAST.maxAttempts(), poisonCalls.get(), "a plain listener's event is always tried alone");
    }

    @Test
    void aBatchListenerGetsThePendingEventsTogetherAndAFailingOneAlone() throws Exception {
        List<List<Integer>> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        bus.subscribeBatch("batch", LessonFinished.class, (events, tx) -> {
            calls.add(events.stream().map(LessonFinished::lesson).toList());
            if (events.stream().anyMatch(e -> e.lesson() == 2)) {
                throw new IllegalStateException("lesson 2 is broken");
            }
            for (LessonFinished e : events) {
                tx.insert("INSERT INTO public.received VALUES ('batch', ?, ?)", e.learner(), e.lesson());
            }
        });
        for (int i = 0; i < 4; i++) {
            publish(new LessonFinished("ann", i));
        }
        drain(new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10)));
        assertEquals(List.of(0, 1, 2, 3), calls.getFirst(), "all four at once, in publishing order");
        assertEquals(List.of(List.of(0), List.of(1), List.of(2), List.of(3)), calls.subList(1, 5), "then one by one");
        assertEquals(3, received("batch"));
        assertEquals(1 + 3 + FAST.maxAttempts(), calls.size(), "the good three once each, the broken one until parked");
    }

    @Test
    void aRowWaitingForARetryDoesNotHoldNewRowsBack() throws Exception {
        List<List<Integer>> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        bus.subscribeBatch("batch", LessonFinished.class, (events, tx) -> {
            calls.add(events.stream().map(LessonFinished::lesson).toList());
            if (events.stream().anyMatch(e -> e.lesson() == 0)) {
                throw new IllegalStateException("lesson 0 is broken");
            }
        });
        publish(new LessonFinished("ann", 0));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10));
        dispatcher.dispatchOnce();
        assertEquals(List.of(List.of(0)), calls, "alone in its batch: its first attempt");
        for (int i = 1; i <= 5; i++) {
            publish(new LessonFinished("ann", i));
        }
        Thread.sleep(20); // its retry is due
        calls.clear();
        dispatcher.dispatchOnce();
        assertEquals(List.of(List.of(0), List.of(1, 2, 3, 4, 5)), calls, "the failing one alone, the new rows together");
    }

    @Test
    void rowsOfAListenerThisServerDoesNotHaveAreTriedWhenNothingElseIsDue() throws Exception {
        recordInto("progress");
        publish(new LessonFinished("ann", 1));
        db.execute().dml("UPDATE platform.outbox SET listener = 'gone'"); // as written by a server that had it
        publish(new LessonFinished("ann", 2));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10));
        assertEquals(1, dispatcher.dispatchOnce(), "the known listener's row first");
        assertEquals("PENDING", status("gone"));
        drain(dispatcher);
        assertEquals(1, received("progress"));
        assertEquals("DEAD", status("gone"));
        assertTrue(db.execute().get("SELECT last_error FROM platform.outbox").map(r -> Rows.text(r, "last_error"))
                .orElseThrow().contains("no listener named gone"));
    }

    @Test
    void expiredLeaseOfADeadDispatcherIsTakenOver() {
        recordInto("progress");
        publish(new LessonFinished("ann", 1));
        // a dispatcher claimed the row and died before delivering: its lease is still in the table
        db.execute().update("UPDATE platform.outbox SET leased_by = 'dead-one', lease_until = now() + interval '1 hour'");
        OutboxDispatcher survivor = new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(10));
        assertEquals(0, survivor.dispatchOnce(), "a live lease is respected");
        db.execute().update("UPDATE platform.outbox SET lease_until = now() - interval '1 second'");
        assertEquals(1, survivor.dispatchOnce());
        assertEquals(1, received("progress"));
    }

    @Test
    void severalDispatchersDeliverEveryEventExactlyOncePerListener() throws Exception {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        for (String name : List.of("a", "b")) {
            bus.subscribe(name, LessonFinished.class, (e, d) -> {
                seen.computeIfAbsent(name + ":" + e.lesson(), k -> new AtomicInteger()).incrementAndGet();
                d.tx().insert("INSERT INTO public.received VALUES (?, ?, ?)", name, e.learner(), e.lesson());
            });
        }
        for (int i = 0; i < 200; i++) {
            publish(new LessonFinished("ann", i));
        }
        List<OutboxDispatcher> dispatchers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OutboxDispatcher d = new OutboxDispatcher(db, bus, FAST, Duration.ofMillis(5));
            dispatchers.add(d);
            d.start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((received("a") < 200 || received("b") < 200) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        dispatchers.forEach(OutboxDispatcher::close);
        assertEquals(200, received("a"));
        assertEquals(200, received("b"));
        assertEquals(400, seen.size());
        assertEquals(Collections.singleton(1), seen.values().stream().map(AtomicInteger::get)
                .collect(java.util.stream.Collectors.toSet()), "no event was handled twice");
    }

    /** Runs passes until nothing is pending (waiting out backoff delays). */
    private void drain(OutboxDispatcher dispatcher) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            dispatcher.dispatchOnce();
            boolean pending = db.execute().get("SELECT 1 FROM platform.outbox WHERE status = 'PENDING'").isPresent();
            if (!pending) {
                return;
            }
            Thread.sleep(10);
        }
    }
}
