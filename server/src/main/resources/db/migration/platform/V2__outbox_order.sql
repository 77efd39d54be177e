-- Rows are delivered in the order they were written (a course's versions, an enrollment and its refund): ids are
-- time-ordered only to the millisecond and rows written in one transaction share their available_at, so a
-- sequence number breaks ties.
ALTER TABLE outbox ADD COLUMN seq bigserial NOT NULL;
DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_pending_idx ON outbox (available_at, seq) WHERE status = 'PENDING';
