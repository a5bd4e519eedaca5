-- expect: sort-spill
-- A Limit above the sort does not save it: a top-N heapsort is only used once the sort has
-- seen twice the LIMIT in rows without running out of memory. With LIMIT 10000 and
-- work_mem = 64kB memory runs out first, so the sort spills as an external merge.
SET work_mem = '64kB';
-- query
SELECT id, customer_id, amount
FROM orders
WHERE created_at < '2023-02-01'
ORDER BY amount DESC
LIMIT 10000;
