package io.lectern.desktop.core.api;

import io.lectern.model.common.ApiProblem;

/** The server answered with a problem document; {@link #problem()} says what and why. */
public final class ApiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ApiProblem problem;

    public ApiError(ApiProblem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
