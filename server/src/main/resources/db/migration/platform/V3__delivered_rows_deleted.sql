-- Delivered outbox rows are now deleted with their delivery (OutboxDispatcher) instead of being kept as DONE
-- forever; the table holds only what is still to do and the rows parked as DEAD.
DELETE FROM outbox WHERE status = 'DONE';
