-- The idempotency service is the platform's now (platform/V5 made its table, which migrates first).
INSERT INTO platform.idempotency_keys (user_id, key, operation, fingerprint, status, response, created_at)
SELECT user_id, key, operation, fingerprint, status, response, created_at FROM commerce.idempotency_keys;
DROP TABLE commerce.idempotency_keys;
