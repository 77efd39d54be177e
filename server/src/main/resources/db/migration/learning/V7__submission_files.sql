-- Who may open a handed-in file (the staff of the course it was handed in to): found by the file's id.
CREATE INDEX submissions_media_idx ON submissions USING gin (media_ids);
