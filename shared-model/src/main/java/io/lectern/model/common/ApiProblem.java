package io.lectern.model.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document with Lectern's stable {@code code} and per-field {@code errors}.
 *
 * @param type      URI naming the problem type
 * @param title     short human summary of the type
 * @param status    HTTP status code
 * @param detail    what went wrong in this occurrence, safe to show to a user
 * @param code      stable machine-readable code such as {@code wallet.insufficient_funds}
 * @param instance  the request id, so a user can quote it to support
 * @param errors    field violations, empty when the problem is not about input fields
 * @param context   facts a client can act on, e.g. the lessons to finish first or the missing amount
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiProblem(String type, String title, int status, String detail, String code, String instance,
                         List<FieldViolation> errors,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    public ApiProblem(String type, String title, int status, String detail, String code, String instance,
                      List<FieldViolation> errors) {
        this(type, title, status, detail, code, instance, errors, Map.of());
    }
}
