package io.lectern.server.platform.http;

import io.helidon.common.uri.UriQuery;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** Reads query parameters with validation: a bad value is a 400 naming the parameter and the rule. */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code ?limit=}, 1 to {@code max}, default {@code fallback}. */
    public static int limit(ServerRequest req, int fallback, int max) {
        return limit(req.query(), fallback, max);
    }

    public static int limit(UriQuery query, int fallback, int max) {
        String text = query.first("limit").orElse(Integer.toString(fallback));
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        new Validation().range("limit", limit, 1, max).throwIfInvalid();
        return limit;
    }

    public static Optional<String> text(ServerRequest req, String name, int maxLength) {
        return text(req.query(), name, maxLength);
    }

    public static Optional<String> text(UriQuery query, String name, int maxLength) {
        Optional<String> value = query.first(name).map(String::strip).filter(v -> !v.isEmpty());
        value.ifPresent(v -> new Validation().maxLength(name, v, maxLength).throwIfInvalid());
        return value;
    }

    public static Optional<UUID> uuid(ServerRequest req, String name) {
        return uuid(req.query(), name);
    }

    public static Optional<UUID> uuid(UriQuery query, String name) {
        return text(query, name, 64).map(v -> {
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(java.util.List.of(new io.lectern.model.common.FieldViolation(name, "format",
                        name + " must be a UUID.")));
            }
        });
    }

    public static Optional<Instant> instant(ServerRequest req, String name) {
        return text(req, name, 64).map(v -> {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(java.util.List.of(new io.lectern.model.common.FieldViolation(name, "format",
                        name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z.")));
            }
        });
    }

    public static Optional<Boolean> bool(ServerRequest req, String name) {
        return bool(req.query(), name);
    }

    public static Optional<Boolean> bool(UriQuery query, String name) {
        return text(query, name, 5).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(java.util.List.of(new io.lectern.model.common.FieldViolation(name,
                    "format", name + " must be true or false.")));
        });
    }
}
