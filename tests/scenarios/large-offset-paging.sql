-- expect: large-offset
-- Page 2,501 of an orders listing, 20 per page: the index scan produces 50,020 rows in
-- created_at order and the Limit throws away the first 50,000. Keyset pagination
-- (WHERE created_at > last seen value) would read 20.
-- query
SELECT id, customer_id, amount, created_at
FROM orders
ORDER BY created_at
OFFSET 50000 LIMIT 20;
