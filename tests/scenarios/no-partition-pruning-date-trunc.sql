-- expect: no-partition-pruning, non-sargable-predicate
-- events is partitioned by month on created_at (12 partitions, see setup.sql). The filter
-- compares date_trunc('day', created_at), not created_at itself, so neither the planner nor
-- the executor can prune: all 12 partitions are scanned and 11 of them return nothing.
-- WHERE created_at >= '2023-03-15' AND created_at < '2023-03-16' would scan one.
-- query
SELECT id, customer_id, kind
FROM events
WHERE date_trunc('day', created_at) = '2023-03-15';
