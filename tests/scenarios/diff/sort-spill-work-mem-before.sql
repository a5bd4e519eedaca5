-- expect: sort-spill
-- Before: ../sort-spill-low-work-mem.sql without parallel workers, so that one process sorts
-- all of January's ~89,000 orders by amount with work_mem = 64kB: an external merge on disk.
SET max_parallel_workers_per_gather = 0;
SET work_mem = '64kB';
-- query
SELECT id, customer_id, amount
FROM orders
WHERE created_at < '2023-02-01'
ORDER BY amount DESC;
