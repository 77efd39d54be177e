package io.lectern.desktop.core.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The decoded query parameters of the provider's redirect to the loopback address. */
final class CallbackQuery {

    private final Map<String, List<String>> values;

    private CallbackQuery(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses a raw (still percent-encoded) query; null or malformed input gives no parameters. */
    static CallbackQuery parse(String rawQuery) {
        Map<String, List<String>> values = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
                if (key != null && value != null && !key.isEmpty()) {
                    values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                }
            }
        }
        return new CallbackQuery(values);
    }

    /** The parameter's value when it is present exactly once (RFC 6749 forbids repeats), else null. */
    String single(String name) {
        List<String> found = values.get(name);
        return found != null && found.size() == 1 ? found.get(0) : null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
