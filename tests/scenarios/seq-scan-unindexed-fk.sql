-- expect: seq-scan-selective-filter
-- One account's events: account_events.account_id is a foreign key with no index (see
-- setup.sql), so the lookup reads all 50,000 rows to keep 5. With the schema, the
-- fk-missing-index finding on the same column is the same fact: one index serves both.
-- query
SELECT id, kind, created_at
FROM account_events
WHERE account_id = 4242;
