package io.lectern.server.platform.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses text no request needs before any handler sees it: a path or query whose percent-encoded bytes are not UTF-8
 * (lone surrogates, overlong forms) or that holds a control character such as a NUL byte (which PostgreSQL cannot
 * store and logs could be forged with). JSON bodies get the same rules in {@link Json}.
 */
public final class TextGuard implements Filter {

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        check(request.path().rawPath(), "path", false);
        check(request.query().rawValue(), "query", true);
        chain.proceed();
    }

    private static void check(String raw, String where, boolean query) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        String text = decode(raw, query).orElseThrow(() -> new ApiException(400, "request.bad_encoding", "The " + where
                + " is not valid UTF-8: percent-encoded bytes must spell UTF-8 text."));
        problem(text).ifPresent(p -> {
            throw new ApiException(400, "request.bad_character", "The " + where + " holds " + p + "; remove it.");
        });
    }

    /**
     * What is wrong with a piece of client text: a control character (NUL, line breaks, ...) or half of a surrogate
     * pair; empty when it is fine. Tabs and line breaks are allowed only where {@code multiline} text is expected.
     */
    public static Optional<String> problem(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of("a NUL byte");
            }
            if ((c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f) {
                return Optional.of(String.format("the control character U+%04X", (int) c));
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of("half of a surrogate pair (not a character)");
            }
        }
        return Optional.empty();
    }

    static Optional<String> problem(String text) {
        return problem(text, false);
    }

    private static Optional<String> decode(String raw, boolean query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '%') {
                return Optional.empty();
            } else if (c > 0x7f) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write(query && c == '+' ? ' ' : c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
