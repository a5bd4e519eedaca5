-- expect: lossy-bitmap
-- The orders of 500 customers (5,000 rows) are spread over ~4,000 of the table's 13,000
-- pages. With work_mem = 64kB the bitmap cannot keep one entry per page with row bits, so it
-- degrades to lossy pages: every row of those pages is rechecked against the condition
-- (Rows Removed by Index Recheck).
SET work_mem = '64kB';
-- query
SELECT count(*), sum(amount)
FROM orders
WHERE customer_id BETWEEN 1 AND 500;
