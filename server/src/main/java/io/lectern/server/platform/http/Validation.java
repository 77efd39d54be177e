package io.lectern.server.platform.http;

import io.lectern.model.common.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every broken rule of a request before answering, so a user fixes all fields in one go.
 * Rules are named ({@code required}, {@code max_length}, {@code format}, ...) and stable for clients.
 */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private final List<FieldViolation> violations = new ArrayList<>();

    public Validation check(boolean ok, String field, String rule, String message) {
        if (!ok) {
            violations.add(new FieldViolation(field, rule, message));
        }
        return this;
    }

    public Validation required(String field, Object value) {
        boolean present = value != null && !(value instanceof String s && s.isBlank());
        return check(present, field, "required", field + " is required.");
    }

    public Validation maxLength(String field, String value, int max) {
        return check(value == null || value.length() <= max, field, "max_length",
                field + " must be at most " + max + " characters.");
    }

    public Validation email(String field, String value) {
        return check(value == null || value.isBlank() || (value.length() <= 254 && EMAIL.matcher(value).matches()),
                field, "format", field + " must be an email address.");
    }

    public Validation range(String field, long value, long min, long max) {
        return check(value >= min && value <= max, field, "range",
                field + " must be between " + min + " and " + max + ".");
    }

    /** Throws a 400 naming every broken rule, if any. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
    }
}
