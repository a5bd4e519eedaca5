-- expect: large-offset
-- Before: ../large-offset-paging.sql. Page 2,501 of an orders listing, 20 per page: the
-- index scan produces 50,020 rows and the Limit throws away the first 50,000.
-- query
SELECT id, customer_id, amount, created_at
FROM orders
ORDER BY created_at
OFFSET 50000 LIMIT 20;
