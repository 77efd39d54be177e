package io.lectern.desktop.core.api;

import io.lectern.model.common.ApiProblem;
import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with a problem document; {@link #problem()} says what and why, and {@link #retryAfter()}
 * how long to wait when the server asked for that ({@code Retry-After} on 429 and 503 answers).
 */
public final class ApiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ApiProblem problem;
    private final Duration retryAfter;

    public ApiError(ApiProblem problem) {
        this(problem, null);
    }

    public ApiError(ApiProblem problem, Duration retryAfter) {
        super(ProblemText.of(problem.code(), problem.detail(), problem.context()));
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public ApiProblem problem() {
        return problem;
    }

    /** The problem's stable code, such as {@code auth.totp_required}; empty when the server sent none. */
    public String code() {
        return problem.code() == null ? "" : problem.code();
    }

    /** How long the server asked the client to wait before trying again, if it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
