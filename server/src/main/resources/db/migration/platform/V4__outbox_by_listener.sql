-- The dispatcher takes each listener's new rows in the order they were written, a batch per transaction, and the
-- rows waiting for a retry one by one (OutboxDispatcher): an index for each of the two queues.
CREATE INDEX outbox_listener_new_idx ON outbox (listener, available_at, seq) WHERE status = 'PENDING' AND attempts = 0;
CREATE INDEX outbox_retry_idx ON outbox (available_at, seq) WHERE status = 'PENDING' AND attempts > 0;
DROP INDEX outbox_pending_idx;
