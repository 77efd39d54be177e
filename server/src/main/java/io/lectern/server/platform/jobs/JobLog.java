package io.lectern.server.platform.jobs;

import io.helidon.dbclient.DbRow;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Rows;
import java.util.Optional;

/** The {@code platform.job_log} table: one row per job instance with its latest state. */
final class JobLog {

    private final Database db;

    JobLog(Database db) {
        this.db = db;
    }

    int started(String type, String id) {
        return db.execute().get("""
                INSERT INTO platform.job_log (task_name, task_instance, status, attempts) VALUES (?, ?, 'RUNNING', 1)
                ON CONFLICT (task_name, task_instance)
                DO UPDATE SET status = 'RUNNING', attempts = job_log.attempts + 1, updated_at = now()
                RETURNING attempts""", type, id).map(r -> (int) Rows.number(r, "attempts")).orElse(1);
    }

    void finished(String type, String id, String state, String error) {
        db.execute().update("UPDATE platform.job_log SET status = ?, last_error = ?, updated_at = now() "
                + "WHERE task_name = ? AND task_instance = ?", state, error, type, id);
    }

    Optional<JobStatus> find(String type, String id) {
        return db.execute().get("SELECT * FROM platform.job_log WHERE task_name = ? AND task_instance = ?", type, id)
                .map(JobLog::status);
    }

    private static JobStatus status(DbRow r) {
        return new JobStatus(Rows.text(r, "task_name"), Rows.text(r, "task_instance"), Rows.text(r, "status"),
                (int) Rows.number(r, "attempts"), Rows.text(r, "last_error"), Rows.instant(r, "updated_at"));
    }
}
