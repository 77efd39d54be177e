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

    public ApiException(int status, String code, String detail, List<FieldViolation> violations,
                        Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(headers);
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
}
