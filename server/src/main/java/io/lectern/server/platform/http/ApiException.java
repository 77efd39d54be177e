package io.lectern.server.platform.http;

import io.lectern.model.common.FieldViolation;
import java.util.List;
import java.util.Map;

/**
 * A failure a client can act on: it becomes a problem+json response with this status and stable code.
 * The detail is shown to users, so it never carries internal names, SQL or stack traces.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<FieldViolation> violations;
    private final transient Map<String, String> headers;
    private final transient Map<String, Object> context;

    public ApiException(int status, String code, String detail, List<FieldViolation> violations,
                        Map<String, String> headers) {
        this(status, code, detail, violations, headers, Map.of());
    }

    private ApiException(int status, String code, String detail, List<FieldViolation> violations,
                         Map<String, String> headers, Map<String, Object> context) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(headers);
        this.context = Map.copyOf(context);
    }

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, List.of(), Map.of());
    }

    public static ApiException invalid(List<FieldViolation> violations) {
        String fields = String.join(", ", violations.stream().map(FieldViolation::field).distinct().toList());
        return new ApiException(400, "request.invalid", "Some fields are not valid: " + fields + ".", violations,
                Map.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "resource.not_found", what + " was not found.");
    }

    /** The same problem carrying a fact the client can act on (problem member {@code context.<key>}). */
    public ApiException with(String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(context);
        copy.put(key, value);
        return new ApiException(status, code, getMessage(), violations, headers, copy);
    }

    /** A 422: the input is well-formed but breaks a rule of the domain; {@code violations} say which. */
    public static ApiException rule(String code, String detail, List<FieldViolation> violations) {
        return new ApiException(422, code, detail, violations, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> context() {
        return context;
    }
}
