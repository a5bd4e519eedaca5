-- expect: sort-spill
-- Before: ../sort-spill-low-work-mem.sql. January's ~89,000 orders sorted by amount with
-- work_mem = 64kB: each parallel worker's sort runs as an external merge on disk.
SET work_mem = '64kB';
-- query
SELECT id, customer_id, amount
FROM orders
WHERE created_at < '2023-02-01'
ORDER BY amount DESC;
