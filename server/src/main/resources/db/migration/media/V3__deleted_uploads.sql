-- A completed upload whose media was deleted (its bytes are gone; the row stays as the owner's history).
ALTER TABLE uploads DROP CONSTRAINT uploads_status_check;
ALTER TABLE uploads ADD CONSTRAINT uploads_status_check
    CHECK (status IN ('OPEN', 'COMPLETE', 'FAILED', 'EXPIRED', 'DELETED'));
