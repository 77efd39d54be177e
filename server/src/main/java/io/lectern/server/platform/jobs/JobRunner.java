package io.lectern.server.platform.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs background work (transcodes, mails, certificates) on PostgreSQL. Define job types before
 * {@link #start()}; enqueue instances with a stable id so enqueuing twice runs once.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final Database db;
    private final ObjectMapper mapper;
    private final Duration pollInterval;
    private final Clock clock;
    private final JobLog log;
    private final List<Task<?>> tasks = new ArrayList<>();
    private final List<RecurringTask<Void>> recurring = new ArrayList<>();
    private Scheduler scheduler;

    public JobRunner(Database db, ObjectMapper mapper, Duration pollInterval, Clock clock) {
        this.db = db;
        this.mapper = mapper;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.log = new JobLog(db);
    }

    /**
     * Registers a job type.
     *
     * @param maxAttempts attempts in all before the job is parked as DEAD
     * @param firstRetry  delay after the first failure, doubling after each further one
     */
    public synchronized <T> JobType<T> define(String name, Class<T> dataType, int maxAttempts, Duration firstRetry,
                                              JobHandler<T> handler) {
        if (scheduler != null) {
            throw new IllegalStateException("define job types before the runner starts");
        }
        FailureHandler<T> retry = new FailureHandler.MaxRetriesFailureHandler<>(maxAttempts - 1,
                new FailureHandler.ExponentialBackoffFailureHandler<>(firstRetry),
                (complete, ops) -> {
                    TaskInstance<?> instance = complete.getExecution().taskInstance;
                    log.finished(name, instance.getId(), "DEAD", complete.getCause().map(Throwable::getMessage)
                            .orElse("failed"));
                });
        OneTimeTask<T> task = Tasks.oneTime(name, dataType).onFailure(retry).execute((instance, ctx) -> {
            int attempt = log.started(name, instance.getId());
            try {
                handler.run(instance.getData(), attempt);
                log.finished(name, instance.getId(), "DONE", null);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Job " + name + "/" + instance.getId() + " failed (attempt " + attempt + ")", e);
                log.finished(name, instance.getId(), attempt >= maxAttempts ? "DEAD" : "RETRYING",
                        String.valueOf(e.getMessage()));
                throw e instanceof RuntimeException re ? re : new JobFailedException(e);
            }
        });
        tasks.add(task);
        return new JobType<>(name, task);
    }

    /**
     * Runs {@code work} every {@code interval} on one instance of the cluster at a time (db-scheduler's recurring
     * task); a failure is logged and the next run comes as usual.
     */
    public synchronized void every(String name, Duration interval, Runnable work) {
        if (scheduler != null) {
            throw new IllegalStateException("define job types before the runner starts");
        }
        recurring.add(Tasks.recurring(name, Schedules.fixedDelay(interval)).execute((instance, ctx) -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Recurring job " + name + " failed; it runs again in " + interval, e);
            }
        }));
    }

    public synchronized void start() {
        scheduler = new ClockedBuilder(db, tasks, clock)
                .startTasks(recurring)
                .tableName("platform.scheduled_tasks")
                .serializer(new JacksonSerializer(mapper))
                .pollingInterval(pollInterval)
                // A job whose server died (kill -9, power loss) is taken up again after ~8 s, not minutes.
                .heartbeatInterval(Duration.ofSeconds(2))
                .missedHeartbeatsLimit(4)
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .shutdownMaxWait(Duration.ofSeconds(10))
                .threads(4)
                .enableImmediateExecution()
                .build();
        scheduler.start();
    }

    /** Unique per running server, also for several instances on one host (it names who holds a job). */
    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "lectern";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    /** Schedules a job now unless one with this id is already waiting or running. */
    public <T> boolean enqueue(JobType<T> type, String id, T data) {
        return scheduler.scheduleIfNotExists(type.task().instance(id, data), clock.instant());
    }

    public Optional<JobStatus> status(String type, String id) {
        return log.find(type, id);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    /** Wraps a checked failure so db-scheduler sees it. */
    private static final class JobFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobFailedException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** db-scheduler reading the platform's clock, so that "now" means the same to jobs as to the code that queues them. */
    private static final class ClockedBuilder extends SchedulerBuilder {

        ClockedBuilder(Database db, List<Task<?>> tasks, Clock platformClock) {
            super(db.dataSource(), tasks);
            this.clock = platformClock::instant;
        }
    }
}
