package io.lectern.server.platform.jobs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * A registered kind of job; enqueue instances of it through {@link JobRunner#enqueue}.
 *
 * @param name the stable task name
 * @param task db-scheduler's task
 * @param <T>  the job's data
 */
public record JobType<T>(String name, OneTimeTask<T> task) {
}
