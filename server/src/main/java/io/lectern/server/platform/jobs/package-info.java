/**
 * Background jobs on PostgreSQL through db-scheduler (ADR 0005): leased executions with heartbeats, so a job
 * whose server died is picked up elsewhere; retries with exponential backoff; and a {@code job_log} row per job
 * that shows its state after db-scheduler has removed a finished one-time task.
 */
package io.lectern.server.platform.jobs;
