package io.lectern.server.platform.jobs;

/**
 * The work of one job type. Throwing schedules a retry; a handler must tolerate running again after a crash.
 *
 * @param <T> the job's data, stored as JSON
 */
@FunctionalInterface
public interface JobHandler<T> {

    void run(T data, int attempt) throws Exception;
}
