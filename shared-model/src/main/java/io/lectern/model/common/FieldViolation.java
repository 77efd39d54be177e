package io.lectern.model.common;

/**
 * One invalid input field.
 *
 * @param field   the JSON path of the field, e.g. {@code email} or {@code sections[2].title}
 * @param rule    the rule it broke, e.g. {@code required}, {@code max_length}, {@code format}
 * @param message a sentence a user can read
 */
public record FieldViolation(String field, String rule, String message) {
}
