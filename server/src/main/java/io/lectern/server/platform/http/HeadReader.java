package io.lectern.server.platform.http;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of one connection as {@link Http1Guard} hands them to Helidon: the first request head is gathered whole
 * (so its deadline can be enforced and an HTTP/1.0 head rewritten), then everything passes through unchanged, except
 * that a connection whose first request is HTTP/1.0 or says {@code Connection: close} ends after that request.
 */
final class HeadReader implements Supplier<byte[]> {

    private static final int MAX_HEAD = 64 * 1024;
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:[ \\t]*(\\d{1,18})[ \\t]*$");
    private static final Pattern HOST = Pattern.compile("(?im)^host:");
    private static final Pattern CLOSE = Pattern.compile("(?im)^connection:[^\\r]*\\bclose\\b");
    private static final Pattern CHUNKED = Pattern.compile("(?im)^transfer-encoding:");

    private final DataReader socket;
    private final PeerInfo local;
    private final long deadline;
    private final Supplier<HelidonSocket> connection;
    private final Consumer<HeadReader> headDone;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private boolean passThrough;
    /** For HTTP/1.0: body bytes still to hand over before the connection ends; -1 otherwise. */
    private long bodyLeft = -1;
    private volatile boolean cut;

    HeadReader(DataReader socket, PeerInfo local, long deadline, Supplier<HelidonSocket> connection,
               Consumer<HeadReader> headDone) {
        this.socket = socket;
        this.local = local;
        this.deadline = deadline;
        this.connection = connection;
        this.headDone = headDone;
    }

    long deadline() {
        return deadline;
    }

    /** The head did not arrive in time: close the socket, which ends the read Helidon is waiting in. */
    void cut() {
        cut = true;
        try {
            connection.get().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }

    @Override
    public byte[] get() {
        if (passThrough) {
            return next();
        }
        if (bodyLeft >= 0) {
            return body();
        }
        while (true) {
            byte[] chunk = next();
            if (chunk == null || cut) {
                headDone.accept(this);
                return null;
            }
            head.writeBytes(chunk);
            byte[] bytes = head.toByteArray();
            int end = indexOf(bytes, END_OF_HEAD);
            if (end >= 0 || bytes.length > MAX_HEAD) {
                headDone.accept(this);
                return end >= 0 ? firstHead(bytes, end + END_OF_HEAD.length) : passAll(bytes);
            }
        }
    }

    private byte[] passAll(byte[] bytes) {
        passThrough = true;
        return bytes;
    }

    private byte[] firstHead(byte[] bytes, int headLength) {
        String text = new String(bytes, 0, headLength, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf("\r\n");
        String requestLine = text.substring(0, lineEnd);
        String fields = text.substring(lineEnd + 2);
        Matcher length = CONTENT_LENGTH.matcher(fields);
        long body = length.find() ? Long.parseLong(length.group(1)) : 0;
        if (!requestLine.endsWith(" HTTP/1.0")) {
            if (!CLOSE.matcher(fields).find() || CHUNKED.matcher(fields).find()) {
                return passAll(bytes);
            }
            return oneRequest(bytes, headLength, body); // Connection: close, which Helidon 4.1 answers but ignores
        }
        StringBuilder rewritten = new StringBuilder(text.length() + 64)
                .append(requestLine, 0, requestLine.length() - 3).append("1.1\r\nConnection: close\r\n");
        if (!HOST.matcher(fields).find()) {
            rewritten.append("Host: ").append(hostOf(local)).append("\r\n");
        }
        rewritten.append(withoutConnection(fields));
        byte[] headBytes = ascii(rewritten.toString());
        byte[] joined = Arrays.copyOf(headBytes, headBytes.length + bytes.length - headLength);
        System.arraycopy(bytes, headLength, joined, headBytes.length, bytes.length - headLength);
        return oneRequest(joined, headBytes.length, body);
    }

    /** The connection carries this one request: hand over its head and body, then end. */
    private byte[] oneRequest(byte[] bytes, int headLength, long body) {
        int take = (int) Math.min(bytes.length - headLength, body);
        bodyLeft = body - take;
        return Arrays.copyOf(bytes, headLength + take);
    }

    /** An HTTP/1.0 client's own Connection header (keep-alive) would contradict the close we ask for. */
    private static String withoutConnection(String fields) {
        StringBuilder kept = new StringBuilder(fields.length());
        for (String line : fields.split("\r\n", -1)) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                kept.append(line).append("\r\n");
            }
        }
        return kept.substring(0, kept.length() - 2);
    }

    private byte[] body() {
        if (bodyLeft == 0) {
            return null; // the one request is read: end the connection once it is answered
        }
        byte[] chunk = next();
        if (chunk == null) {
            return null;
        }
        int take = (int) Math.min(chunk.length, bodyLeft);
        bodyLeft -= take;
        return take == chunk.length ? chunk : Arrays.copyOf(chunk, take);
    }

    private byte[] next() {
        try {
            if (socket.available() == 0) {
                socket.pullData();
            }
            return socket.readBytes(socket.available());
        } catch (DataReader.InsufficientDataAvailableException e) {
            return null;
        } catch (RuntimeException e) {
            if (cut) {
                return null;
            }
            throw e;
        }
    }

    /** Host name for an HTTP/1.0 request without one: the address it reached. */
    private static String hostOf(PeerInfo local) {
        String host = local.host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + local.port();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
