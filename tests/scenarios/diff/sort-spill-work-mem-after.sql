-- resolves: sort-spill
-- After: the same session, then the fix.sql of the before plan's sort-spill finding.
SET max_parallel_workers_per_gather = 0;
SET work_mem = '64kB';
SET work_mem = '16MB';
-- query
SELECT id, customer_id, amount
FROM orders
WHERE created_at < '2023-02-01'
ORDER BY amount DESC;
