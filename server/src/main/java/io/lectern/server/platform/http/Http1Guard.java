package io.lectern.server.platform.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.Router;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1 in front of Helidon's own: it serves HTTP/1.0 requests (Helidon 4.1 drops them without a word; load
 * balancers' health checks and proxies still send them) and cuts off a connection whose first request head does
 * not arrive in time (slow-header clients holding connections open).
 *
 * <p>An HTTP/1.0 connection carries one request: its head is handed to Helidon as HTTP/1.1 with {@code Connection:
 * close} (and a {@code Host} when it had none), and once its body is read the connection ends, so Helidon answers and
 * closes it. Requests on later keep-alive requests are bounded by the listener's idle timeout instead.
 */
public final class Http1Guard implements ServerConnectionSelector, AutoCloseable {

    private final Http1ConnectionSelector http1;
    private final long headNanos;
    private final Set<HeadReader> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;

    public Http1Guard(Http1Config config, Duration headTimeout) {
        this.http1 = Http1ConnectionSelector.builder().config(config).build();
        this.headNanos = headTimeout.toNanos();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("lectern-header-timeout").factory());
        long period = Math.max(100, Math.min(1000, headTimeout.toMillis() / 4));
        watchdog.scheduleAtFixedRate(this::cutSlowHeads, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData data) {
        int newline = data.indexOf((byte) '\n');
        if (newline > 0) {
            boolean http10 = data.readString(newline).endsWith(" HTTP/1.0\r");
            data.rewind();
            if (http10) {
                return Support.SUPPORTED;
            }
        }
        return http1.supports(data);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        HeadReader head = new HeadReader(ctx.dataReader(), ctx.localPeer(), System.nanoTime() + headNanos,
                ctx::serverSocket, waiting::remove);
        waiting.add(head);
        return http1.connection(new Context(ctx, new DataReader(head)));
    }

    private void cutSlowHeads() {
        long now = System.nanoTime();
        for (HeadReader head : waiting) {
            if (now - head.deadline() > 0 && waiting.remove(head)) {
                head.cut();
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    /** The connection's context with the reader that sees the rewritten head. */
    private record Context(ConnectionContext delegate, DataReader reader) implements ConnectionContext {
        @Override
        public ListenerContext listenerContext() {
            return delegate.listenerContext();
        }

        @Override
        public ExecutorService executor() {
            return delegate.executor();
        }

        @Override
        public DataWriter dataWriter() {
            return delegate.dataWriter();
        }

        @Override
        public DataReader dataReader() {
            return reader;
        }

        @Override
        public Router router() {
            return delegate.router();
        }

        @Override
        public HelidonSocket serverSocket() {
            return delegate.serverSocket();
        }

        @Override
        public PeerInfo remotePeer() {
            return delegate.remotePeer();
        }

        @Override
        public PeerInfo localPeer() {
            return delegate.localPeer();
        }

        @Override
        public boolean isSecure() {
            return delegate.isSecure();
        }

        @Override
        public String socketId() {
            return delegate.socketId();
        }

        @Override
        public String childSocketId() {
            return delegate.childSocketId();
        }
    }
}
