-- keeps: sort-spill
-- After: the same session, then the fix.sql of the before plan's sort-spill finding. It sized
-- work_mem for one parallel worker's share of the rows (about 2.5 MB in memory), but with
-- 4MB the planner switches to a serial Bitmap Heap Scan and one process sorts all 89,279
-- rows: the sort still spills (2.8 MB). The diff reports sort-spill as remaining.
SET work_mem = '64kB';
SET work_mem = '4MB';
-- query
SELECT id, customer_id, amount
FROM orders
WHERE created_at < '2023-02-01'
ORDER BY amount DESC;
