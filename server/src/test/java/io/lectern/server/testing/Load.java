package io.lectern.server.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Steady traffic for fault tests: a few clients in a loop, each creating a draft course in {@link #CATEGORY} (a
 * write) and reading the account (a signed-in read), recording every answer with when it came and how long it took.
 */
public final class Load implements AutoCloseable {

    /** The category the written courses are filed under; the test makes sure it exists. */
    public static final String CATEGORY = "faults";

    /**
     * One answer.
     *
     * @param kind       "write" or "read"
     * @param status     HTTP status, or -1 when the connection failed
     * @param at         nanoTime when the answer came
     * @param millis     how long the request took
     * @param retryAfter the Retry-After header, if any
     * @param createdId  the id of what a successful write created
     * @param failure    why the request failed on the client's side (no connection, an answer off its contract)
     */
    public record Outcome(String kind, int status, long at, long millis, String retryAfter, String createdId,
                          String failure) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Http http;
    private final URI base;
    private final String token;
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    public Load(Http http, URI base, String token, int clients) {
        this.http = http;
        this.base = base;
        this.token = token;
        for (int i = 0; i < clients; i++) {
            this.clients.add(Thread.ofPlatform().daemon().name("load-" + i).start(this::loop));
        }
    }

    private void loop() {
        while (running.get()) {
            String title = "Fault test " + UUID.randomUUID();
            call("write", HttpRequest.newBuilder(base.resolve("/api/v1/courses"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.json("title", title, "category", CATEGORY))));
            call("read", HttpRequest.newBuilder(base.resolve("/api/v1/me")).GET());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void call(String kind, HttpRequest.Builder request) {
        long start = System.nanoTime();
        request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        try {
            Http.Response r = http.send(request);
            String id = "write".equals(kind) && r.status() == 201 ? r.json().path("id").asText() : null;
            outcomes.add(new Outcome(kind, r.status(), System.nanoTime(), (System.nanoTime() - start) / 1_000_000,
                    r.header("Retry-After"), id, null));
        } catch (RuntimeException | AssertionError e) {
            String why = String.valueOf(e.getMessage());
            outcomes.add(new Outcome(kind, -1, System.nanoTime(), (System.nanoTime() - start) / 1_000_000, null,
                    null, e.getClass().getSimpleName() + ": " + why.substring(0, Math.min(300, why.length()))));
        }
    }

    /** Every answer so far. */
    public List<Outcome> outcomes() {
        return Collections.unmodifiableList(new ArrayList<>(outcomes));
    }

    /** Answers that came after {@code since} (a nanoTime). */
    public List<Outcome> since(long since) {
        return outcomes().stream().filter(o -> o.at() - since > 0).toList();
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread t : clients) {
            try {
                t.join(40_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
