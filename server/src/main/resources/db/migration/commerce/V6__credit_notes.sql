-- A refund issues a credit note: an invoice of kind CREDIT_NOTE with negative amounts, naming the receipt it credits.
ALTER TABLE invoices ADD COLUMN credits text;

-- A course's sales, newest first (staff looking for what to refund).
CREATE INDEX IF NOT EXISTS enrollments_course_time_idx ON enrollments (course_id, created_at DESC, id DESC);
