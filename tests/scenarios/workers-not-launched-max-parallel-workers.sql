-- expect: workers-not-launched
-- The planner plans 2 parallel workers (max_parallel_workers_per_gather is 2) but the
-- server-wide pool max_parallel_workers is 0, so none start and the leader scans 1M rows
-- alone under a Gather Merge that says Workers Launched: 0.
SET max_parallel_workers = 0;
-- query
SELECT status, count(*), sum(amount)
FROM orders
WHERE created_at >= '2023-06-01'
GROUP BY status;
